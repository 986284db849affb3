@testable import RapportDemo

/// The demo book's generator, whose stream depends only on its seed, so a case can be rebuilt
/// from the campaign's seed and its number.
typealias SplitMix = SplitMix64

extension SplitMix64 {
    /// The generator for case `index` of the campaign seeded `seed`, independent of the order
    /// the two lanes happen to take cases in.
    init(seed: UInt64, index: Int) {
        var mixer = SplitMix64(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        self.init(seed: mixer.next())
    }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}
