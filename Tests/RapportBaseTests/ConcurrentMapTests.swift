import Foundation
import Testing
@testable import RapportBase

struct ConcurrentMapTests {
    /// Below and above the size that is split between threads, and sizes that do not divide evenly.
    @Test(arguments: [0, 1, 7, 1_999, 4_000, 10_007])
    func givesWhatMapGivesInOrder(count: Int) {
        let items = Array(0..<count)
        #expect(items.concurrentMap { $0 * 3 + 1 } == items.map { $0 * 3 + 1 })
        #expect(items.concurrentMap(minimumChunk: 1) { String($0) } == items.map { String($0) })
    }

    /// Chunks that divide the array evenly, that leave a short last one, one larger than the array.
    @Test(arguments: [(0, 4, [Range<Int>]()), (1, 4, [0..<1]), (8, 4, [0..<4, 4..<8]), (9, 4, [0..<4, 4..<8, 8..<9]), (3, 10, [0..<3])])
    func pipelinedConsumesEveryChunkInOrderWithWhatWasPreparedForIt(count: Int, chunk: Int, expected: [Range<Int>]) {
        let items = Array(0..<count)
        let prepared = Recorder()
        var consumed: [Range<Int>] = []
        var values: [Int] = []
        items.pipelined(chunk: chunk, prepare: { slice in
            prepared.append(slice.startIndex..<slice.endIndex)
            return slice.map { $0 * 10 }
        }) { range, tens in
            consumed.append(range)
            values += tens
        }
        #expect(consumed == expected)
        #expect(prepared.ranges == expected)
        #expect(values == items.map { $0 * 10 })
    }

    /// A slow consumer: the preparing thread would otherwise run to the end of the array.
    @Test(arguments: [1, 2, 5])
    func pipelinedPreparesAtMostAheadChunksBeyondWhatWasConsumed(ahead: Int) {
        let prepared = Recorder()
        var consumed = 0
        var mostAhead = 0
        Array(0..<30).pipelined(chunk: 1, ahead: ahead, prepare: { slice in
            prepared.append(slice.startIndex..<slice.endIndex)
            return slice.count
        }) { _, _ in
            Thread.sleep(forTimeInterval: 0.002)
            mostAhead = max(mostAhead, prepared.ranges.count - consumed)
            consumed += 1
        }
        #expect(consumed == 30)
        #expect(mostAhead == ahead)
    }

    /// With room for one chunk ahead, the chunks left unprepared must not keep the queue waiting.
    @Test(arguments: [1, 4])
    func pipelinedStopsAtTheFirstErrorOfConsume(ahead: Int) {
        struct Refused: Error {}
        var consumed: [Range<Int>] = []
        #expect(throws: Refused.self) {
            try Array(0..<100).pipelined(chunk: 10, ahead: ahead, prepare: { $0.count }) { range, _ in
                consumed.append(range)
                if range.lowerBound == 20 { throw Refused() }
            }
        }
        #expect(consumed == [0..<10, 10..<20, 20..<30])
    }
}

/// The ranges `prepare` saw, from the pipeline's thread.
private final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [Range<Int>] = []

    var ranges: [Range<Int>] { lock.withLock { seen } }

    func append(_ range: Range<Int>) {
        lock.withLock { seen.append(range) }
    }
}
