import Foundation
import RapportCore

/// A cell's stored value as the text a CSV of the sheet would hold: numbers as Excel shows
/// them (a phone stored as a number keeps every digit), date serials as ISO dates.
enum CellText {
    /// A number cell's text: an integer as its digits, never in exponent form (a phone
    /// `1.3800138E10` is 13800138000), anything else to Excel's 15 significant digits.
    static func number(_ stored: String) -> String {
        guard let value = Double(stored), value.isFinite else { return stored }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // 0.1 + 0.2 is stored as 0.30000000000000004 and shown as 0.3.
        return String(format: "%.15g", value)
    }

    /// The ISO day a date serial names, or nil when it names none: days since 1899-12-30
    /// (as Excel counts, with Lotus 1-2-3's 29 February 1900 that never was: serial 60 is
    /// that day, and the serials before it one day earlier), or since 1904-01-01.
    static func isoDate(serial stored: String, uses1904: Bool) -> String? {
        guard let serial = Double(stored), serial.isFinite else { return nil }
        // The time of day is left out; rounded to the second first, so 23:59:59.9999 is not a day early.
        let days = Int(((serial * 86_400).rounded() / 86_400).rounded(.down))
        // Serial 0 is a time of day alone in the 1900 system; 2,958,465 is 9999-12-31.
        guard days >= (uses1904 ? 0 : 1), days <= 2_958_465 else { return nil }
        if uses1904 { return Day(year: 1904, month: 1, day: 1)?.adding(days: days).iso }
        if days == 60 { return nil }
        return Day(year: 1899, month: 12, day: days < 60 ? 31 : 30)?.adding(days: days).iso
    }

    /// Whether a number format shows a date: the built-in date and time formats (14–22, and
    /// 27–36 and 50–58, the dates of Chinese, Japanese and Korean Excel), or a format code
    /// with a day, month or year in it outside its quoted text and [colour] or [locale] tags.
    static func isDateFormat(id: Int, code: String?) -> Bool {
        guard let code else { return (14...22).contains(id) || (27...36).contains(id) || (50...58).contains(id) }
        var quoted = false
        var bracketed = false
        var escaped = false
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            switch c {
            case "\"": quoted.toggle()
            case _ where quoted: continue
            case "[": bracketed = true
            case "]": bracketed = false
            case _ where bracketed: continue
            // \x and "_x" (a space as wide as x) and "*x" (x repeated) take x literally.
            case "\\", "_", "*": escaped = true
            // Only the first section, the one for positive numbers, decides.
            case ";": return false
            case "d", "m", "y": return true
            default: continue
            }
        }
        return false
    }

    /// Text with the escapes OOXML writes for characters XML cannot hold (`_x000D_` for a
    /// carriage return) turned back into them; `_x005F_` escapes an underscore.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               let code = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                out.append(scalar)
                i += 7
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }
}
