/// The seller's customer information card.
public struct Customer: Hashable, Sendable, Identifiable {
    /// Nil until the store has saved the customer.
    public var id: Int64?
    public var name: String
    public var company: String?
    public var title: String?
    public var kind: CustomerKind
    public var phones: [LabeledValue]
    public var emails: [LabeledValue]
    public var address: String?
    public var city: String?
    public var region: String?
    /// The visit route the seller groups this customer's visits on.
    public var route: String?
    public var industry: String?
    public var source: String?
    public var tags: [String]
    public var grade: Grade?
    public var status: CustomerStatus
    public var birthday: Birthday?
    public var preferredChannel: ContactChannel?
    public var creditLevel: String?
    public var creditLimit: Money?
    /// What the customer said they want.
    public var needs: String?
    /// What worries them.
    public var concerns: String?
    public var notes: String?
    /// Whatever the seller's trade needs beyond these fields, name → value.
    public var customFields: [String: String]
    public var createdAt: LocalDateTime
    public var updatedAt: LocalDateTime
    /// The customer's own contact cadence in days, instead of the grade's; 0 never chases.
    public var cadenceDays: Int?
    /// The last logged contact (any interaction but a note); kept by the store.
    public var lastContactAt: LocalDateTime?
    /// The last visit or meeting; kept by the store.
    public var lastVisitAt: LocalDateTime?
    /// When the last of the failed attempts in a row that make the customer silent was; nil
    /// when not silent. Kept by the store.
    public var silentSince: LocalDateTime?

    /// A new customer with just a name; everything else empty.
    public init(name: String, createdAt: LocalDateTime) {
        id = nil
        self.name = name
        company = nil
        title = nil
        kind = .person
        phones = []
        emails = []
        address = nil
        city = nil
        region = nil
        route = nil
        industry = nil
        source = nil
        tags = []
        grade = nil
        status = .lead
        birthday = nil
        preferredChannel = nil
        creditLevel = nil
        creditLimit = nil
        needs = nil
        concerns = nil
        notes = nil
        customFields = [:]
        self.createdAt = createdAt
        updatedAt = createdAt
        cadenceDays = nil
        lastContactAt = nil
        lastVisitAt = nil
        silentSince = nil
    }
}

/// A phone number or an email address with an optional label (`mobile`, `work`, `微信`).
public struct LabeledValue: Hashable, Sendable {
    public var value: String
    public var label: String?

    public init(_ value: String, label: String? = nil) {
        self.value = value
        self.label = label
    }

    /// Reads `value` or `label:value` (`work:010-1234`); a label is letters only, so a
    /// URL-like value is not split.
    public init(parsing text: String) {
        // Bytes first (an import reads a label on every phone): the colon by its byte, and
        // an ASCII label without asking Unicode's tables whether each character is a letter.
        if let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")), colon != text.startIndex,
           Self.isLabel(text[..<colon]) {
            self.init(String(text[text.index(after: colon)...]).trimmingSpaces(), label: String(text[..<colon]))
        } else {
            self.init(text.trimmingSpaces())
        }
    }

    /// Letters only, at most twelve.
    private static func isLabel(_ text: Substring) -> Bool {
        if text.utf8.allSatisfy({ ($0 | 0x20) &- UInt8(ascii: "a") < 26 }) { return text.utf8.count <= 12 }
        return text.allSatisfy(\.isLetter) && text.count <= 12
    }
}

extension LabeledValue: CustomStringConvertible {
    public var description: String { label.map { "\($0):\(value)" } ?? value }
}

/// Phone numbers compare by their digits: `+86 138-0013-8000` and `8613800138000` are one number.
public enum PhoneNumber {
    /// The digits of a phone number (a leading + kept), for matching and duplicate checks.
    public static func normalized(_ text: String) -> String {
        let digits = digits(text)
        let first = text.unicodeScalars.first { $0 != " " && $0 != "\t" && $0 != "\u{3000}" }
        return first == "+" ? "+" + digits : digits
    }

    /// Whether the text is a number in a spreadsheet's scientific notation (`1.3709E+10`):
    /// Excel writes a long phone so when its column is not text, and the digits are gone.
    public static func isScientific(_ text: String) -> Bool {
        let t = text.trimmingSpaces().uppercased()
        guard let e = t.firstIndex(of: "E") else { return false }
        let mantissa = t[..<e].split(separator: ".", omittingEmptySubsequences: false)
        var exponent = t[t.index(after: e)...]
        if exponent.first == "+" { exponent = exponent.dropFirst() }
        return (1...2).contains(mantissa.count) && mantissa.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
            && !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
    }

    /// The number's ASCII digits alone.
    public static func digits(_ text: String) -> String {
        // Bytes, not characters, and the text itself when it is digits already: an import
        // reads every number several times.
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            let count = bytes.count { $0 &- UInt8(ascii: "0") < 10 }
            if count == bytes.count { return text }
            return String(unsafeUninitializedCapacity: count) { digits in
                var i = 0
                for byte in bytes where byte &- UInt8(ascii: "0") < 10 {
                    digits[i] = byte
                    i += 1
                }
                return i
            }
        }
    }
}
