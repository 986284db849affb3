import Foundation
import RapportCore

/// How the bytes of an imported file become text.
///
/// A byte-order mark decides first, then NUL bytes betraying UTF-16, then valid UTF-8;
/// anything else is taken for GB18030, which is what Chinese Excel saves as "CSV", and
/// failing that for Windows-1252, Western Excel's. No text file holds a NUL character, so
/// decoding to one is refused as the wrong encoding.
public enum TextDecoding {
    /// The file's text, in `encoding` when the seller named one, else in the detected one;
    /// a byte-order mark is removed either way.
    public static func decode(_ data: Data, encoding: TextEncoding? = nil) throws(RapportError) -> String {
        let bytes = [UInt8](data)
        let detected = encoding == nil ? detection(bytes) : nil
        let chosen = encoding ?? detected?.encoding ?? .utf8
        let resolved = chosen == .utf16 ? utf16ByteOrder(bytes) : chosen
        let bom = resolved.byteOrderMark
        let start = !bom.isEmpty && bytes.starts(with: bom) ? bom.count : 0
        let body = bytes[start...]
        let result: Result<String, DecodingFailure>
        switch resolved {
        // Detection found UTF-8 by checking every byte already: not a second time.
        case .utf8 where detected?.checkedUTF8 == true && start == 0: result = .success(String(decoding: body, as: UTF8.self))
        case .utf8: result = utf8(body)
        case .utf16, .utf16LE: result = utf16(body, bigEndian: false)
        case .utf16BE: result = utf16(body, bigEndian: true)
        case .utf32LE: result = utf32(body, bigEndian: false)
        case .utf32BE: result = utf32(body, bigEndian: true)
        case .latin1:
            if let nul = body.firstIndex(of: 0) {
                result = .failure(DecodingFailure(offset: nul))
            } else {
                result = .success(String(String.UnicodeScalarView(body.map { Unicode.Scalar($0) })))
            }
        case .gb18030, .shiftJIS, .windows1252: result = legacy(body, resolved)
        }
        if encoding == nil, chosen == .gb18030, case .failure = result, case .success(let western) = legacy(body, .windows1252) {
            return western
        }
        switch result {
        case .success(let text):
            return text
        case .failure(let failure):
            if let defect = defect(at: failure.offset, bytes, resolved) {
                let line = bytes[..<failure.offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                throw .conflict("line \(line) of the file holds \(defect.what) (byte \(failure.offset)), \(defect.advice); "
                                + "nothing was imported")
            }
            // Detection falls back to GB18030 only for bytes that are not UTF-8 either.
            let tried = encoding == nil && chosen == .gb18030 ? "utf-8, gb18030 or windows-1252" : chosen.rawValue
            throw .invalid(
                field: "\(tried) text at byte", value: String(failure.offset),
                expected: "name the file's encoding: \(TextEncoding.acceptedNames)"
            )
        }
    }

    /// The encoding the bytes look like, when the seller named none.
    public static func detect(_ data: Data) -> TextEncoding {
        detect([UInt8](data))
    }

    static func detect(_ bytes: [UInt8]) -> TextEncoding {
        detection(bytes).encoding
    }

    /// The encoding, and whether every byte was found to be well-formed UTF-8 on the way.
    private static func detection(_ bytes: [UInt8]) -> (encoding: TextEncoding, checkedUTF8: Bool) {
        // UTF-32 LE's mark begins with UTF-16 LE's, so the longer marks are tried first.
        for candidate in [TextEncoding.utf32LE, .utf32BE, .utf8, .utf16LE, .utf16BE]
        where bytes.starts(with: candidate.byteOrderMark) {
            return (candidate, false)
        }
        if let order = utf16ByNulBytes(bytes) { return (order, false) }
        if firstInvalidUTF8(bytes[...]) == nil { return (.utf8, true) }
        return (utf8Defect(bytes[...]) != nil ? .utf8 : .gb18030, false)
    }

    /// Where text that is UTF-8 but for NULs or lone surrogates (a broken exporter's) first
    /// goes wrong; nil when other bytes are not UTF-8 either, so it is another encoding.
    /// Decoded as GB18030 or Windows-1252 instead, such a file would change silently.
    static func utf8Defect(_ b: ArraySlice<UInt8>) -> Int? {
        var first: Int?
        var from = b.startIndex
        while let bad = firstInvalidUTF8(b[from...]) {
            let surrogate = isEncodedSurrogate(b, at: bad)
            guard b[bad] == 0 || surrogate else { return nil }
            first = first ?? bad
            from = bad + (surrogate ? 3 : 1)
        }
        return first
    }

    /// What a field's bytes hold that no text may: a NUL anywhere, or a lone surrogate in
    /// bytes that are UTF-8 otherwise; nil when they hold neither.
    public static func defect(inValue bytes: [UInt8]) -> String? {
        if let at = utf8Defect(bytes[...]) { return bytes[at] == 0 ? "a NUL character" : "a lone surrogate" }
        return bytes.contains(0) ? "a NUL character" : nil
    }

    /// Whether the bytes at `i` are a surrogate (U+D800–U+DFFF) encoded as if it were a character.
    private static func isEncodedSurrogate(_ b: ArraySlice<UInt8>, at i: Int) -> Bool {
        i + 2 < b.endIndex && b[i] == 0xED && (0xA0...0xBF).contains(b[i + 1]) && (0x80...0xBF).contains(b[i + 2])
    }

    /// What text must not hold, when that is what stopped decoding at `offset`: a NUL, or
    /// half of a UTF-16 surrogate pair alone.
    private static func defect(at offset: Int, _ bytes: [UInt8], _ encoding: TextEncoding) -> (what: String, advice: String)? {
        let nul = ("a NUL character", "which text never holds: the file may be binary, or UTF-16 without a byte-order mark (name it with --encoding)")
        let lone = ("a lone surrogate", "half of a UTF-16 pair that the program which wrote the file broke: fix that character")
        guard offset < bytes.count else { return nil }
        let unit: UInt32
        switch encoding {
        case .utf8, .latin1, .gb18030, .shiftJIS, .windows1252:
            if bytes[offset] == 0 { return nul }
            return isEncodedSurrogate(bytes[...], at: offset) ? lone : nil
        case .utf16, .utf16LE, .utf16BE:
            guard offset + 1 < bytes.count else { return nil }
            let (a, b) = (UInt32(bytes[offset]), UInt32(bytes[offset + 1]))
            unit = encoding == .utf16BE ? a << 8 | b : b << 8 | a
        case .utf32LE, .utf32BE:
            guard offset + 3 < bytes.count else { return nil }
            let quad = (0..<4).map { UInt32(bytes[offset + $0]) }
            unit = encoding == .utf32BE ? quad[0] << 24 | quad[1] << 16 | quad[2] << 8 | quad[3]
                : quad[3] << 24 | quad[2] << 16 | quad[1] << 8 | quad[0]
        }
        if unit == 0 { return nul }
        return (0xD800...0xDFFF).contains(unit) ? lone : nil
    }

    /// UTF-16 written without a mark: text that is mostly ASCII has a NUL in every other byte,
    /// on the even offsets in big-endian and the odd ones in little-endian.
    private static func utf16ByNulBytes(_ bytes: [UInt8]) -> TextEncoding? {
        let sample = bytes.prefix(4096)
        guard sample.count >= 4 else { return nil }
        var even = 0
        var odd = 0
        for (i, b) in sample.enumerated() where b == 0 {
            if i % 2 == 0 { even += 1 } else { odd += 1 }
        }
        let pairs = sample.count / 2
        if even * 4 >= pairs, odd * 20 <= even { return .utf16BE }
        if odd * 4 >= pairs, even * 20 <= odd { return .utf16LE }
        return nil
    }

    /// The byte order of UTF-16 named without one: its mark, its NUL bytes, else little-endian.
    private static func utf16ByteOrder(_ bytes: [UInt8]) -> TextEncoding {
        if bytes.starts(with: TextEncoding.utf16BE.byteOrderMark) { return .utf16BE }
        if bytes.starts(with: TextEncoding.utf16LE.byteOrderMark) { return .utf16LE }
        return utf16ByNulBytes(bytes) ?? .utf16LE
    }

    /// Where decoding stopped, as an offset into the whole file.
    private struct DecodingFailure: Error {
        var offset: Int
    }

    // MARK: - Unicode

    private static func utf8(_ body: ArraySlice<UInt8>) -> Result<String, DecodingFailure> {
        if let bad = firstInvalidUTF8(body) { return .failure(DecodingFailure(offset: bad)) }
        return .success(String(decoding: body, as: UTF8.self))
    }

    /// The offset of the first byte that does not belong to well-formed UTF-8 (no overlong
    /// forms, no surrogates, nothing past U+10FFFF) or is a NUL, or nil when all of it is good.
    static func firstInvalidUTF8(_ b: ArraySlice<UInt8>) -> Int? {
        var i = b.startIndex
        let end = b.endIndex
        while i < end {
            // Eight bytes at a time while they are ASCII without a NUL, as most of a CSV is.
            if i + 8 <= end {
                let word = b.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i - b.startIndex, as: UInt64.self) }
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                if (word | (word &- ones) & ~word) & highs == 0 {
                    i += 8
                    continue
                }
            }
            let lead = b[i]
            if lead < 0x80 {
                if lead == 0 { return i }
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= end else { return i }
            guard (low...high).contains(b[i + 1]) else { return i }
            for k in 2..<length where !(0x80...0xBF).contains(b[i + k]) {
                return i
            }
            i += length
        }
        return nil
    }

    private static func utf16(_ body: ArraySlice<UInt8>, bigEndian: Bool) -> Result<String, DecodingFailure> {
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i + 1 < body.endIndex {
            let (a, b) = (UInt16(body[i]), UInt16(body[i + 1]))
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        if i < body.endIndex { return .failure(DecodingFailure(offset: i)) }
        // An unpaired surrogate would be replaced silently by String(decoding:); find it first.
        var k = 0
        while k < units.count {
            switch units[k] {
            case 0xD800...0xDBFF:
                guard k + 1 < units.count, (0xDC00...0xDFFF).contains(units[k + 1]) else {
                    return .failure(DecodingFailure(offset: body.startIndex + 2 * k))
                }
                k += 2
            case 0xDC00...0xDFFF, 0:
                return .failure(DecodingFailure(offset: body.startIndex + 2 * k))
            default:
                k += 1
            }
        }
        return .success(String(decoding: units, as: UTF16.self))
    }

    private static func utf32(_ body: ArraySlice<UInt8>, bigEndian: Bool) -> Result<String, DecodingFailure> {
        var scalars = String.UnicodeScalarView()
        var i = body.startIndex
        while i + 3 < body.endIndex {
            let quad = (0..<4).map { UInt32(body[i + $0]) }
            let value = bigEndian
                ? quad[0] << 24 | quad[1] << 16 | quad[2] << 8 | quad[3]
                : quad[3] << 24 | quad[2] << 16 | quad[1] << 8 | quad[0]
            guard value != 0, let scalar = Unicode.Scalar(value) else { return .failure(DecodingFailure(offset: i)) }
            scalars.append(scalar)
            i += 4
        }
        if i < body.endIndex { return .failure(DecodingFailure(offset: i)) }
        return .success(String(scalars))
    }

    // MARK: - Legacy encodings

    /// Decodes GB18030, Shift_JIS or Windows-1252 with Foundation, which says only whether it
    /// failed; the offset comes from the encoding's byte structure, or else from finding the first
    /// character Foundation cannot map.
    private static func legacy(_ body: ArraySlice<UInt8>, _ encoding: TextEncoding) -> Result<String, DecodingFailure> {
        guard let foundation = encoding.foundationEncoding else { return .failure(DecodingFailure(offset: body.startIndex)) }
        let starts: [Int]
        switch characterStarts(body, encoding) {
        case .success(let s): starts = s
        case .failure(let failure): return .failure(failure)
        }
        if let text = String(data: Data(body), encoding: foundation) { return .success(text) }
        // Decoding a prefix that ends on a character boundary fails exactly when it contains an
        // unmappable character, so the first one is found by bisection over the boundaries.
        var good = 0
        var bad = starts.count
        while bad - good > 1 {
            let mid = (good + bad) / 2
            let end = starts[mid]
            if String(data: Data(body[body.startIndex..<end]), encoding: foundation) != nil {
                good = mid
            } else {
                bad = mid
            }
        }
        return .failure(DecodingFailure(offset: starts[good]))
    }

    /// The offsets where characters begin, plus the end offset; a byte no character can start
    /// with, or a character cut short, is a failure at its offset.
    private static func characterStarts(_ b: ArraySlice<UInt8>, _ encoding: TextEncoding) -> Result<[Int], DecodingFailure> {
        var starts: [Int] = []
        starts.reserveCapacity(b.count + 1)
        var i = b.startIndex
        while i < b.endIndex {
            starts.append(i)
            let length = characterLength(b, at: i, encoding)
            guard length > 0 else { return .failure(DecodingFailure(offset: i)) }
            i += length
        }
        starts.append(b.endIndex)
        return .success(starts)
    }

    /// The byte length of the character starting at `i`, or 0 when none can start or fit there.
    private static func characterLength(_ b: ArraySlice<UInt8>, at i: Int, _ encoding: TextEncoding) -> Int {
        let lead = b[i]
        let next: UInt8? = i + 1 < b.endIndex ? b[i + 1] : nil
        switch encoding {
        case .gb18030:
            switch lead {
            case 0x01...0x80: return 1
            case 0x81...0xFE:
                guard let second = next else { return 0 }
                if (0x30...0x39).contains(second) {
                    guard i + 3 < b.endIndex, (0x81...0xFE).contains(b[i + 2]), (0x30...0x39).contains(b[i + 3]) else {
                        return 0
                    }
                    return 4
                }
                return (0x40...0x7E).contains(second) || (0x80...0xFE).contains(second) ? 2 : 0
            default: return 0
            }
        case .shiftJIS:
            switch lead {
            case 0x01...0x7F, 0xA1...0xDF: return 1
            case 0x81...0x9F, 0xE0...0xFC:
                guard let second = next else { return 0 }
                return (0x40...0x7E).contains(second) || (0x80...0xFC).contains(second) ? 2 : 0
            default: return 0
            }
        case .utf8, .utf16, .utf16LE, .utf16BE, .utf32LE, .utf32BE, .latin1, .windows1252:
            return lead == 0 ? 0 : 1
        }
    }
}
