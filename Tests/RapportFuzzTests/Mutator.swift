/// Byte-level mutations of a seed, the kind that turn a good file into a hostile one.
enum Mutator {
    /// Bytes that mean something to CSV, vCard, JSON, terminals or UTF-8.
    static let bytes: [UInt8] = [0x00, 0x1B, 0x7F, 0x80, 0xFF, 0x22, 0x2C, 0x0A, 0x0D, 0x3B, 0x3A]

    /// Values that have broken parsers before: huge and odd numbers, terminal controls,
    /// bad UTF-8, CJK dates and names, SQL, and long runs.
    static let strings: [[UInt8]] = {
        let texts = [
            "9999999999999999999", "18446744073709551616", "-9223372036854775808", "99999999999999.99",
            "10000000000000", "-0", "-1", "0", "1e308", "-1e308", "1e-308", "NaN", "Infinity", "0x7f",
            "1.5万", "3亿", "12,000.50", "1,2,3", "00000000000000000001",
            "2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31", "1900-01-01", "24:60", "99:99", "--02-29",
            "明天", "下周一", "3天后", "月底", "12月1日", "+99999d", "-2d",
            "王建国", "杜建国", "#1", "#0", "#-1", "#99999999999999999999", "+86 138 0013 8000",
            "'); DROP TABLE customer;--", "\"; DELETE FROM deal; --", "%s%n%x", "../../../etc/passwd",
            "\u{202E}", "\u{200B}", "\u{FEFF}", "e\u{301}", "👨‍👩‍👧", "\u{1B}[31m", "\u{1B}]0;owned\u{07}", "\u{1B}[2J",
            "\u{07}", "\t", "\r", "\r\n", "\"", "\"\"", ",,,", "=cmd|' /C calc'!A0",
            "BEGIN:VCARD\r\n", "END:VCARD\r\n", "VERSION:2.1\r\n", ";ENCODING=QUOTED-PRINTABLE:=E7=8E=8B=\r\n",
            ";CHARSET=GBK:", "\r\n ", "\\n", "\\,", "\\u0000", "\\ud800",
            "{\"format\":\"rapport-book\"}", "null", "[]", "{}",
        ]
        var all = texts.map { Array($0.utf8) }
        all += [
            [0xED, 0xA0, 0x80],  // a lone surrogate
            [0xC0, 0x80],        // an overlong NUL
            [0xC2, 0x85],        // NEL, a C1 control
            [0xC2, 0x9B],        // CSI, a C1 control
            [0xEF, 0xBB, 0xBF],  // a byte order mark mid-file
            [0xFF, 0xFE],
            [0xE7, 0x8E],        // a cut-off 王
        ]
        all += [
            Array(String(repeating: "9", count: 400).utf8),
            Array(String(repeating: "A", count: 5000).utf8),
            Array(String(repeating: "王", count: 2000).utf8),
            Array(String(repeating: "\"", count: 301).utf8),
            Array(String(repeating: ",", count: 300).utf8),
            Array(String(repeating: "\n", count: 2000).utf8),
        ]
        return all
    }()

    /// Files bigger than this are cut, so one case cannot grow without bound.
    static let maximumSize = 1 << 20

    /// One to four stacked mutations of `input`; `others` are the seeds a splice may take from.
    static func mutate(_ input: [UInt8], others: [[UInt8]], rng: inout SplitMix) -> [UInt8] {
        var data = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) { data = once(data, others: others, rng: &rng) }
        return data.count > maximumSize ? Array(data.prefix(maximumSize)) : data
    }

    private static func once(_ data: [UInt8], others: [[UInt8]], rng: inout SplitMix) -> [UInt8] {
        var data = data
        guard !data.isEmpty else { return rng.pick(strings) }
        let at = Int.random(in: 0..<data.count, using: &rng)
        switch Int.random(in: 0..<9, using: &rng) {
        case 0:
            data[at] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
        case 1:
            data[at] = rng.pick(bytes)
        case 2:
            data.insert(contentsOf: chunk(of: data, rng: &rng), at: at)
        case 3:
            data.removeSubrange(at..<min(data.count, at + Int.random(in: 1...32, using: &rng)))
        case 4:
            let piece = chunk(of: data, rng: &rng)
            data.insert(contentsOf: Array(repeating: piece, count: Int.random(in: 2...64, using: &rng)).joined(), at: at)
        case 5:
            let other = rng.pick(others)
            let cut = other.isEmpty ? 0 : Int.random(in: 0..<other.count, using: &rng)
            data = Array(data[..<at]) + other[cut...]
        case 6, 7:
            data.insert(contentsOf: rng.pick(strings), at: at)
        default:
            data.replaceSubrange(field(around: at, in: data), with: rng.pick(strings))
        }
        return data
    }

    /// A short run of the input's own bytes.
    private static func chunk(of data: [UInt8], rng: inout SplitMix) -> ArraySlice<UInt8> {
        let start = Int.random(in: 0..<data.count, using: &rng)
        return data[start..<min(data.count, start + Int.random(in: 1...64, using: &rng))]
    }

    /// The field around `at`, bounded by the separators of CSV and vCard lines, so a
    /// replacement swaps one value for another and the rest of the file stays well formed.
    static func field(around at: Int, in data: [UInt8]) -> Range<Int> {
        let separators: Set<UInt8> = [0x2C, 0x3B, 0x3A, 0x0A, 0x0D, 0x22]
        var start = at
        while start > 0, !separators.contains(data[start - 1]) { start -= 1 }
        var end = at
        while end < data.count, !separators.contains(data[end]) { end += 1 }
        return start..<end
    }

    /// A mutated command-line value: a few byte mutations of a seed, or an interesting string
    /// outright. Arguments cannot hold NUL, and Foundation hands the child valid UTF-8 only
    /// (bad bytes arrive as U+FFFD, as they would through Swift's own CommandLine).
    static func value(_ seed: String, rng: inout SplitMix) -> String {
        let bytes = rng.chance(0.3) ? rng.pick(strings) : mutate(Array(seed.utf8), others: strings, rng: &rng)
        return String(decoding: bytes.prefix(65536).filter { $0 != 0 }, as: UTF8.self)
    }
}
