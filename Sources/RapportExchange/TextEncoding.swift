import Foundation
import RapportCore

/// A character encoding an imported file may be written in.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    /// UTF-16 whose byte order comes from its BOM or its NUL bytes, little-endian (Windows's) otherwise.
    case utf16 = "utf-16"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case utf32LE = "utf-32le"
    case utf32BE = "utf-32be"
    /// GB18030, the superset of GBK and GB2312 that Chinese Windows and Excel write.
    case gb18030
    case shiftJIS = "shift_jis"
    case latin1 = "iso-8859-1"
    case windows1252 = "windows-1252"

    /// The names the seller may give, as `--encoding` and vCard `CHARSET=` take them.
    public static let acceptedNames =
        "utf-8, utf-16, utf-16le, utf-16be, gb18030, gbk, gb2312, cp936, shift_jis, sjis, latin1, iso-8859-1, windows-1252"

    /// Reads an encoding's name, case-insensitively; anything not in `acceptedNames` is refused.
    public init(parsing name: String) throws(RapportError) {
        switch name.trimmingSpaces().lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "utf-16", "utf16": self = .utf16
        case "utf-16le", "utf16le": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        case "shift_jis", "shift-jis", "sjis": self = .shiftJIS
        case "latin1", "iso-8859-1": self = .latin1
        case "windows-1252", "cp1252": self = .windows1252
        default:
            throw .invalid(field: "encoding", value: name, expected: "use " + Self.acceptedNames)
        }
    }

    /// The byte-order mark this encoding's files may begin with.
    var byteOrderMark: [UInt8] {
        switch self {
        case .utf8: [0xEF, 0xBB, 0xBF]
        case .utf16LE: [0xFF, 0xFE]
        case .utf16BE: [0xFE, 0xFF]
        case .utf32LE: [0xFF, 0xFE, 0x00, 0x00]
        case .utf32BE: [0x00, 0x00, 0xFE, 0xFF]
        case .utf16, .gb18030, .shiftJIS, .latin1, .windows1252: []
        }
    }

    /// Foundation's name for the legacy encodings it decodes.
    var foundationEncoding: String.Encoding? {
        switch self {
        // Foundation on Linux has no named constant for GB18030; this is CoreFoundation's
        // kCFStringEncodingGB_18030_2000 with the NSString bit set.
        case .gb18030: String.Encoding(rawValue: 0x8000_0632)
        case .shiftJIS: .shiftJIS
        case .windows1252: .windowsCP1252
        case .utf8, .utf16, .utf16LE, .utf16BE, .utf32LE, .utf32BE, .latin1: nil
        }
    }
}
