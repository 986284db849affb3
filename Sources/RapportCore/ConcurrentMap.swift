import Foundation

extension Array where Element: Sendable {
    /// The elements transformed on every core, in order, for pure work over many rows (an
    /// import reads and keys each of 100,000 rows). `transform` runs on several threads at
    /// once: it must touch nothing shared. Fewer than `minimumChunk` elements a core are
    /// mapped on this thread.
    public func concurrentMap<T: Sendable>(minimumChunk: Int = 2_000, _ transform: @Sendable (Element) -> T) -> [T] {
        let parts = Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / Swift.max(minimumChunk, 1))
        guard parts > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each part writes its own slots.
            nonisolated(unsafe) let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                for i in (count * part / parts)..<(count * (part + 1) / parts) {
                    (base + i).initialize(to: transform(self[i]))
                }
            }
            initialized = count
        }
    }
}
