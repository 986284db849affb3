import Foundation
import RapportCore
import Testing
@testable import RapportExchange

@Suite struct TextDecodingTests {
    // 王 in GBK/GB18030 is CD F5, 建 BD A8, 国 B9 FA; in UTF-8 王 is E7 8E 8B.
    @Test(arguments: [
        ("plain ASCII", [0x4E, 0x61, 0x6D, 0x65], "Name"),
        ("UTF-8 BOM stripped", [0xEF, 0xBB, 0xBF, 0x41, 0x2C, 0x42], "A,B"),
        ("UTF-8 without BOM", [0xE7, 0x8E, 0x8B, 0x2C, 0x31], "王,1"),
        ("UTF-16 LE BOM", [0xFF, 0xFE, 0x41, 0x00, 0x8B, 0x73], "A王"),
        ("UTF-16 BE BOM", [0xFE, 0xFF, 0x00, 0x41, 0x73, 0x8B], "A王"),
        ("UTF-32 LE BOM", [0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00, 0x8B, 0x73, 0x00, 0x00], "A王"),
        ("UTF-32 BE BOM", [0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x41, 0x00, 0x00, 0x73, 0x8B], "A王"),
        ("UTF-16 BE without BOM, NUL on even offsets", [0x00, 0x4E, 0x00, 0x3A, 0x00, 0x41, 0x00, 0x42], "N:AB"),
        ("UTF-16 LE without BOM, NUL on odd offsets", [0x4E, 0x00, 0x3A, 0x00, 0x41, 0x00, 0x42, 0x00], "N:AB"),
        ("GBK from Chinese Excel", [0xCD, 0xF5, 0xBD, 0xA8, 0xB9, 0xFA, 0x2C, 0x41], "王建国,A"),
        ("GB18030 four-byte form of U+0080", [0x81, 0x30, 0x81, 0x30], "\u{80}"),
        ("Windows-1252 when GB18030 fails (º then a quote)", [0x35, 0xBA, 0x22], "5º\""),
        ("empty file", [], ""),
    ] as [(String, [UInt8], String)])
    func detectsAndDecodes(_ label: String, bytes: [UInt8], expected: String) throws {
        #expect(try TextDecoding.decode(Data(bytes)) == expected, "\(label)")
    }

    /// Long ASCII stretches are checked eight bytes at a time: a NUL or a bad byte is found
    /// wherever it falls against those words, in a file or in a slice of one.
    @Test(arguments: [
        (Array(repeating: 0x61, count: 20), 0, nil),
        (Array(repeating: 0x61, count: 10) + [0x00, 0x61, 0x61, 0x61], 0, 10),
        (Array(repeating: 0x61, count: 8) + [0xFF], 0, 8),
        (Array(repeating: 0x61, count: 7) + [0xE7, 0x8E, 0x8B] + Array(repeating: 0x61, count: 8), 0, nil),
        (Array(repeating: 0x61, count: 7) + [0xE7, 0x8E], 0, 7),
        (Array(repeating: 0x61, count: 15) + [0x7F, 0x00], 0, 16),
        ([0xEF, 0xBB, 0xBF] + Array(repeating: 0x61, count: 16) + [0xC0, 0x80], 3, 19),
    ] as [([UInt8], Int, Int?)])
    func firstInvalidUTF8(_ bytes: [UInt8], from start: Int, offset: Int?) {
        #expect(TextDecoding.firstInvalidUTF8(bytes[start...]) == offset)
    }

    @Test(arguments: [
        ([0xEF, 0xBB, 0xBF, 0x41], TextEncoding.utf8),
        ([0xFF, 0xFE, 0x41, 0x00], .utf16LE),
        ([0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00], .utf32LE),
        ([0x00, 0x41, 0x00, 0x42], .utf16BE),
        ([0xE7, 0x8E, 0x8B], .utf8),
        ([0xCD, 0xF5], .gb18030),
    ] as [([UInt8], TextEncoding)])
    func detection(_ bytes: [UInt8], expected: TextEncoding) {
        #expect(TextDecoding.detect(Data(bytes)) == expected)
    }

    @Test(arguments: [
        // The seller's choice wins over detection: these bytes are valid UTF-8 too.
        ("latin1", [0xC3, 0xA9], "Ã©"),
        ("ISO-8859-1", [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72], "Müller"),
        ("windows-1252", [0x80, 0x35], "€5"),
        ("gbk", [0xCD, 0xF5], "王"),
        ("GB2312", [0xCD, 0xF5], "王"),
        ("cp936", [0xCD, 0xF5], "王"),
        ("shift_jis", [0x82, 0xA0, 0xB1], "あｱ"),
        ("SJIS", [0x88, 0xC0, 0x93, 0xA1], "安藤"),
        ("utf-16", [0x41, 0x00, 0x42, 0x00], "AB"),
        ("utf-16", [0xFE, 0xFF, 0x00, 0x41], "A"),
        ("UTF-16LE", [0xFF, 0xFE, 0x41, 0x00], "A"),
        ("utf-16be", [0x00, 0x41], "A"),
        ("UTF-8", [0xEF, 0xBB, 0xBF, 0xE7, 0x8E, 0x8B], "王"),
    ] as [(String, [UInt8], String)])
    func namedEncodingWins(_ name: String, bytes: [UInt8], expected: String) throws {
        #expect(try TextDecoding.decode(Data(bytes), encoding: TextEncoding(parsing: name)) == expected)
    }

    @Test(arguments: [
        // Each failure names the encoding and the byte offset in the file, the BOM counted.
        (TextEncoding.utf8, [0x41, 0x42, 0xFF, 0x43], "utf-8 text at byte", "2"),
        (.utf8, [0xEF, 0xBB, 0xBF, 0x41, 0xE7, 0x8E], "utf-8 text at byte", "4"),
        (.utf8, [0xC0, 0xAF], "utf-8 text at byte", "0"),
        (.utf16BE, [0x00, 0x41, 0x00], "utf-16be text at byte", "2"),
        (.gb18030, [0x41, 0xCD, 0xF5, 0xFF], "gb18030 text at byte", "3"),
        (.gb18030, [0x41, 0xCD], "gb18030 text at byte", "1"),
        (.shiftJIS, [0x41, 0x42, 0x82, 0xA0, 0xFD], "shift_jis text at byte", "4"),
        (.windows1252, [0x41, 0x42, 0x81], "windows-1252 text at byte", "2"),
    ] as [(TextEncoding, [UInt8], String, String)])
    func failureNamesEncodingAndOffset(_ encoding: TextEncoding, bytes: [UInt8], field: String, offset: String) {
        #expect(throws: RapportError.invalid(field: field, value: offset,
                                             expected: "name the file's encoding: " + TextEncoding.acceptedNames)) {
            try TextDecoding.decode(Data(bytes), encoding: encoding)
        }
    }

    static let nul = "a NUL character (byte %d), which text never holds: the file may be binary, or UTF-16 without a byte-order mark (name it with --encoding)"
    static let lone = "a lone surrogate (byte %d), half of a UTF-16 pair that the program which wrote the file broke: fix that character"

    @Test(arguments: [
        // A NUL or half a surrogate pair is named with its line, and never decoded some other way
        (nil, Array("Name,Notes\nAnna,".utf8) + [0x00] + Array("b\nBob,c\n".utf8), 2, nul, 16),
        (TextEncoding.utf8, [0x41, 0x00, 0x42], 1, nul, 1),
        (nil, Array("王\n谈了".utf8) + [0xED, 0xA0, 0x80] + Array("报价".utf8), 2, lone, 10),
        (nil, [0x41, 0xED, 0xBF, 0xBF, 0x0A], 1, lone, 1),
        (.utf16LE, [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00], 1, lone, 4),
        (.utf16BE, [0x00, 0x41, 0x00, 0x0A, 0x00, 0x00], 2, nul, 4),
        (.utf16BE, [0x00, 0x41, 0xDC, 0x00], 1, lone, 2),
    ] as [(TextEncoding?, [UInt8], Int, String, Int)])
    func aNulOrALoneSurrogateIsReportedWithItsLine(_ encoding: TextEncoding?, bytes: [UInt8], line: Int, defect: String, offset: Int) {
        let what = defect.replacingOccurrences(of: "%d", with: String(offset))
        #expect(throws: RapportError.conflict("line \(line) of the file holds \(what); nothing was imported")) {
            try TextDecoding.decode(Data(bytes), encoding: encoding)
        }
    }

    @Test func undetectableBytesNameEveryEncodingTried() {
        // 0xFF starts no GB18030 character, and NUL is no Windows-1252 text either.
        #expect(throws: RapportError.invalid(field: "utf-8, gb18030 or windows-1252 text at byte", value: "1",
                                             expected: "name the file's encoding: " + TextEncoding.acceptedNames)) {
            try TextDecoding.decode(Data([0x41, 0xFF, 0x00]))
        }
    }

    @Test(arguments: [
        ("utf-8", TextEncoding.utf8), ("UTF8", .utf8), ("utf-16", .utf16), ("utf-16le", .utf16LE), ("UTF-16BE", .utf16BE),
        ("gb18030", .gb18030), ("GBK", .gb18030), ("gb2312", .gb18030), ("CP936", .gb18030),
        ("shift_jis", .shiftJIS), ("Shift_JIS", .shiftJIS), ("sjis", .shiftJIS),
        ("latin1", .latin1), ("iso-8859-1", .latin1), ("Windows-1252", .windows1252), (" utf-8 ", .utf8),
    ])
    func parsesEncodingNames(_ name: String, expected: TextEncoding) throws {
        #expect(try TextEncoding(parsing: name) == expected)
    }

    @Test(arguments: ["ebcdic", "utf-7", "", "big5", "utf-8\u{1B}[31m"])
    func refusesOtherEncodingNames(_ name: String) {
        #expect(throws: RapportError.invalid(field: "encoding", value: name, expected: "use " + TextEncoding.acceptedNames)) {
            try TextEncoding(parsing: name)
        }
    }

}
