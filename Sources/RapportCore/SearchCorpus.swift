import Foundation

/// Every customer's search keys packed into three byte buffers, so the TUI can filter a
/// book of 100,000 customers on each keystroke with vectorised byte searches.
///
/// Membership is exactly `CustomerMatcher.tier(of:query:) != nil`: the folded query in the
/// name-and-company buffer, the query without spaces in the initials buffer (and from two
/// letters on in the pinyin buffer), a phone-like query's digits in the phone buffer.
/// Entries keep the order they were added in.
public struct SearchCorpus: Sendable {
    public private(set) var ids: [Int64] = []
    private var text = Buffer()
    private var pinyin = Buffer()
    private var initials = Buffer()
    private var phones = Buffer()

    public init() {}

    public var count: Int { ids.count }

    /// Adds a customer from the store's `search_text` form (see `SearchKeys.stored`).
    public mutating func append(id: Int64, stored: UnsafeBufferPointer<UInt8>) {
        ids.append(id)
        // Lines: name, company, pinyin readings, initials, phone digits.
        var line = 0
        var start = 0
        for i in 0...stored.count where i == stored.count || stored[i] == 0x0A {
            let part = UnsafeBufferPointer(rebasing: stored[start..<i])
            switch line {
            case 0, 1: text.add(part)
            case 2: pinyin.add(part)
            case 3: initials.add(part)
            default: phones.add(part)
            }
            line += 1
            start = i + 1
        }
        text.close()
        pinyin.close()
        initials.close()
        phones.close()
    }

    /// Indices (in adding order) of the entries that match the query, as the matcher would.
    public func matches(_ query: String) -> [Int] {
        let q = CustomerMatcher.normalize(query)
        guard !q.isEmpty else { return Array(ids.indices) }
        var found = text.entries(containing: q)
        let compact = CustomerMatcher.compact(q)
        if !compact.isEmpty { found = merge(found, initials.entries(containing: compact)) }
        if compact.count >= 2 { found = merge(found, pinyin.entries(containing: compact)) }
        if let digits = CustomerMatcher.phoneDigits(q) { found = merge(found, phones.entries(containing: digits)) }
        return found
    }

    private func merge(_ a: [Int], _ b: [Int]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                out.append(a[i])
                i += 1
            } else if i == a.count || b[j] < a[i] {
                out.append(b[j])
                j += 1
            } else {
                out.append(a[i])
                i += 1
                j += 1
            }
        }
        return out
    }

    /// One kind of key for every entry, each entry's parts separated by newlines (a query
    /// never contains one, so no match spans two parts or two entries).
    private struct Buffer: Sendable {
        var bytes: [UInt8] = [0x0A]
        /// Where each entry ends (exclusive); entry i spans `ends[i-1]..<ends[i]`.
        var ends: [Int] = []

        mutating func add(_ part: UnsafeBufferPointer<UInt8>) {
            bytes.append(contentsOf: part)
            bytes.append(0x0A)
        }

        mutating func close() { ends.append(bytes.count) }

        /// The entries whose bytes contain `needle`, in order.
        func entries(containing needle: String) -> [Int] {
            var needle = needle
            return needle.withUTF8 { n in
                bytes.withUnsafeBufferPointer { hay -> [Int] in
                    guard let base = hay.baseAddress, let nBase = n.baseAddress, n.count > 0 else { return [] }
                    var found: [Int] = []
                    var from = 0
                    let first = Int32(nBase[0])
                    // memchr (vectorised in the C library) finds candidates for the first byte;
                    // memcmp confirms the rest.
                    while from + n.count <= hay.count, let hit = memchr(base + from, first, hay.count - from - n.count + 1) {
                        let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        guard memcmp(base + offset, nBase, n.count) == 0 else {
                            from = offset + 1
                            continue
                        }
                        let entry = entryIndex(containing: offset)
                        found.append(entry)
                        from = ends[entry]
                    }
                    return found
                }
            }
        }

        /// The entry a byte offset falls in (binary search over the ends).
        private func entryIndex(containing offset: Int) -> Int {
            var low = 0
            var high = ends.count - 1
            while low < high {
                let mid = (low + high) / 2
                if ends[mid] <= offset { low = mid + 1 } else { high = mid }
            }
            return low
        }
    }
}
