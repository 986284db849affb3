import Testing
@testable import RapportCore

/// Contracts and their payment plans: even plans and plans as typed add up to the contract
/// to the minor unit. Today is Monday 2026-11-23.
struct PaymentPlanTests {
    typealias F = RuleFixtures
    static let yen = Currency(code: "JPY")
    /// 100,000.00 yuan.
    static let total = Money(minorUnits: 10_000_000, currency: .yuan)

    static func yuan(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .yuan) }

    // MARK: - Money as typed (万, 亿)

    @Test(arguments: [
        ("1.2万", Currency.yuan, Int64(1_200_000)),     // 12,000.00
        ("0.5万", .yuan, 500_000),                       // 5,000.00
        ("1.23456万", .yuan, 1_234_560),                 // 12,345.60: six digits after the point are 万 and fen
        ("1.234567万", .yuan, 1_234_567),                // 12,345.67
        ("0.000001万", .yuan, 1),                        // 0.01
        ("1.2345670万", .yuan, 1_234_567),               // a trailing zero past the fen changes nothing
        ("2万", PaymentPlanTests.yen, 20_000),
        ("1.2345万", PaymentPlanTests.yen, 12_345),
        ("0.01亿", .yuan, 100_000_000),                  // 1,000,000.00
    ])
    func readsWan(text: String, currency: Currency, minorUnits: Int64) throws {
        #expect(try Money(parsing: text, currency: currency) == Money(minorUnits: minorUnits, currency: currency))
    }

    @Test(arguments: [
        ("1,2万", Currency.yuan, MoneyError.unreadable("1,2万")),
        ("1.2345678万", .yuan, .tooPrecise("1.2345678万")),   // 12,345.678 yuan
        ("0.0000001万", .yuan, .tooPrecise("0.0000001万")),
        ("1.23456万", PaymentPlanTests.yen, .tooPrecise("1.23456万")),  // 12,345.6 yen
        ("万万", .yuan, .unreadable("万万")),
        ("1万亿", .yuan, .unreadable("1万亿")),
    ])
    func refusesWan(text: String, currency: Currency, error: MoneyError) {
        #expect(throws: error) { try Money(parsing: text, currency: currency) }
    }

    // MARK: - Even plans

    @Test(arguments: [
        // (total in minor units, currency, count, every instalment but the last, the last)
        (Int64(10_000), Currency.yuan, 3, Int64(3_333), Int64(3_334)),   // 100.00 = 33.33 + 33.33 + 33.34
        (1, .yuan, 7, 0, 1),                                             // 0.01: the fen goes on the last
        (100_000_001, .yuan, 12, 8_333_333, 8_333_338),                  // 12 × 8,333,333 = 99,999,996; 5 left
        (999_999_999, .yuan, 120, 8_333_333, 8_333_372),                 // 120 × 8,333,333 = 999,999,960; 39 left
        (10_000, .yuan, 1, 0, 10_000),
        (12, .yuan, 12, 1, 1),
        (11, .yuan, 12, 0, 11),
        (100, PaymentPlanTests.yen, 3, 33, 34),
        (999_999_999_999_999_999, .yuan, 7, 142_857_142_857_142_857, 142_857_142_857_142_857),  // 142857 × 7 = 999999
    ] as [(Int64, Currency, Int, Int64, Int64)])
    func evenPlanAddsUpExactly(total: Int64, currency: Currency, count: Int, base: Int64, last: Int64) throws {
        let plan = try PaymentPlan.even(total: Money(minorUnits: total, currency: currency), count: count, first: F.day("2026-12-01"))
        #expect(plan.count == count)
        #expect(plan.map(\.position) == Array(1...count))
        #expect(plan.dropLast().allSatisfy { $0.amount.minorUnits == base })
        #expect(plan.last?.amount.minorUnits == last)
        #expect(plan.reduce(Int64(0)) { $0 + $1.amount.minorUnits } == total)
        #expect(plan.allSatisfy { $0.amount.currency == currency && $0.received == Money(minorUnits: 0, currency: currency) && $0.id == nil })
    }

    @Test(arguments: [
        // A month apart, the day clamped to the month's end but never drifting: Mar 31 stays the 31st.
        ("2027-01-31", ["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31", "2027-06-30", "2027-07-31",
                        "2027-08-31", "2027-09-30", "2027-10-31", "2027-11-30", "2027-12-31", "2028-01-31", "2028-02-29"]),
        ("2028-01-31", ["2028-01-31", "2028-02-29", "2028-03-31"]),
        ("2026-11-30", ["2026-11-30", "2026-12-30", "2027-01-30", "2027-02-28", "2027-03-30"]),
        ("2026-12-15", ["2026-12-15", "2027-01-15", "2027-02-15"]),
        ("2026-08-31", ["2026-08-31", "2026-09-30", "2026-10-31"]),
    ])
    func evenPlanIsAMonthApart(first: String, days: [String]) throws {
        let plan = try PaymentPlan.even(total: Self.total, count: days.count, first: F.day(first))
        #expect(plan.map(\.dueOn.iso) == days)
    }

    @Test(arguments: [0, -1, 121, 1_000])
    func evenPlanRefusesTheCount(count: Int) {
        #expect(throws: RapportError.invalid(field: "instalments", value: String(count), expected: "use 1 to 120 instalments")) {
            try PaymentPlan.even(total: Self.total, count: count, first: F.today)
        }
    }

    // MARK: - Plans as typed

    @Test(arguments: [
        // Percentages and the rest.
        ("2026-12-01 30%, 2027-01-15 rest", [("2026-12-01", Int64(3_000_000)), ("2027-01-15", 7_000_000)]),
        // An explicit amount with a thousands separator between two entries.
        ("2026-12-01 30%, 2027-01-15 12,000, 2027-03-01 rest",
         [("2026-12-01", 3_000_000), ("2027-01-15", 1_200_000), ("2027-03-01", 5_800_000)]),
        ("2026-12-01 12,000.50,2027-01-15 rest", [("2026-12-01", 1_200_050), ("2027-01-15", 8_799_950)]),
        // Chinese separators and words for the rest.
        ("2026-12-01 30%，2027-01-15 40%；2027-03-01 尾款",
         [("2026-12-01", 3_000_000), ("2027-01-15", 4_000_000), ("2027-03-01", 3_000_000)]),
        ("2026-12-01 50%; 2027-01-15 剩余", [("2026-12-01", 5_000_000), ("2027-01-15", 5_000_000)]),
        ("2026-12-01 2万, 2027-01-15 余款", [("2026-12-01", 2_000_000), ("2027-01-15", 8_000_000)]),
        ("2026-12-01 REST", [("2026-12-01", 10_000_000)]),
        // Explicit amounts that add up, no rest.
        ("2026-12-01 50000; 2027-01-15 5万", [("2026-12-01", 5_000_000), ("2027-01-15", 5_000_000)]),
        ("2026-12-01 100%", [("2026-12-01", 10_000_000)]),
        ("2026-12-01 33.33%, 2027-01-01 33.33%, 2027-02-01 33.34%",
         [("2026-12-01", 3_333_000), ("2027-01-01", 3_333_000), ("2027-02-01", 3_334_000)]),
        // Out of order: sorted by day and numbered again; the rest keeps its own day.
        ("2027-03-01 rest, 2026-12-01 30%, 2027-01-15 20%",
         [("2026-12-01", 3_000_000), ("2027-01-15", 2_000_000), ("2027-03-01", 5_000_000)]),
        // The same day twice keeps the order typed.
        ("2026-12-01 rest, 2026-12-01 60%", [("2026-12-01", 4_000_000), ("2026-12-01", 6_000_000)]),
        ("2026-12-01 60%, 2026-12-01 rest", [("2026-12-01", 6_000_000), ("2026-12-01", 4_000_000)]),
        // Empty entries are skipped.
        ("2026-12-01 30%, , 2027-01-15 rest,", [("2026-12-01", 3_000_000), ("2027-01-15", 7_000_000)]),
        // Date expressions, from Monday 2026-11-23.
        ("+1m 25%, +2m 25%, +3m 剩余", [("2026-12-23", 2_500_000), ("2027-01-23", 2_500_000), ("2027-02-23", 5_000_000)]),
        ("tomorrow 10%, eom 10%, 12-31 rest", [("2026-11-24", 1_000_000), ("2026-11-30", 1_000_000), ("2026-12-31", 8_000_000)]),
        ("next month 30%, 明天 rest", [("2026-11-24", 7_000_000), ("2026-12-23", 3_000_000)]),
        ("+2w 10%, 12月1日 rest", [("2026-12-01", 9_000_000), ("2026-12-07", 1_000_000)]),
    ] as [(String, [(String, Int64)])])
    func parsesPlan(text: String, expected: [(String, Int64)]) throws {
        let plan = try PaymentPlan.parse(text, total: Self.total, today: F.today)
        #expect(plan.map(\.dueOn.iso) == expected.map(\.0))
        #expect(plan.map(\.amount.minorUnits) == expected.map(\.1))
        #expect(plan.map(\.position) == Array(1...expected.count))
        #expect(plan.reduce(Int64(0)) { $0 + $1.amount.minorUnits } == Self.total.minorUnits)
        #expect(plan.allSatisfy { $0.amount.currency == .yuan && $0.received.minorUnits == 0 })
    }

    @Test(arguments: [
        // Total 100.01: percentages round down, the rest takes what they leave.
        ("+1m 50%, +2m rest", [Int64(5_000), 5_001]),                         // 5,000.5 → 5,000
        ("+1m 33.33%, +2m 33.33%, +3m rest", [3_333, 3_333, 3_335]),           // 3,333.3333 → 3,333 twice
        ("+1m 0.01%, +2m rest", [1, 10_000]),                                  // 1.0001 → 1
        ("+1m 99.99%, +2m rest", [9_999, 2]),                                  // 9,999.9999 → 9,999
    ] as [(String, [Int64])])
    func percentagesRoundDown(text: String, amounts: [Int64]) throws {
        let total = Self.yuan(10_001)
        let plan = try PaymentPlan.parse(text, total: total, today: F.today)
        #expect(plan.map(\.amount.minorUnits) == amounts)
        #expect(plan.reduce(Int64(0)) { $0 + $1.amount.minorUnits } == 10_001)
    }

    @Test func percentagesOfAHugeTotalDoNotOverflow() throws {
        // 9,999,999,999,999,999.99 yuan, the largest amount Money reads: 30% is
        // 299,999,999,999,999,999.7 fen, rounded down.
        let total = Self.yuan(999_999_999_999_999_999)
        let plan = try PaymentPlan.parse("2026-12-01 30%, 2027-01-01 rest", total: total, today: F.today)
        #expect(plan.map(\.amount.minorUnits) == [299_999_999_999_999_999, 700_000_000_000_000_000])
    }

    @Test(arguments: [
        // Sums that do not match.
        ("2026-12-01 30%, 2027-01-15 60%", RapportError.invalid(field: "payment plan", value: "90,000.00",
                                                                  expected: "the entries must add up to 100,000.00, or end one with rest")),
        ("2026-12-01 60%, 2027-01-15 50%", .invalid(field: "payment plan", value: "110,000.00",
                                                    expected: "the entries must add up to 100,000.00, or end one with rest")),
        ("2026-12-01 50000, 2027-01-15 49,999.99", .invalid(field: "payment plan", value: "99,999.99",
                                                            expected: "the entries must add up to 100,000.00, or end one with rest")),
        // Two rests.
        ("2026-12-01 rest, 2027-01-15 尾款", .invalid(field: "payment plan", value: "2026-12-01 rest, 2027-01-15 尾款",
                                                      expected: "only one entry can be the rest")),
        // Nothing left for the rest.
        ("2026-12-01 100%, 2027-01-15 rest", .invalid(field: "payment plan", value: "100,000.00",
            expected: "the other entries already reach the total 100,000.00; nothing is left for the rest")),
        ("2026-12-01 60%, 2027-01-01 rest, 2027-02-01 50%", .invalid(field: "payment plan", value: "110,000.00",
            expected: "the other entries already reach the total 100,000.00; nothing is left for the rest")),
        ("2026-12-01 1,000,000.00, 2027-01-15 rest", .invalid(field: "payment plan", value: "1,000,000.00",
            expected: "the other entries already reach the total 100,000.00; nothing is left for the rest")),
        // Zero instalments.
        ("", .invalid(field: "payment plan", value: "", expected: "write 2026-12-01 30%, 2027-01-15 rest")),
        (" , ；，", .invalid(field: "payment plan", value: " , ；，", expected: "write 2026-12-01 30%, 2027-01-15 rest")),
        // Instalments of nothing, or less.
        ("2026-12-01 0, 2027-01-01 100000", .invalid(field: "payment plan", value: "2026-12-01 0, 2027-01-01 100000",
                                                      expected: "every instalment must be more than nothing")),
        ("2026-12-01 0%, 2027-01-01 rest", .invalid(field: "payment plan", value: "2026-12-01 0%, 2027-01-01 rest",
                                                     expected: "every instalment must be more than nothing")),
        ("2026-12-01 -5000, 2027-01-01 105000", .money(.negative("-5000"))),
        // Unreadable entries.
        ("2026-12-01", .invalid(field: "payment plan entry", value: "2026-12-01", expected: "write a day and an amount: 2026-12-01 30%")),
        ("30%, 2027-01-01 rest", .invalid(field: "payment plan entry", value: "30%", expected: "write a day and an amount: 2026-12-01 30%")),
        ("someday 30%, 2027-01-01 rest", .date(.unrecognized("someday"))),
        ("2026-13-01 30%, 2027-01-01 rest", .date(.noSuchDay("2026-13-01"))),
        ("2026-12-01 abc", .money(.unreadable("abc"))),
        ("2026-12-01 1.234, 2027-01-01 rest", .money(.tooPrecise("1.234"))),
        // 1,2万 is no amount: the comma ends the entry "2026-12-01 1" and leaves "2万" without a day.
        ("2026-12-01 1,2万, 2027-01-01 rest", .invalid(field: "payment plan entry", value: "2万",
                                                       expected: "write a day and an amount: 2026-12-01 30%")),
        ("2026-12-01 120%", .invalid(field: "payment plan entry", value: "120%",
                                     expected: "write a share of the total from 0% to 100%, e.g. 30% or 12.5%")),
        ("2026-12-01 12.345%, 2027-01-01 rest", .invalid(field: "payment plan entry", value: "12.345%",
                                                          expected: "write a share of the total from 0% to 100%, e.g. 30% or 12.5%")),
        ("2026-12-01 -10%, 2027-01-01 rest", .invalid(field: "payment plan entry", value: "-10%",
                                                       expected: "write a share of the total from 0% to 100%, e.g. 30% or 12.5%")),
    ])
    func refusesPlan(text: String, error: RapportError) {
        #expect(throws: error) { try PaymentPlan.parse(text, total: Self.total, today: F.today) }
    }

    @Test func refusesPercentagesThatRoundToAShortfall() {
        // 100.01: 50% + 50% is 50.00 + 50.00, a fen short; the plan must say where it goes.
        #expect(throws: RapportError.invalid(field: "payment plan", value: "100.00", expected: "the entries must add up to 100.01, or end one with rest")) {
            try PaymentPlan.parse("+1m 50%, +2m 50%", total: Self.yuan(10_001), today: F.today)
        }
    }

    @Test func amountsAreReadInTheContractsCurrency() throws {
        let total = Money(minorUnits: 30_000, currency: Self.yen)
        let plan = try PaymentPlan.parse("+1m 10,000, +2m rest", total: total, today: F.today)
        #expect(plan.map(\.amount) == [Money(minorUnits: 10_000, currency: Self.yen), Money(minorUnits: 20_000, currency: Self.yen)])
        #expect(throws: RapportError.money(.tooPrecise("1.5"))) { try PaymentPlan.parse("+1m 1.5, +2m rest", total: total, today: F.today) }
    }

    @Test func atMost120Instalments() throws {
        // 120.00 in 120 daily instalments of 1.00 reads; one more entry is refused.
        let entries = (1...120).map { "+\($0)d 1" }
        let plan = try PaymentPlan.parse(entries.joined(separator: ", "), total: Self.yuan(12_000), today: F.today)
        #expect(plan.count == 120)
        #expect(plan.first?.dueOn.iso == "2026-11-24")
        #expect(plan.last?.dueOn == F.today.adding(days: 120))
        let tooMany = (entries + ["+121d rest"]).joined(separator: ", ")
        #expect(throws: RapportError.invalid(field: "payment plan", value: tooMany, expected: "a plan has at most 120 instalments")) {
            try PaymentPlan.parse(tooMany, total: Self.yuan(12_100), today: F.today)
        }
    }

    // MARK: - Contracts and instalments

    static func contract(number: String = "2026-001", amount: Int64 = 10_000_000, starts: String = "2026-12-01", ends: String? = "2027-11-30",
                         instalments: [Int64] = [3_000_000, 7_000_000]) -> Contract {
        Contract(customerID: 1, dealID: 5, number: number, signedOn: F.day("2026-11-23"), startsOn: F.day(starts),
                 endsOn: ends.map(F.day), amount: yuan(amount),
                 instalments: instalments.enumerated().map { Instalment(position: $0 + 1, dueOn: F.day(starts).adding(months: $0), amount: yuan($1)) },
                 createdAt: LocalDateTime(day: F.today, time: ClockTime(clampingHour: 10, minute: 0)))
    }

    @Test func validatedTrimsTheNumberAndKeepsTheRest() throws {
        let checked = try Self.contract(number: "  HT-0451 ").validated()
        #expect(checked.number == "HT-0451")
        #expect(checked.received == Self.yuan(0))
        #expect(checked.instalments.map(\.amount.minorUnits) == [3_000_000, 7_000_000])
        // Ending the day it starts, or never, is allowed.
        #expect(throws: Never.self) { try Self.contract(ends: "2026-12-01").validated() }
        #expect(throws: Never.self) { try Self.contract(ends: nil).validated() }
    }

    @Test(arguments: [
        (PaymentPlanTests.contract(number: ""), RapportError.empty(field: "contract number")),
        (contract(number: "2026/001"), .invalid(field: "contract number", value: "2026/001",
                                                 expected: "a contract number has no slash (it names instalments: 2026-001/2)")),
        (contract(number: String(repeating: "9", count: 61)), .tooLong(field: "contract number", value: String(repeating: "9", count: 61),
                                                                        length: 61, limit: 60)),
        (contract(amount: 0, instalments: [0]), .invalid(field: "contract amount", value: "0.00", expected: "a contract is for more than nothing")),
        (contract(amount: -1, instalments: [-1]), .invalid(field: "contract amount", value: "-0.01", expected: "a contract is for more than nothing")),
        (contract(ends: "2026-11-30"), .invalid(field: "end", value: "2026-11-30", expected: "a contract cannot end before it starts (2026-12-01)")),
        (contract(instalments: []), .invalid(field: "payment plan", value: "", expected: "a plan has at least one instalment")),
        (contract(instalments: [3_000_000, 6_999_999]), .invalid(field: "payment plan", value: "99,999.99",
                                                                 expected: "the instalments must add up to the contract's 100,000.00")),
        (contract(instalments: [3_000_000, 7_000_001]), .invalid(field: "payment plan", value: "100,000.01",
                                                                 expected: "the instalments must add up to the contract's 100,000.00")),
    ])
    func validatedRefuses(contract: Contract, error: RapportError) {
        #expect(throws: error) { try contract.validated() }
    }

    @Test(arguments: [
        // (amount, received, remaining, paid)
        (Int64(10_000), Int64(0), Int64(10_000), false),
        (10_000, 4_000, 6_000, false),
        (10_000, 9_999, 1, false),
        (10_000, 10_000, 0, true),
        (10_000, 15_000, 0, true),      // an overpayment is the contract's credit, not a negative remainder
        (0, 0, 0, true),
    ])
    func instalmentRemaining(amount: Int64, received: Int64, remaining: Int64, paid: Bool) {
        let i = Instalment(position: 1, dueOn: F.today, amount: Self.yuan(amount), received: Self.yuan(received))
        #expect(i.remaining == Self.yuan(remaining))
        #expect(i.isPaid == paid)
    }

    @Test(arguments: [(Int64(0), Int64(10_000_000)), (3_000_000, 7_000_000), (10_000_000, 0), (10_500_000, -500_000)])
    func contractOutstanding(received: Int64, outstanding: Int64) {
        var c = Self.contract()
        c.received = Self.yuan(received)
        #expect(c.outstanding == Self.yuan(outstanding))
    }
}
