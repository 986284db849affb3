import RapportBase
import Testing
@testable import RapportCore

struct MoneyTests {
    static let yen = Currency(code: "JPY")

    // CNY has 2 minor digits: 1 yuan = 100 fen; 万 = 10^4, 亿 = 10^8.
    @Test(arguments: [
        ("12000", Int64(1_200_000)),
        ("12,000.50", 1_200_050),
        ("12,000.5", 1_200_050),
        ("1,234,567.89", 123_456_789),
        ("1.2万", 1_200_000),            // 12,000 yuan
        ("3万", 3_000_000),
        ("0.01万", 10_000),              // 100 yuan
        ("3亿", 30_000_000_000),         // 300,000,000 yuan
        ("1.5亿", 15_000_000_000),
        ("0.5", 50),
        (".5", 50),
        ("0", 0),
        ("0.00", 0),
        ("007", 700),
        ("1.230", 123),                  // a trailing zero past the digits changes nothing
        ("  42  ", 4_200),
        ("\u{3000}42", 4_200),
        ("999", 99_900),
        ("100000000000", 10_000_000_000_000),   // Money.maximumMinorUnits, the largest amount kept
        ("1000亿", 10_000_000_000_000),
    ])
    func parsesYuan(text: String, minorUnits: Int64) throws {
        let money = try Money(parsing: text, currency: .yuan)
        #expect(money.minorUnits == minorUnits)
        #expect(money.currency == .yuan)
    }

    @Test(arguments: [
        ("1,000", Int64(1_000)),
        ("1000", 1_000),
        ("1.0", 1),
        ("2万", 20_000),
        ("1.5万", 15_000),
    ])
    func parsesYen(text: String, minorUnits: Int64) throws {
        #expect(try Money(parsing: text, currency: Self.yen).minorUnits == minorUnits)
    }

    // MARK: - As people type them

    static let euro = Currency(code: "EUR")
    static let dollar = Currency(code: "USD")

    @Test(arguments: [
        // In yuan: 12,000 yuan is 1,200,000 fen.
        ("12000元", Currency.yuan, Int64(1_200_000)),
        ("12000 元", .yuan, 1_200_000),
        ("12000块", .yuan, 1_200_000),
        ("¥12,000", .yuan, 1_200_000),
        ("￥12000", .yuan, 1_200_000),             // the full-width yen sign
        ("¥ 12000", .yuan, 1_200_000),
        ("1.2万元", .yuan, 1_200_000),
        ("¥1.2万", .yuan, 1_200_000),
        ("１２０００", .yuan, 1_200_000),            // full-width digits
        ("１２，０００．５０", .yuan, 1_200_050),
        ("１．２万", .yuan, 1_200_000),
        ("RMB 12000", .yuan, 1_200_000),
        ("RMB12000", .yuan, 1_200_000),
        ("rmb 12000", .yuan, 1_200_000),
        ("CNY 12000", .yuan, 1_200_000),
        ("12000 CNY", .yuan, 1_200_000),
        ("12,000.50 RMB", .yuan, 1_200_050),
        ("1.200,50", .yuan, 120_050),              // dots then a comma can only be European
        // In euros: a comma before one or two digits is the decimal comma.
        ("€1.200,50", euro, 120_050),
        ("1.200,50 EUR", euro, 120_050),
        ("EUR 1.200,50", euro, 120_050),
        ("1.200,50", euro, 120_050),
        ("1200,50", euro, 120_050),
        ("1200,5", euro, 120_050),
        ("€1.234.567,89", euro, 123_456_789),
        ("€1,200.50", euro, 120_050),              // the English form still reads
        ("1,200", euro, 120_000),                  // three digits after the comma: a thousands comma
        ("€12", euro, 1_200),
        // Other signs.
        ("¥1,000", yen, 1_000),                    // for a yen amount, ¥ is the yen
        ("$1,200.50", dollar, 120_050),
        ("USD 99", dollar, 9_900),
        ("£5", Currency(code: "GBP"), 500),
    ])
    func readsTheFormsPeopleType(text: String, currency: Currency, minorUnits: Int64) throws {
        let money = try Money(parsing: text, currency: currency)
        #expect(money.minorUnits == minorUnits)
        #expect(money.currency == currency)
    }

    @Test(arguments: [
        ("€100", Currency.yuan, "EUR"),
        ("100 EUR", .yuan, "EUR"),
        ("12000元", euro, "CNY"),
        ("RMB 100", dollar, "CNY"),
        ("¥100", euro, "CNY"),
        ("$5", .yuan, "USD"),
    ])
    func anotherCurrencyInTheAmountIsRefusedNamingBoth(text: String, currency: Currency, named: String) {
        #expect(throws: MoneyError.otherCurrency(text, named: Currency(code: named), expected: currency)) {
            try Money(parsing: text, currency: currency)
        }
        #expect(MoneyError.otherCurrency(text, named: Currency(code: named), expected: currency).description
            == "amount \"\(text)\" is in \(named), not \(currency.code)")
    }

    @Test(arguments: [
        ("€1.200,50", "EUR"), ("12000元", "CNY"), ("RMB 1", "CNY"), ("￥1", "CNY"), ("8000 USD", "USD"), ("1.2万", nil),
        ("12000", nil),
    ])
    func theCurrencyAnAmountNames(text: String, code: String?) {
        #expect(Money.currency(in: text) == code.map { Currency(code: $0) })
    }

    @Test(arguments: ["-500", "-3.5", "-1.2万", "-0.05", "¥-500", "-¥500", "-100000000000.01"])
    func negativeAmountsAreRefused(text: String) {
        #expect(throws: MoneyError.negative(text)) { try Money(parsing: text, currency: .yuan) }
        #expect(MoneyError.negative(text).description == "amount \"\(text)\" is negative; amounts are positive")
    }

    enum Failure: Sendable { case unreadable, tooPrecise, tooLarge }

    @Test(arguments: [
        ("", Currency.yuan, Failure.unreadable),
        ("   ", .yuan, .unreadable),
        ("abc", .yuan, .unreadable),
        ("-", .yuan, .unreadable),
        ("1,2,3", .yuan, .unreadable),
        ("12,00", .yuan, .unreadable),
        ("1,0000", .yuan, .unreadable),
        ("1234,567", .yuan, .unreadable),
        ("1.", .yuan, .unreadable),
        (".", .yuan, .unreadable),
        ("1.2.3", .yuan, .unreadable),
        (",123", .yuan, .unreadable),
        ("1e5", .yuan, .unreadable),
        ("12 000", .yuan, .unreadable),
        ("--5", .yuan, .unreadable),
        ("万", .yuan, .unreadable),
        ("1.234", .yuan, .tooPrecise),
        ("0.001", .yuan, .tooPrecise),
        ("1.5", MoneyTests.yen, .tooPrecise),
        ("1.23456789万", .yuan, .tooPrecise),  // 12,345.6789 yuan has 4 decimals
        ("1234567890123456789012345", .yuan, .tooLarge),
        ("99999999999999999", .yuan, .tooLarge),  // 17 digits + 2 fraction digits = 19 > 18
        ("1000000000000亿", .yuan, .tooLarge),
        ("100000000000.01", .yuan, .tooLarge),    // one fen past Money.maximumMinorUnits
        ("10000000000001", Self.yen, .tooLarge),  // 10^13 + 1 yen
        ("9000000000000000", .yuan, .tooLarge),   // the issue's amount: 18 digits of fen, once accepted
        ("90000000万", .yuan, .tooLarge),          // 9 × 10^11 yuan
        ("12abc", .yuan, .unreadable),             // a typo, not a currency
        ("abc12", .yuan, .unreadable),
        ("¥", .yuan, .unreadable),
        ("元", .yuan, .unreadable),
        ("RMB", .yuan, .unreadable),
        ("1.20.0,5", MoneyTests.euro, .unreadable),  // the dots group by three
        ("1,200,50", .yuan, .unreadable),
        ("1.200,5,0", MoneyTests.euro, .unreadable),
        ("1.200,505", MoneyTests.euro, .tooPrecise),
    ])
    func refuses(text: String, currency: Currency, failure: Failure) {
        do {
            let money = try Money(parsing: text, currency: currency)
            Issue.record("\(text.debugDescription) read as \(money.minorUnits)")
        } catch {
            switch (error, failure) {
            case (.unreadable(let t), .unreadable), (.tooPrecise(let t), .tooPrecise), (.tooLarge(let t, _), .tooLarge):
                #expect(t == text)
            default:
                Issue.record("\(text.debugDescription) threw \(error), expected \(failure)")
            }
        }
    }

    @Test(arguments: [
        (Int64(1_200_050), Currency.yuan, "12,000.50"),
        (-350, .yuan, "-3.50"),
        (5, .yuan, "0.05"),
        (0, .yuan, "0.00"),
        (100, .yuan, "1.00"),
        (99_999, .yuan, "999.99"),
        (100_000, .yuan, "1,000.00"),
        (-123_456_789, .yuan, "-1,234,567.89"),
        (1_000_000, MoneyTests.yen, "1,000,000"),
        (999, MoneyTests.yen, "999"),
        (-1_000, MoneyTests.yen, "-1,000"),
        (1_234_567, Currency(code: "KWD"), "1,234.567"),
        (5, Currency(code: "kwd"), "0.005"),
    ])
    func formatted(minorUnits: Int64, currency: Currency, text: String) {
        #expect(Money(minorUnits: minorUnits, currency: currency).formatted == text)
    }

    @Test func description() {
        #expect(Money(minorUnits: 1_200_050, currency: .yuan).description == "CNY 12,000.50")
        #expect(Money(minorUnits: 1_000, currency: Currency(code: "jpy")).description == "JPY 1,000")
    }

    @Test(arguments: [("CNY", 2), ("cny", 2), ("JPY", 0), ("KRW", 0), ("KWD", 3), ("EUR", 2), ("XYZ", 2)])
    func currencyDigits(code: String, digits: Int) {
        #expect(Currency(code: code).fractionDigits == digits)
        #expect(Currency(code: code).code == code.uppercased())
    }

    @Test(arguments: ["12,000.50", "0.05", "1,234,567.89"])
    func formattedRoundTrips(text: String) throws {
        let money = try Money(parsing: text, currency: .yuan)
        #expect(money.formatted == text)
    }

    @Test func noFloatingPointDrift() throws {
        var total: Int64 = 0
        for _ in 0..<1_000 { total += try Money(parsing: "0.10", currency: .yuan).minorUnits }
        #expect(total == 10_000)
        // 0.1 + 0.2 is not 0.3 in binary floating point; in fen it is.
        let sum = try Money(parsing: "0.1", currency: .yuan).minorUnits + Money(parsing: "0.2", currency: .yuan).minorUnits
        #expect(sum == (try Money(parsing: "0.3", currency: .yuan)).minorUnits)
    }

    @Test func ordering() {
        #expect(Money(minorUnits: -1, currency: .yuan) < Money(minorUnits: 0, currency: .yuan))
        #expect(!(Money(minorUnits: 5, currency: .yuan) < Money(minorUnits: 5, currency: .yuan)))
    }

    @Test func errorMessagesQuoteInput() {
        #expect(MoneyError.unreadable("abc").description.contains("\"abc\""))
        #expect(MoneyError.unreadable("abc").description.contains("1.2万"))
        #expect(MoneyError.tooPrecise("1.234").description.contains("\"1.234\""))
        #expect(MoneyError.tooLarge("9e99", limit: "100,000,000,000.00").description == "amount \"9e99\" is too large; the most Rapport keeps is 100,000,000,000.00")
    }

    @Test func theLimitInTheMessageIsWrittenInTheCurrency() throws {
        #expect(throws: MoneyError.tooLarge("100000000000.01", limit: "100,000,000,000.00")) {
            try Money(parsing: "100000000000.01", currency: .yuan)
        }
        #expect(throws: MoneyError.tooLarge("10000000000001", limit: "10,000,000,000,000")) {
            try Money(parsing: "10000000000001", currency: Self.yen)
        }
    }

    @Test(arguments: [
        // (a, "+" or "×", b, the result or nil for "too large")
        (Int64(1), "+", Int64(2), Int64?(3)),
        (Int64.max - 1, "+", Int64(1), Int64?(Int64.max)),
        (Int64.max, "+", Int64(1), Int64?.none),
        (Int64.min, "+", Int64(-1), Int64?.none),
        (Int64(-5), "+", Int64(5), Int64?(0)),
        (Int64(10_000_000_000_000), "×", Int64(100), Int64?(1_000_000_000_000_000)),  // the bound weighted by 100 %
        (Int64(900_000_000_000_000_000), "×", Int64(20), Int64?.none),                // the issue's 9×10^15 yuan at 20 %
        (Int64.min, "×", Int64(-1), Int64?.none),
        (Int64(-3), "×", Int64(7), Int64?(-21)),
    ])
    func checkedArithmetic(a: Int64, operation: String, b: Int64, result: Int64?) {
        let outcome = Result { () throws(RapportError) in
            operation == "+" ? try Money.sum(a, b, of: "the test") : try Money.product(a, b, of: "the test")
        }
        switch (outcome, result) {
        case (.success(let value), let expected?): #expect(value == expected)
        case (.failure(let e), nil): #expect(e == .money(.sumTooLarge("the test")))
        default: Issue.record("\(a) \(operation) \(b) gave \(outcome)")
        }
    }

    @Test(arguments: [
        (Int64(10_000_000_000_000), true), (Int64(-10_000_000_000_000), true), (Int64(10_000_000_000_001), false),
        (Int64(-10_000_000_000_001), false), (Int64.min, false), (Int64(0), true),
    ])
    func bound(minorUnits: Int64, kept: Bool) {
        #expect(Money.isWithinBound(minorUnits) == kept)
    }
}

/// Amounts said in Chinese: 万 from ten thousand yuan up, to the yuan; 元 below; other
/// currencies by their code, as in English.
struct MoneySaidTests {
    @Test(arguments: [
        (1_788_000, "CNY", "1.788万元"), (11_200_000, "CNY", "11.2万元"), (1_000_000, "CNY", "1万元"),
        (4_196_666, "CNY", "4.1967万元"), (894_000, "CNY", "8,940.00元"), (999_999, "CNY", "9,999.99元"),
        (120_050, "EUR", "1,200.50 EUR"),
    ] as [(Int64, String, String)])
    func inChinese(minorUnits: Int64, code: String, said: String) {
        Language.$bound.withValue(.zh) {
            #expect(Money(minorUnits: minorUnits, currency: Currency(code: code)).said == said)
        }
    }

    @Test func inEnglishTheCodeFollows() {
        Language.$bound.withValue(.en) { #expect(Money(minorUnits: 1_788_000, currency: .yuan).said == "17,880.00 CNY") }
    }
}
