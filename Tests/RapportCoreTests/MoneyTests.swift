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
        ("-3.5", -350),
        ("-1.2万", -1_200_000),
        ("-0.05", -5),
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
        ("-100,000,000,000.00", -10_000_000_000_000),
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
        ("１２", .yuan, .unreadable),       // fullwidth digits
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
        ("-100000000000.01", .yuan, .tooLarge),   // the bound holds below zero as well
        ("9000000000000000", .yuan, .tooLarge),   // the issue's amount: 18 digits of fen, once accepted
        ("90000000万", .yuan, .tooLarge),          // 9 × 10^11 yuan
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

    @Test(arguments: ["12,000.50", "-3.50", "0.05", "1,234,567.89"])
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
