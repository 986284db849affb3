/// Mutations of a JSON export at the level of its values, so most cases get past the
/// reader and reach the rows: a value swapped for a hostile one or another type, a key or
/// an element dropped or repeated.
enum JSONMutator {
    enum Kind { case string, number, literal, open, close, colon, comma }

    struct Token {
        var range: Range<Int>
        var kind: Kind
    }

    /// Replacement values, written as JSON: whole numbers and text, which a row's cells may hold,
    /// so the mutated row reaches the book's rules.
    static let scalars: [String] = [
        "9999999999999999999", "-9223372036854775808", "9223372036854775807", "10000000000000", "-1", "0", "-0", "null",
        "\"\"", "\"9999999999999999999\"", "\"-1\"", "\"1e308\"", "\"2026-02-30\"", "\"9999-12-31 25:61\"",
        "\"0000-00-00\"", "\"--02-30\"", "\"王建国\"", "\"明天\"", "\"下周一\"", "\"'); DROP TABLE customer;--\"",
        "\"\\u001b[31mred\"", "\"\\u0007\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u202e\"",
        "\"\\u0085\"", "\"lead\"", "\"won\"", "\"A\"", "\"" + String(repeating: "x", count: 70000) + "\"",
    ]
    /// Values of the wrong shape for a cell.
    static let shapes = ["1e308", "-1e308", "1.5", "NaN", "true", "false", "[]", "{}", "[[]]", "[null]"]

    static func mutate(_ data: [UInt8], rng: inout SplitMix) -> [UInt8] {
        var data = data
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let tokens = tokenize(data)
            guard !tokens.isEmpty, rng.chance(0.9) else {
                data = Mutator.mutate(data, others: Mutator.strings, rng: &rng)
                continue
            }
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<6: data = replaceValue(data, tokens, rng: &rng)
            case 6: data = removeElement(data, tokens, rng: &rng)
            case 7: data = removeMember(data, tokens, rng: &rng)
            default: data = repeatElement(data, tokens, rng: &rng)
            }
        }
        return data
    }

    /// A scalar value (not a key) becomes a value from `values`.
    static func replaceValue(_ data: [UInt8], _ tokens: [Token], rng: inout SplitMix) -> [UInt8] {
        let scalars = tokens.indices.filter { i in
            [.string, .number, .literal].contains(tokens[i].kind) && !(i + 1 < tokens.count && tokens[i + 1].kind == .colon)
        }
        guard !scalars.isEmpty else { return data }
        var data = data
        let value = rng.chance(0.15) ? rng.pick(shapes) : rng.pick(Self.scalars)
        data.replaceSubrange(tokens[rng.pick(scalars)].range, with: Array(value.utf8))
        return data
    }

    /// An array element or an object's value, with the comma before it (or after, for a first one).
    static func removeElement(_ data: [UInt8], _ tokens: [Token], rng: inout SplitMix) -> [UInt8] {
        let starts = tokens.indices.filter { i in
            i > 0 && tokens[i - 1].kind == .comma && !(i + 1 < tokens.count && tokens[i + 1].kind == .colon)
        }
        guard !starts.isEmpty else { return data }
        let start = rng.pick(starts)
        var data = data
        data.removeSubrange(tokens[start - 1].range.lowerBound..<tokens[valueEnd(tokens, from: start)].range.upperBound)
        return data
    }

    /// A key with its value, and the comma that joined it to the object.
    static func removeMember(_ data: [UInt8], _ tokens: [Token], rng: inout SplitMix) -> [UInt8] {
        let keys = tokens.indices.filter { i in i + 2 < tokens.count && tokens[i + 1].kind == .colon }
        guard !keys.isEmpty else { return data }
        let key = rng.pick(keys)
        var last = valueEnd(tokens, from: key + 2)
        var first = key
        if last + 1 < tokens.count, tokens[last + 1].kind == .comma {
            last += 1
        } else if key > 0, tokens[key - 1].kind == .comma {
            first -= 1
        }
        var data = data
        data.removeSubrange(tokens[first].range.lowerBound..<tokens[last].range.upperBound)
        return data
    }

    /// An array element written twice (a row twice: the same primary key).
    static func repeatElement(_ data: [UInt8], _ tokens: [Token], rng: inout SplitMix) -> [UInt8] {
        let starts = tokens.indices.filter { i in
            i > 0 && (tokens[i - 1].kind == .comma || tokens[i - 1].kind == .open) && tokens[i].kind != .close
                && !(i + 1 < tokens.count && tokens[i + 1].kind == .colon)
        }
        guard !starts.isEmpty else { return data }
        let start = rng.pick(starts)
        let range = tokens[start].range.lowerBound..<tokens[valueEnd(tokens, from: start)].range.upperBound
        var data = data
        data.insert(contentsOf: Array(data[range]) + [0x2C], at: range.lowerBound)
        return data
    }

    /// The last token of the value that starts at `start` (its closing bracket for an array or object).
    static func valueEnd(_ tokens: [Token], from start: Int) -> Int {
        guard tokens[start].kind == .open else { return start }
        var depth = 0
        for i in start..<tokens.count {
            if tokens[i].kind == .open { depth += 1 }
            if tokens[i].kind == .close { depth -= 1 }
            if depth == 0 { return i }
        }
        return tokens.count - 1
    }

    /// A forgiving lexer: anything it does not know is a one-byte literal.
    static func tokenize(_ data: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < data.count {
            let byte = data[i]
            let start = i
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                i += 1
                continue
            case 0x22:
                i += 1
                while i < data.count, data[i] != 0x22 { i += data[i] == 0x5C ? 2 : 1 }
                i = min(i + 1, data.count)
                tokens.append(Token(range: start..<i, kind: .string))
            case 0x7B, 0x5B:
                i += 1
                tokens.append(Token(range: start..<i, kind: .open))
            case 0x7D, 0x5D:
                i += 1
                tokens.append(Token(range: start..<i, kind: .close))
            case 0x3A:
                i += 1
                tokens.append(Token(range: start..<i, kind: .colon))
            case 0x2C:
                i += 1
                tokens.append(Token(range: start..<i, kind: .comma))
            case 0x2D, 0x30...0x39:
                while i < data.count, [0x2B, 0x2D, 0x2E, 0x45, 0x65].contains(data[i]) || (0x30...0x39).contains(data[i]) { i += 1 }
                tokens.append(Token(range: start..<i, kind: .number))
            default:
                i += 1
                while i < data.count, (0x61...0x7A).contains(data[i]) { i += 1 }
                tokens.append(Token(range: start..<i, kind: .literal))
            }
        }
        return tokens
    }
}
