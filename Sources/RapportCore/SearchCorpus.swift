import Foundation

/// Every customer's search keys packed into three byte buffers, so the TUI can filter a
/// book of 100,000 customers on each keystroke with vectorised byte searches.
///
/// Membership is exactly `CustomerMatcher.tier(of:query:) != nil`: the folded query in the
/// name-and-company buffer, the query without spaces in the initials buffer (and from two
/// letters on in the pinyin buffer), a phone-like query's digits in the phone buffer.
/// Matches come best tier first, as the matcher ranks them (a name before a company), and
/// in the order they were added within a tier.
public struct SearchCorpus: Sendable {
    public private(set) var ids: [Int64] = []
    private var text = Buffer()
    private var pinyin = Buffer()
    private var initials = Buffer()
    private var phones = Buffer()
    /// Whether each entry's last reading is its company's (the company has Han characters).
    private var companyRead: [Bool] = []

    public init() {}

    public var count: Int { ids.count }

    /// Adds a customer from the store's `search_text` form (see `SearchKeys.stored`).
    public mutating func append(id: Int64, stored: UnsafeBufferPointer<UInt8>) {
        ids.append(id)
        // Lines: name, company, pinyin readings, initials, phone digits.
        var line = 0
        var start = 0
        var companyHasHan = false
        for i in 0...stored.count where i == stored.count || stored[i] == 0x0A {
            let part = UnsafeBufferPointer(rebasing: stored[start..<i])
            switch line {
            case 0: text.add(part)
            case 1:
                text.add(part)
                // Han characters are three bytes in UTF-8; only a line with some is decoded.
                companyHasHan = part.contains { $0 >= 0xE3 } && String(decoding: part, as: UTF8.self).unicodeScalars.contains(where: Pinyin.isHan)
            case 2: pinyin.add(part)
            case 3: initials.add(part)
            default: phones.add(part)
            }
            line += 1
            start = i + 1
        }
        companyRead.append(companyHasHan)
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
        let tiers = rank(found, query: q, compact: compact)
        return found.indices.sorted { (tiers[$0], $0) < (tiers[$1], $1) }.map { found[$0] }
    }

    /// The matcher's tier of each found entry, read from the buffers' bytes without making
    /// a string (a letter typed can match most of a large book). Found entries match, so
    /// what is left after the name and the company is a phone or inside a reading.
    private func rank(_ found: [Int], query: String, compact: String) -> [Int] {
        let digits = CustomerMatcher.phoneDigits(query).map { Array($0.utf8) } ?? []
        let q = Array(query.utf8), c = Array(compact.utf8)
        return text.bytes.withUnsafeBufferPointer { t in
            pinyin.bytes.withUnsafeBufferPointer { p in
                initials.bytes.withUnsafeBufferPointer { i in
                    phones.bytes.withUnsafeBufferPointer { ph in
                        q.withUnsafeBufferPointer { q in
                            c.withUnsafeBufferPointer { c in
                                found.map { entry in
                                    tier(entry, Bytes(t, text.span(entry)), Bytes(p, pinyin.span(entry)), Bytes(i, initials.span(entry)),
                                         Bytes(ph, phones.span(entry)), q: Bytes(q), c: Bytes(c),
                                         digits: digits)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private func tier(_ entry: Int, _ text: Bytes, _ pinyin: Bytes, _ initials: Bytes, _ phones: Bytes, q: Bytes, c: Bytes,
                      digits: [UInt8]) -> Int {
        let (name, company) = text.split(at: 0x0A)
        if name == q { return MatchTier.exactName.rawValue }
        if name.starts(with: q) { return MatchTier.namePrefix.rawValue }
        if name.contains(q) { return MatchTier.nameSubstring.rawValue }
        // The company's reading is the last word of each line, when it has one.
        let (namePinyin, companyPinyin) = companyRead[entry] ? pinyin.splitLastWord() : (pinyin, Bytes.empty)
        let (nameInitials, companyInitials) = companyRead[entry] ? initials.splitLastWord() : (initials, Bytes.empty)
        func exact(_ words: Bytes, _ w: Bytes) -> Bool { words.anyWord { $0 == w } }
        func leads(_ readings: Bytes, _ initials: Bytes) -> Bool {
            initials.anyWord { $0.starts(with: c) } || (c.count >= 2 && readings.anyWord { $0.starts(with: c) })
        }
        if c.count > 0 {
            if exact(namePinyin, c) || exact(nameInitials, c) { return MatchTier.namePinyin.rawValue }
            if leads(namePinyin, nameInitials) { return MatchTier.namePinyinPrefix.rawValue }
        }
        if company.contains(q) { return MatchTier.company.rawValue }
        if c.count > 0, exact(companyPinyin, c) || exact(companyInitials, c) || leads(companyPinyin, companyInitials) {
            return MatchTier.company.rawValue
        }
        if !digits.isEmpty, digits.withUnsafeBufferPointer({ phones.contains(Bytes($0)) }) { return MatchTier.phone.rawValue }
        return MatchTier.pinyinPartial.rawValue
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

        /// Where an entry's bytes are, its last line break left out.
        func span(_ entry: Int) -> Range<Int> {
            (entry == 0 ? 1 : ends[entry - 1])..<(ends[entry] - 1)
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

/// A run of bytes in one of the corpus's buffers, compared without copying.
private struct Bytes {
    let base: UnsafePointer<UInt8>?
    let count: Int

    static var empty: Bytes { Bytes(base: nil, count: 0) }

    init(base: UnsafePointer<UInt8>?, count: Int) {
        self.base = base
        self.count = count
    }

    init(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int> = 0..<Int.max) {
        let r = range.clamped(to: 0..<buffer.count)
        self.init(base: buffer.baseAddress.map { $0 + r.lowerBound }, count: r.count)
    }

    static func == (a: Bytes, b: Bytes) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.base!, b.base!, a.count) == 0)
    }

    func starts(with prefix: Bytes) -> Bool {
        prefix.count <= count && (prefix.count == 0 || memcmp(base!, prefix.base!, prefix.count) == 0)
    }

    func contains(_ needle: Bytes) -> Bool {
        guard needle.count > 0 else { return true }
        guard needle.count <= count, let base, let n = needle.base else { return false }
        var from = 0
        while from + needle.count <= count, let hit = memchr(base + from, Int32(n[0]), count - from - needle.count + 1) {
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset, n, needle.count) == 0 { return true }
            from = offset + 1
        }
        return false
    }

    /// The bytes before the first `separator`, and those after it.
    func split(at separator: UInt8) -> (Bytes, Bytes) {
        guard let base, let hit = memchr(base, Int32(separator), count) else { return (self, .empty) }
        let n = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        return (Bytes(base: base, count: n), Bytes(base: base + n + 1, count: count - n - 1))
    }

    /// All the words but the last, and the last (words are separated by spaces).
    func splitLastWord() -> (Bytes, Bytes) {
        guard let base else { return (self, .empty) }
        var i = count
        while i > 0, base[i - 1] != 0x20 { i -= 1 }
        return (Bytes(base: base, count: max(0, i - 1)), Bytes(base: base + i, count: count - i))
    }

    /// Whether some space-separated word passes `test`.
    func anyWord(_ test: (Bytes) -> Bool) -> Bool {
        guard let base else { return false }
        var start = 0
        for i in 0...count where i == count || base[i] == 0x20 {
            if i > start, test(Bytes(base: base + start, count: i - start)) { return true }
            start = i + 1
        }
        return false
    }
}
