import Foundation
import RapportCore

/// Reads vCard 2.1, 3.0 and 4.0 files into customers.
///
/// Real files are messier than the RFCs: folded lines, quoted-printable with soft line
/// breaks, a CHARSET per property, bare 2.1 parameters, groups, nested cards, base64 photos
/// without the blank line that should end them, whole files in UTF-16. The reader works on
/// bytes until it knows each property's charset, never crashes on garbage, and names the
/// card when one cannot become a customer.
public enum VCardReader {
    /// The customers of a vCard file, one entry per card in file order (a nested card counts
    /// in the order its BEGIN:VCARD comes). A card with no FN, N or ORG, a card never ended, or
    /// a file with no card at all is an error naming the card.
    public static func customers(_ data: Data, createdAt: LocalDateTime) throws(RapportError) -> [VCardEntry] {
        var customers: [VCardEntry] = []
        for entry in try entries(data, createdAt: createdAt) {
            customers.append(try entry.get())
        }
        return customers
    }

    /// Each card's customer or the reason it cannot be one, for an import that skips bad cards;
    /// only a file that is not vCard at all, or is cut short, is an error for the whole file.
    public static func entries(_ data: Data, createdAt: LocalDateTime) throws(RapportError)
        -> [Result<VCardEntry, RapportError>] {
        var bytes = [UInt8](data)
        // A whole file in UTF-16 or UTF-32 (with a mark, or only NUL bytes to tell) is made UTF-8
        // first; its CHARSET parameters then no longer describe the bytes.
        var charsetApplies = true
        switch TextDecoding.detect(data) {
        case .utf16LE, .utf16BE, .utf32LE, .utf32BE:
            bytes = Array(try TextDecoding.decode(data).utf8)
            charsetApplies = false
        case .utf8 where bytes.starts(with: TextEncoding.utf8.byteOrderMark):
            bytes.removeFirst(3)
        default:
            break
        }
        var open: [VCardDraft] = []
        var entries: [(Int, Result<VCardEntry, RapportError>)] = []
        var cards = 0
        var inBinary = false
        for (line, number) in logicalLines(bytes) {
            guard let property = VCardProperty(line, line: number) else {
                // Base64 written without folding leaves colon-less lines behind; they belong to the
                // photo before them. Anything else outside a property is noted and skipped.
                if !inBinary, !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }), !open.isEmpty {
                    open[open.count - 1].warnings.append("line \(number) is not a property; skipped")
                }
                continue
            }
            inBinary = property.isBinary
            if property.name == "BEGIN", property.isVCard {
                cards += 1
                open.append(VCardDraft(card: cards, line: number, charsetApplies: charsetApplies))
            } else if property.name == "END", property.isVCard {
                guard let draft = open.popLast() else { continue }
                entries.append((draft.card, Result { () throws(RapportError) in try draft.entry(createdAt: createdAt) }))
            } else if !open.isEmpty {
                open[open.count - 1].add(property)
            }
        }
        if let unended = open.first {
            throw .invalid(field: "vCard", value: "card \(unended.card)",
                           expected: "it begins on line \(unended.line) but has no END:VCARD; the file may be cut short")
        }
        guard cards > 0 else {
            let start = String(decoding: bytes.prefix(40), as: UTF8.self)
            throw .invalid(field: "vCard file", value: start, expected: "it has no BEGIN:VCARD line")
        }
        return entries.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The file's content lines with their first line numbers: folded lines (a line break then
    /// a space or tab) joined, and a quoted-printable value's soft line breaks (`=` at the end) joined.
    static func logicalLines(_ bytes: [UInt8]) -> [([UInt8], Int)] {
        var lines: [([UInt8], Int)] = []
        var softBreak = false
        var number = 0
        var start = 0
        var i = 0
        while start < bytes.count {
            while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
            let physical = bytes[start..<i]
            number += 1
            if i < bytes.count {
                i += bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
            }
            start = i
            if softBreak, !lines.isEmpty {
                lines[lines.count - 1].0.removeLast()
                lines[lines.count - 1].0 += physical
            } else if let first = physical.first, first == 0x20 || first == 0x09, !lines.isEmpty {
                lines[lines.count - 1].0 += physical.dropFirst()
            } else {
                lines.append((Array(physical), number))
            }
            if let last = lines.last {
                softBreak = last.0.last == UInt8(ascii: "=") && isQuotedPrintable(last.0)
            }
        }
        return lines
    }

    /// True when the line's parameters (before its first colon) say quoted-printable.
    private static func isQuotedPrintable(_ line: [UInt8]) -> Bool {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return false }
        return String(decoding: line[..<colon], as: UTF8.self).uppercased().contains("QUOTED-PRINTABLE")
    }
}
