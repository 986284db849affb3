import RapportBase

/// An amount of money in integer minor units (fen, cents): never floating point.
public struct Money: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var minorUnits: Int64
    public var currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// The largest amount Rapport keeps, in minor units: 10^13 (a thousand 亿 yuan). Every
    /// stored amount is at most this, so a per-currency sum of up to 900,000 of them, or one
    /// weighted by a percentage, cannot pass Int64; the sums are checked all the same.
    public static let maximumMinorUnits: Int64 = 10_000_000_000_000

    /// Whether an amount read from elsewhere (a JSON import, a file) is one Rapport keeps.
    public static func isWithinBound(_ minorUnits: Int64) -> Bool {
        minorUnits.magnitude <= maximumMinorUnits.magnitude
    }

    /// `a + b` of minor units, or "too large" for `what` instead of a trap.
    public static func sum(_ a: Int64, _ b: Int64, of what: String) throws(RapportError) -> Int64 {
        let (s, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw .money(.sumTooLarge(what)) }
        return s
    }

    /// `a × b` of minor units (a weighting), or "too large" for `what` instead of a trap.
    public static func product(_ a: Int64, _ b: Int64, of what: String) throws(RapportError) -> Int64 {
        let (p, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { throw .money(.sumTooLarge(what)) }
        return p
    }

    /// Reads an amount as people type it: `12000`, `12,000.50`, `1.2万` (ten thousand), `3亿`
    /// (a hundred million), with full-width digits, and a currency's sign or code (`¥12,000`,
    /// `12000元`, `RMB 12000`, `€1.200,50`, `8000 USD`) when it is `currency`'s.
    public init(parsing text: String, currency: Currency) throws(MoneyError) {
        self.init(minorUnits: try Money.parseMinorUnits(text, currency: currency), currency: currency)
    }

    /// The currency an amount names by its sign or code (`€1.200,50` EUR, `12000元` CNY), if any.
    public static func currency(in text: String) -> Currency? {
        marked(SearchKeys.fold(text).trimmingSpaces(), expecting: nil).currency
    }

    /// `12,000.50` with the currency's digits, no symbol.
    public var formatted: String {
        let digits = currency.fractionDigits
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let magnitude = minorUnits.magnitude
        var sink = ByteSink(capacity: 32)
        sink.appendGrouped(UInt(magnitude / UInt64(scale)))
        let grouped = sink.text
        let sign = minorUnits < 0 ? "-" : ""
        guard digits > 0 else { return sign + grouped }
        let fraction = String(magnitude % UInt64(scale))
        return sign + grouped + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    public var description: String { currency.code + " " + formatted }

    /// The amount as the seller says it: `17,880.00 CNY`; in Chinese a yuan amount of 万 or
    /// more in 万, to the yuan (`1.788万元`, `11.2万元`), a smaller one in 元 (`8,940.00元`),
    /// and other currencies by their code.
    public var said: String {
        guard Language.current == .zh, currency == .yuan else { return formatted + " " + currency.code }
        guard minorUnits.magnitude >= 1_000_000 else { return formatted + "元" }
        let yuan = (minorUnits.magnitude + 50) / 100
        let fraction = String(yuan % 10_000)
        let digits = String(repeating: "0", count: 4 - fraction.count) + fraction
        let trimmed = digits.reversed().drop { $0 == "0" }.reversed()
        return (minorUnits < 0 ? "-" : "") + String(yuan / 10_000) + (trimmed.isEmpty ? "" : "." + String(trimmed)) + "万元"
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }

    /// Parses an amount into minor units with exact decimal arithmetic.
    static func parseMinorUnits(_ text: String, currency: Currency) throws(MoneyError) -> Int64 {
        // Full-width digits and signs (`１２，０００`, `￥`) are what a Chinese input method types.
        var body = Substring(SearchKeys.fold(text).trimmingSpaces())
        var negative = body.first == "-"
        if negative { body = body.dropFirst() }
        let (named, amount) = marked(String(body), expecting: currency)
        body = amount
        if !negative, body.first == "-" {
            negative = true
            body = body.dropFirst()
        }
        if let named, named != currency {
            // What does not read as an amount (`abc`) is unreadable first.
            _ = try digits(body, currency: named, original: text)
            throw .otherCurrency(text, named: named, expected: currency)
        }
        guard negative else { return try digits(body, currency: currency, original: text) }
        // A negative amount is refused as such, unless it is no amount at all.
        do {
            _ = try digits(body, currency: currency, original: text)
        } catch .unreadable(let t) {
            throw .unreadable(t)
        } catch {}
        throw .negative(text)
    }

    /// The currency a folded amount is marked with, and the amount without the mark: a sign
    /// before it (¥ € $ £), 元 or 块 after it, or a code on either side (`RMB 12000`, `12000 EUR`).
    /// ¥ is the yen only for a yen amount, $ another dollar only for that dollar's.
    static func marked(_ text: String, expecting expected: Currency?) -> (currency: Currency?, amount: Substring) {
        var body = Substring(text)
        var named: Currency?
        if let sign = body.first, let code = signs[sign] {
            let same = expected.map { code == "CNY" ? $0.code == "JPY" : code == "USD" ? dollars.contains($0.code) : false } ?? false
            named = same ? expected : Currency(code: code)
            body = body.dropFirst()
        } else if body.hasSuffix("元") || body.hasSuffix("块") {
            named = .yuan
            body = body.dropLast()
        } else {
            // Any code apart from the digits (`12000 EUR`); one of the common ones even against them
            // (`RMB12000`), where `12abc` is a typo rather than a currency.
            let letters = { (c: Character) in c.isASCII && c.isLetter }
            let lead = String(body.prefix(while: letters)), tail = String(body.reversed().prefix(while: letters).reversed())
            if lead.count == 3, body.dropFirst(3).first == " " || commonCodes.contains(lead) {
                named = Currency(code: lead == "rmb" ? "CNY" : lead)
                body = body.dropFirst(3)
            } else if tail.count == 3, body.dropLast(3).last == " " || commonCodes.contains(tail) {
                named = Currency(code: tail == "rmb" ? "CNY" : tail)
                body = body.dropLast(3)
            }
        }
        return (named, Substring(body.trimmingSpaces()))
    }

    private static let signs: [Character: String] = ["¥": "CNY", "€": "EUR", "$": "USD", "£": "GBP"]
    private static let dollars: Set<String> = ["USD", "HKD", "SGD", "AUD", "CAD", "NZD", "TWD"]
    /// Codes read even without a space, folded as `marked` sees them.
    private static let commonCodes: Set<String> = ["rmb", "cny", "eur", "usd", "hkd", "jpy", "gbp"]

    /// The digits of an amount without sign or currency, `original` quoted in errors.
    private static func digits(_ amount: Substring, currency: Currency, original text: String) throws(MoneyError) -> Int64 {
        let fractionDigits = currency.fractionDigits
        var body = amount
        var multiplierDigits = 0
        if body.hasSuffix("万") {
            multiplierDigits = 4
        } else if body.hasSuffix("亿") {
            multiplierDigits = 8
        }
        if multiplierDigits > 0 { body = body.dropLast() }
        // The decimal comma (`1.200,50`): when dots come before the last comma, which no English
        // amount writes, or for euros before other than three digits (`1200,50`, not `1,200`).
        if let comma = body.lastIndex(of: ",") {
            let european = body.lastIndex(of: ".").map { $0 < comma }
                ?? (currency.code == "EUR" && body[body.index(after: comma)...].count != 3)
            if european { body = Substring(String(body.map { $0 == "," ? "." : $0 == "." ? "," : $0 })) }
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2, let integerPart = parts.first else { throw .unreadable(text) }
        let fractionPart = parts.count == 2 ? parts[1] : ""
        // Thousands separators must group by three; "1,2,3" is a typo, not a number.
        let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
        guard !integerPart.isEmpty || !fractionPart.isEmpty,
              groups.enumerated().allSatisfy({ i, g in i == 0 ? groups.count == 1 || (1...3).contains(g.count) : g.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), fractionPart.allSatisfy(\.isASCIIDigit),
              parts.count == 1 || !fractionPart.isEmpty
        else { throw .unreadable(text) }
        let integerDigits = groups.joined()
        // Scale by the currency's digits and the 万/亿 multiplier; extra fraction digits must be zero.
        let shift = fractionDigits + multiplierDigits
        var fraction = String(fractionPart)
        if fraction.count > shift {
            guard fraction.dropFirst(shift).allSatisfy({ $0 == "0" }) else { throw .tooPrecise(text) }
            fraction = String(fraction.prefix(shift))
        }
        fraction += String(repeating: "0", count: shift - fraction.count)
        let all = (integerDigits + fraction).drop { $0 == "0" }
        guard all.count <= 18, let value = Int64(all.isEmpty ? "0" : String(all)), value <= maximumMinorUnits else {
            throw .tooLarge(text, limit: Money(minorUnits: maximumMinorUnits, currency: currency).formatted)
        }
        // Minor units carry the currency's digits; the multiplier's are already folded in.
        return value
    }
}

/// A currency: an ISO 4217 code and how many minor-unit digits it has.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    public let code: String
    public let fractionDigits: Int

    /// A currency by its three-letter code; unknown codes get two digits.
    public init(code: String) {
        let upper = code.uppercased()
        self.code = upper
        self.fractionDigits = ["JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "KWD": 3, "BHD": 3, "JOD": 3][upper] ?? 2
    }

    public static let yuan = Currency(code: "CNY")

    public var description: String { code }
}

/// Why an amount could not be read.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(String)
    case tooPrecise(String)
    /// An amount past `Money.maximumMinorUnits`, with that maximum written out.
    case tooLarge(String, limit: String)
    /// A sum or a weighting of stored amounts that would pass what Rapport can hold.
    case sumTooLarge(String)
    /// An amount typed below zero: every amount typed is a positive one.
    case negative(String)
    /// An amount marked with another currency than the one it is in.
    case otherCurrency(String, named: Currency, expected: Currency)

    public var description: String {
        switch self {
        case .unreadable(let t):
            Language.say("unreadable amount \(t.quotedForMessage); write 12000, 12,000.50, 1.2万 or ¥12,000",
                         "看不懂的金额 \(t.quotedForMessage)；写 12000、12,000.50、1.2万 或 ¥12,000")
        case .tooPrecise(let t):
            Language.say("amount \(t.quotedForMessage) has more decimals than the currency allows", "金额 \(t.quotedForMessage) 的小数位比币种允许的多")
        case .tooLarge(let t, let limit):
            Language.say("amount \(t.quotedForMessage) is too large; the most Rapport keeps is \(limit)",
                         "金额 \(t.quotedForMessage) 太大；Rapport 最多记 \(limit)")
        case .sumTooLarge(let what):
            Language.say("\(what) adds up to more than Rapport can hold; look for a mistyped amount", "\(what) 的合计超出 Rapport 能记的范围；看看有没有输错的金额")
        case .negative(let t): Language.say("amount \(t.quotedForMessage) is negative; amounts are positive", "金额 \(t.quotedForMessage) 是负数；金额都是正数")
        case .otherCurrency(let t, let named, let expected):
            Language.say("amount \(t.quotedForMessage) is in \(named.code), not \(expected.code)",
                         "金额 \(t.quotedForMessage) 是 \(named.code)，不是 \(expected.code)")
        }
    }
}
