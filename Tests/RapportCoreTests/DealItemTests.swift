import Testing
@testable import RapportCore

/// A deal's lines and its own fields: totals rounded half up per line, lines as typed,
/// and what a deal may hold.
struct DealItemTests {
    static let usd = Currency(code: "USD")
    static let yen = Currency(code: "JPY")

    static func yuan(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .yuan) }

    static let products: [Product] = {
        var pro = Product(code: "CRM-PRO", name: "Rapport Pro", unitPrice: yuan(1_000_000))      // 10,000.00
        pro.id = 1
        var seat = Product(code: "SEAT", name: "坐席", unitPrice: yuan(99_900))                    // 999.00
        seat.id = 2
        var us = Product(code: "US-SUPPORT", name: "Support", unitPrice: Money(minorUnits: 50_000, currency: usd))
        us.id = 3
        return [pro, seat, us]
    }()

    // MARK: - Rounding

    @Test(arguments: [
        (Int64(25), Int64(10), Int64(3)),      // 2.5 → 3
        (24, 10, 2),
        (26, 10, 3),
        (15, 10, 2),
        (5, 10, 1),                            // 0.5 → 1
        (4, 10, 0),
        (0, 10, 0),
        (-25, 10, -3),                         // half away from zero
        (-24, 10, -2),
        (-5, 10, -1),
        (-4, 10, 0),
        (89_991_000, 10_000, 8_999),           // 8,999.1
        (25_000, 10_000, 3),                   // 2.5
        (24_999, 10_000, 2),
        (150, 100, 2),
        (149, 100, 1),
        (1, 3, 0),                             // 0.33…
        (2, 3, 1),                             // 0.67: past the half
        (Int64.max, 2, Int64.max / 2 + 1),     // …5807 / 2 = …903.5 → …904
    ] as [(Int64, Int64, Int64)])
    func divideRoundingHalfUp(value: Int64, divisor: Int64, quotient: Int64) {
        #expect(Money.divideRoundingHalfUp(value, by: divisor) == quotient)
    }

    // MARK: - Line totals

    @Test(arguments: [
        // (quantity, unit price in minor units, discount in basis points, total in minor units)
        (3, Int64(3_333), 1_000, Int64(8_999)),       // 3 × 33.33 = 99.99, less 10% = 89.991 → 89.99
        (1, 5, 5_000, 3),                             // 0.05 less 50% = 0.025 → 0.03
        (1, 5, 0, 5),
        (3, 1_200_000, 1_000, 3_240_000),             // 3 × 12,000 = 36,000 less 10% = 32,400.00
        (2, 99_900, 250, 194_805),                    // 1,998.00 less 2.5% (49.95) = 1,948.05
        (7, 1, 5_000, 4),                             // 0.07 less 50% = 0.035 → 0.04
        (1, 1, 4_999, 1),                             // 0.01 × 50.01% = 0.005001 → 0.01
        (1, 1, 5_001, 0),                             // 0.01 × 49.99% = 0.004999 → 0.00
        (10, 12_345, 10_000, 0),                      // 100% off
        (1, 0, 0, 0),                                 // free
        (100_000, 99_999_999, 0, 9_999_999_900_000),  // a hundred thousand at 999,999.99, just under the bound
        (1, 10_000_000_000_000, 0, 10_000_000_000_000), // the bound itself: 100,000,000,000.00
    ])
    func lineTotal(quantity: Int, unitPrice: Int64, discount: Int, total: Int64) throws {
        let item = DealItem(description: "x", quantity: quantity, unitPrice: Self.yuan(unitPrice), discountBasisPoints: discount)
        #expect(try item.total() == Self.yuan(total))
    }

    @Test func lineTotalKeepsTheCurrency() throws {
        let item = DealItem(description: "x", quantity: 3, unitPrice: Money(minorUnits: 333, currency: Self.yen), discountBasisPoints: 1_000)
        // 999 yen less 10% = 899.1 → 899.
        #expect(try item.total() == Money(minorUnits: 899, currency: Self.yen))
    }

    @Test(arguments: [
        (Int.max, Int64(2)),                  // quantity × price overflows
        (2, Int64.max / 2 + 1),
        (1, Int64(1_000_000_000_000_000)),   // fits, but × 10,000 for the discount does not
        (1_000_000, Int64(99_999_999)),      // a million at 999,999.99: fits Int64, past Money.maximumMinorUnits
        (1, Int64(10_000_000_000_001)),      // one fen past the bound
    ])
    func lineTotalOverflowIsRefused(quantity: Int, unitPrice: Int64) {
        let item = DealItem(description: "BIG", quantity: quantity, unitPrice: Self.yuan(unitPrice))
        #expect(throws: RapportError.invalid(field: "line item", value: "BIG", expected: "its total is too large")) {
            try item.total()
        }
    }

    @Test func totalOfSeveralLinesAddsTheRoundedLines() throws {
        let items = [
            DealItem(description: "a", quantity: 3, unitPrice: Self.yuan(3_333), discountBasisPoints: 1_000),   // 89.991 → 89.99
            DealItem(description: "b", quantity: 1, unitPrice: Self.yuan(5), discountBasisPoints: 5_000),       // 0.025 → 0.03
            DealItem(description: "c", quantity: 1, unitPrice: Self.yuan(5), discountBasisPoints: 5_000),       // 0.025 → 0.03
            DealItem(description: "d", quantity: 2, unitPrice: Self.yuan(1_200_000)),                          // 24,000.00
        ]
        // 8,999 + 3 + 3 + 2,400,000 = 2,409,005; rounding the unrounded sum instead
        // (89.991 + 0.025 + 0.025 + 24,000 = 24,090.041) would give 2,409,004.
        #expect(try DealItem.total(items) == Self.yuan(2_409_005))
        #expect(try DealItem.total([]) == nil)
        #expect(try DealItem.total([items[1]]) == Self.yuan(3))
        // Two lines each at the bound add up past it.
        let bound = DealItem(description: "max", quantity: 1, unitPrice: Self.yuan(Money.maximumMinorUnits))
        #expect(throws: RapportError.invalid(field: "line items", value: "max", expected: "their total is too large")) {
            try DealItem.total([bound, bound])
        }
        let usd = [DealItem(description: "s", quantity: 2, unitPrice: Money(minorUnits: 50_000, currency: Self.usd))]
        #expect(try DealItem.total(usd) == Money(minorUnits: 100_000, currency: Self.usd))
    }

    @Test func totalOfLinesPastTheBoundTogetherIsRefused() throws {
        // Four lines of a quarter of Money.maximumMinorUnits reach it exactly; the fifth passes it.
        let price = Money.maximumMinorUnits / 4
        let items = (0...4).map { DealItem(description: "line \($0)", quantity: 1, unitPrice: Self.yuan(price)) }
        #expect(throws: RapportError.invalid(field: "line items", value: "line 4", expected: "their total is too large")) {
            try DealItem.total(items)
        }
        #expect(try DealItem.total(Array(items.prefix(4))) == Self.yuan(Money.maximumMinorUnits))
    }

    // MARK: - Reading a line

    @Test(arguments: [
        // (typed, product id, description, quantity, unit price in fen, discount in basis points)
        ("CRM-PRO x3 @12000 -10%", Int64?.some(1), "CRM-PRO Rapport Pro", 3, Int64(1_200_000), 1_000),
        ("crm-pro", 1, "CRM-PRO Rapport Pro", 1, 1_000_000, 0),
        ("CRM-PRO ×2", 1, "CRM-PRO Rapport Pro", 2, 1_000_000, 0),
        ("CRM-PRO *2", 1, "CRM-PRO Rapport Pro", 2, 1_000_000, 0),
        ("CRM-PRO X4", 1, "CRM-PRO Rapport Pro", 4, 1_000_000, 0),
        ("CRM-PRO @1.2万", 1, "CRM-PRO Rapport Pro", 1, 1_200_000, 0),
        ("CRM-PRO -2.5%", 1, "CRM-PRO Rapport Pro", 1, 1_000_000, 250),
        ("CRM-PRO -2.55%", 1, "CRM-PRO Rapport Pro", 1, 1_000_000, 255),
        ("CRM-PRO -0%", 1, "CRM-PRO Rapport Pro", 1, 1_000_000, 0),
        ("CRM-PRO -100%", 1, "CRM-PRO Rapport Pro", 1, 1_000_000, 10_000),
        ("CRM-PRO -100.0%", 1, "CRM-PRO Rapport Pro", 1, 1_000_000, 10_000),
        ("CRM-PRO x1000000", 1, "CRM-PRO Rapport Pro", 1_000_000, 1_000_000, 0),
        // Any order, tabs and runs of spaces between.
        ("CRM-PRO -10% @12,000.50 x3", 1, "CRM-PRO Rapport Pro", 3, 1_200_050, 1_000),
        ("CRM-PRO\tx2  \t@0.5万", 1, "CRM-PRO Rapport Pro", 2, 500_000, 0),
        // By the product's name.
        ("坐席 x10", 2, "SEAT 坐席", 10, 99_900, 0),
        // A code no product has, with a price: free text.
        ("Training x2 @3000", nil, "Training", 2, 300_000, 0),
        ("培训 @1.5万 -5%", nil, "培训", 1, 1_500_000, 500),
    ] as [(String, Int64?, String, Int, Int64, Int)])
    func parsesLine(text: String, productID: Int64?, description: String, quantity: Int, price: Int64, discount: Int) throws {
        let item = try DealItem.parse(text, products: Self.products, currency: .yuan)
        #expect(item == DealItem(productID: productID, description: description, quantity: quantity, unitPrice: Self.yuan(price),
                                 discountBasisPoints: discount))
    }

    @Test func priceIsReadInTheProductsCurrencyElseTheDeals() throws {
        let support = try DealItem.parse("US-SUPPORT @1,000.25", products: Self.products, currency: .yuan)
        #expect(support.unitPrice == Money(minorUnits: 100_025, currency: Self.usd))
        let free = try DealItem.parse("Consulting @1,000.25", products: Self.products, currency: Self.usd)
        #expect(free.unitPrice == Money(minorUnits: 100_025, currency: Self.usd))
        #expect(throws: RapportError.money(.tooPrecise("1,000.25"))) {
            try DealItem.parse("Consulting @1,000.25", products: Self.products, currency: Self.yen)
        }
    }

    @Test(arguments: [
        ("", RapportError.empty(field: "line item")),
        ("   ", .empty(field: "line item")),
        ("NOPE", .invalid(field: "product", value: "NOPE",
                          expected: "no product has this code; add it with `rapport product add`, or give a price: NOPE @12000")),
        ("NOPE x3 -10%", .invalid(field: "product", value: "NOPE",
                                  expected: "no product has this code; add it with `rapport product add`, or give a price: NOPE @12000")),
        ("Rapport x2", .invalid(field: "product", value: "Rapport",          // the first word of a name is not the name
                                expected: "no product has this code; add it with `rapport product add`, or give a price: Rapport @12000")),
        ("CRM-PRO x0", .invalid(field: "quantity", value: "x0", expected: "write x3 for three")),
        ("CRM-PRO x-1", .invalid(field: "quantity", value: "x-1", expected: "write x3 for three")),
        ("CRM-PRO x1000001", .invalid(field: "quantity", value: "x1000001", expected: "write x3 for three")),
        ("CRM-PRO x", .invalid(field: "quantity", value: "x", expected: "write x3 for three")),
        ("CRM-PRO x2.5", .invalid(field: "quantity", value: "x2.5", expected: "write x3 for three")),
        ("CRM-PRO xabc", .invalid(field: "quantity", value: "xabc", expected: "write x3 for three")),
        ("CRM-PRO -101%", .invalid(field: "discount", value: "-101%", expected: "a discount is at most 100%")),
        ("CRM-PRO -100.01%", .invalid(field: "discount", value: "-100.01%", expected: "a discount is at most 100%")),
        ("CRM-PRO -2.555%", .invalid(field: "discount", value: "-2.555%", expected: "write -10% or -2.5%")),
        ("CRM-PRO -2.%", .invalid(field: "discount", value: "-2.%", expected: "write -10% or -2.5%")),
        ("CRM-PRO -.5%", .invalid(field: "discount", value: "-.5%", expected: "write -10% or -2.5%")),
        ("CRM-PRO -%", .invalid(field: "discount", value: "-%", expected: "write -10% or -2.5%")),
        ("CRM-PRO --5%", .invalid(field: "discount", value: "--5%", expected: "write -10% or -2.5%")),
        ("CRM-PRO -ten%", .invalid(field: "discount", value: "-ten%", expected: "write -10% or -2.5%")),
        ("CRM-PRO -10", .invalid(field: "line item", value: "-10", expected: "write CODE x3 @12000 -10%")),
        ("CRM-PRO 3", .invalid(field: "line item", value: "3", expected: "write CODE x3 @12000 -10%")),
        ("CRM-PRO @abc", .money(.unreadable("abc"))),
        ("CRM-PRO @", .money(.unreadable(""))),
        ("CRM-PRO @12.345", .money(.tooPrecise("12.345"))),
        ("CRM-PRO @1,2万", .money(.unreadable("1,2万"))),
    ])
    func refusesLine(text: String, error: RapportError) {
        #expect(throws: error) { try DealItem.parse(text, products: Self.products, currency: .yuan) }
    }

    // MARK: - The deal's own fields

    static let created = LocalDateTime(day: RuleFixtures.today, time: ClockTime(clampingHour: 9, minute: 30))

    static func deal(stage: Stage = .lead, amount: Int64 = 1_000_000, probability: Int? = nil) -> Deal {
        var d = Deal(customerID: 1, title: "ERP rollout", amount: yuan(amount), stage: stage, createdAt: created)
        d.probability = probability
        return d
    }

    @Test(arguments: [
        // (stage, own probability, probability that counts: needs is set to 55 here)
        (Stage.lead, Int?.none, 10), (.qualified, nil, 20), (.needs, nil, 55), (.proposal, nil, 60), (.closing, nil, 80),
        (.lead, 35, 35), (.needs, 0, 0), (.closing, 100, 100),
        (.won, nil, 100), (.won, 30, 100),
        (.paid, nil, 100), (.paid, 10, 100),
        (.lost, nil, 0), (.lost, 90, 0),
    ] as [(Stage, Int?, Int)])
    func probabilityThatCounts(stage: Stage, own: Int?, percent: Int) {
        var pipeline = PipelineSettings.defaults
        pipeline.probability[.needs] = 55
        #expect(Self.deal(stage: stage, probability: own).probability(pipeline) == percent)
    }

    @Test func validatedTrimsTheTitleAndNote() throws {
        var d = Self.deal(amount: 0)
        d.title = "  ERP rollout \u{3000}"
        d.lostNote = "   "
        let checked = try d.validated()
        #expect(checked.title == "ERP rollout")
        #expect(checked.lostNote == nil)
        d.lostNote = " chose a cheaper tool "
        #expect(try d.validated().lostNote == "chose a cheaper tool")
    }

    @Test(arguments: [0, 1, 50, 100])
    func validatedKeepsAProbabilityFrom0To100(percent: Int) throws {
        #expect(try Self.deal(probability: percent).validated().probability == percent)
    }

    @Test(arguments: [
        ("", Int64(100), Int?.none, 0, RapportError.empty(field: "deal title")),
        ("   ", 100, nil, 0, .empty(field: "deal title")),
        ("ERP", -1, nil, 0, .invalid(field: "amount", value: "-0.01", expected: "an amount cannot be negative")),
        ("ERP", 100, 101, 0, .invalid(field: "probability", value: "101", expected: "use a whole percentage from 0 to 100")),
        ("ERP", 100, -1, 0, .invalid(field: "probability", value: "-1", expected: "use a whole percentage from 0 to 100")),
        ("ERP", 100, nil, 51, .invalid(field: "line items", value: "51", expected: "a deal has at most 50 lines")),
    ] as [(String, Int64, Int?, Int, RapportError)])
    func validatedRefuses(title: String, amount: Int64, probability: Int?, lines: Int, error: RapportError) {
        var d = Self.deal(amount: amount, probability: probability)
        d.title = title
        d.items = (0..<lines).map { DealItem(description: "line \($0)", quantity: 1, unitPrice: Self.yuan(1)) }
        #expect(throws: error) { try d.validated() }
    }

    @Test func validatedRefusesALineInAnotherCurrency() {
        var d = Self.deal()
        d.items = [DealItem(description: "US-SUPPORT Support", quantity: 1, unitPrice: Money(minorUnits: 50_000, currency: Self.usd))]
        #expect(throws: RapportError.invalid(field: "line item", value: "US-SUPPORT Support", expected: "its price is in USD, the deal in CNY")) {
            try d.validated()
        }
        d.items = (0..<50).map { DealItem(description: "line \($0)", quantity: 1, unitPrice: Self.yuan(1)) }
        #expect(throws: Never.self) { try d.validated() }
    }

    @Test func validatedRefusesAnOverlongTitle() {
        var d = Self.deal()
        d.title = String(repeating: "好", count: 201)
        #expect(throws: RapportError.tooLong(field: "deal title", value: d.title, length: 201, limit: 200)) { try d.validated() }
        d.title = String(repeating: "好", count: 200)
        #expect(throws: Never.self) { try d.validated() }
    }

    @Test func reference() {
        var d = Self.deal()
        #expect(d.reference == "deal 0")
        d.id = 42
        #expect(d.reference == "deal 42")
    }
}
