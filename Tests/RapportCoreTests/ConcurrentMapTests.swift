import Testing
@testable import RapportCore

struct ConcurrentMapTests {
    /// Below and above the size that is split between threads, and sizes that do not divide evenly.
    @Test(arguments: [0, 1, 7, 1_999, 4_000, 10_007])
    func givesWhatMapGivesInOrder(count: Int) {
        let items = Array(0..<count)
        #expect(items.concurrentMap { $0 * 3 + 1 } == items.map { $0 * 3 + 1 })
        #expect(items.concurrentMap(minimumChunk: 1) { String($0) } == items.map { String($0) })
    }
}
