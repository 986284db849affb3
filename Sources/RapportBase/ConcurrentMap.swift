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

extension Array where Element: Sendable {
    /// Works through the array a chunk at a time, `prepare` running ahead on another thread:
    /// while `consume` writes one chunk, the next ones are prepared. For a bulk write whose
    /// database work is bound to one thread and whose pure work (keys) can go beside it.
    /// `prepare` sees the chunks in order, one at a time; `consume` gets each chunk's range
    /// and what `prepare` made of it, in order, on this thread. At most `ahead` chunks are
    /// prepared and waiting at any time, since they are held in memory. If `consume` throws,
    /// the chunks still queued are dropped unprepared.
    public func pipelined<Prepared: Sendable>(chunk size: Int, ahead: Int = 4, prepare: @escaping @Sendable (ArraySlice<Element>) -> Prepared,
                                           consume: (Range<Int>, Prepared) throws -> Void) rethrows {
        let queue = DispatchQueue(label: "rapport.pipelined")  // serial: one chunk after the other
        let room = DispatchSemaphore(value: Swift.max(ahead, 1))
        let stop = PipelineStop()
        let slots = stride(from: 0, to: count, by: Swift.max(size, 1)).map { start in
            let slot = PipelineSlot<Prepared>(start..<Swift.min(start + size, count))
            queue.async { [self] in
                room.wait()
                if !stop.isSet { slot.value = prepare(self[slot.range]) }
                slot.ready.signal()
            }
            return slot
        }
        defer {
            stop.set()
            for _ in slots { room.signal() }  // lets the queue run out
        }
        for slot in slots {
            slot.ready.wait()
            guard let value = slot.value else { return }
            slot.value = nil
            try consume(slot.range, value)
            room.signal()
        }
    }
}

/// One chunk of `pipelined`: written once on the queue, read after `ready` on the caller's thread.
private final class PipelineSlot<Value>: @unchecked Sendable {
    let range: Range<Int>
    let ready = DispatchSemaphore(value: 0)
    var value: Value?

    init(_ range: Range<Int>) {
        self.range = range
    }
}

/// Set when `pipelined` returns, so the queue skips the chunks no one will read.
private final class PipelineStop: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false

    var isSet: Bool { lock.withLock { stopped } }

    func set() {
        lock.withLock { stopped = true }
    }
}
