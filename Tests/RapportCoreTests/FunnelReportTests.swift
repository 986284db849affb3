import Testing
@testable import RapportCore

/// The funnel from hand-built inputs: every expected figure is worked out by hand beside it.
/// Today is Monday 2026-11-23; the pipeline's defaults (lead 10, qualified 20, needs 40,
/// proposal 60, closing 80; CNY; a 90-day window) unless a test changes them.
struct FunnelReportTests {
    typealias F = RuleFixtures
    typealias Group = FunnelInputs.DealGroup
    typealias Line = FunnelReport.StageLine
    static let usd = Currency(code: "USD")
    static let eur = Currency(code: "EUR")

    static func total(_ currency: Currency, _ amount: Int64, _ weighted: Int64) -> FunnelReport.Total {
        FunnelReport.Total(amount: Money(minorUnits: amount, currency: currency), weighted: Money(minorUnits: weighted, currency: currency))
    }

    static var inputs: FunnelInputs {
        var i = FunnelInputs()
        i.deals = [
            Group(stage: .lead, currency: .yuan, probability: nil, count: 2, amount: 20_000_005),
            Group(stage: .lead, currency: .yuan, probability: 25, count: 1, amount: 1_000_002),
            Group(stage: .lead, currency: usd, probability: nil, count: 1, amount: 500_000),
            Group(stage: .needs, currency: .yuan, probability: 0, count: 1, amount: 5_000_000),
            Group(stage: .needs, currency: .yuan, probability: nil, count: 1, amount: 3_000_000),
            Group(stage: .proposal, currency: usd, probability: 100, count: 1, amount: 100),
            Group(stage: .proposal, currency: eur, probability: nil, count: 1, amount: 99_999),
            Group(stage: .closing, currency: .yuan, probability: 50, count: 1, amount: 1),
            Group(stage: .closing, currency: .yuan, probability: 50, count: 2, amount: 4),
            Group(stage: .won, currency: .yuan, probability: 30, count: 1, amount: 10_000_000),
            Group(stage: .paid, currency: .yuan, probability: 50, count: 2, amount: 2_000_000),
            Group(stage: .lost, currency: .yuan, probability: 70, count: 3, amount: 4_500_000),
        ]
        i.stays = [.lead: (count: 4, days: 8), .needs: (count: 3, days: 10), .proposal: (count: 0, days: 0), .won: (count: 2, days: 31)]
        i.entries = [
            (stage: .lead, leftTo: .qualified, count: 3),
            (stage: .lead, leftTo: .needs, count: 1),        // a skip forward counts
            (stage: .lead, leftTo: .lost, count: 2),         // lost does not
            (stage: .lead, leftTo: nil, count: 4),           // nor still there
            (stage: .qualified, leftTo: .lead, count: 1),    // nor back
            (stage: .qualified, leftTo: .won, count: 1),
            (stage: .proposal, leftTo: .lost, count: 2),
            (stage: .closing, leftTo: .won, count: 3),
            (stage: .closing, leftTo: .proposal, count: 1),
            (stage: .won, leftTo: .paid, count: 2),
            (stage: .won, leftTo: nil, count: 1),
            (stage: .paid, leftTo: nil, count: 5),
            (stage: .lost, leftTo: nil, count: 4),
        ]
        return i
    }

    @Test func stageLines() throws {
        let report = try FunnelReport(Self.inputs, today: F.today, pipeline: .defaults)
        #expect(report.today == F.today)
        #expect(report.windowStart == F.day("2026-08-25"))   // 23 days back to Oct 31, 31 to Sep 30, 30 to Aug 31, 6 more
        #expect(report.stages.map(\.stage) == [.lead, .qualified, .needs, .proposal, .closing, .won, .paid, .lost])
        let expected: [Line] = [
            // CNY: 20,000,005 × 10 + 1,000,002 × 25 = 200,000,050 + 25,000,050 = 225,000,100 → /100 = 2,250,001
            // (rounding each group would give 2,000,001 + 250,001 = 2,250,002). USD: 500,000 × 10 / 100 = 50,000.
            // Stays 8 days / 4 = 2. Entered 3 + 1 + 2 + 4 = 10, advanced 3 + 1 = 4.
            Line(stage: .lead, count: 4, totals: [Self.total(.yuan, 21_000_007, 2_250_001), Self.total(Self.usd, 500_000, 50_000)],
                 averageDays: 2, entered: 10, advanced: 4),
            // Nothing there; entered 1 + 1, advanced 1 (to won).
            Line(stage: .qualified, count: 0, totals: [], averageDays: nil, entered: 2, advanced: 1),
            // Own 0% and default 40%: 5,000,000 × 0 + 3,000,000 × 40 = 120,000,000 → 1,200,000. Nothing entered.
            Line(stage: .needs, count: 2, totals: [Self.total(.yuan, 8_000_000, 1_200_000)], averageDays: 10.0 / 3, entered: 0, advanced: 0),
            // No CNY: EUR before USD. EUR 99,999 × 60 = 5,999,940 → 59,999.4 → 59,999; USD own 100%: 100.
            // Stays with a count of 0 have no average.
            Line(stage: .proposal, count: 2, totals: [Self.total(Self.eur, 99_999, 59_999), Self.total(Self.usd, 100, 100)],
                 averageDays: nil, entered: 2, advanced: 0),
            // 1 × 50 + 4 × 50 = 250 → 2.5 → 3, half up. Entered 3 + 1, advanced 3 (to won), the one back not.
            Line(stage: .closing, count: 3, totals: [Self.total(.yuan, 5, 3)], averageDays: nil, entered: 4, advanced: 3),
            // Won counts 100% whatever the deal's own 30%. 31 days / 2 = 15.5.
            Line(stage: .won, count: 1, totals: [Self.total(.yuan, 10_000_000, 10_000_000)], averageDays: 15.5, entered: 3, advanced: 2),
            Line(stage: .paid, count: 2, totals: [Self.total(.yuan, 2_000_000, 2_000_000)], averageDays: nil, entered: 5, advanced: 0),
            // Lost counts 0% whatever the deal's own 70%.
            Line(stage: .lost, count: 3, totals: [Self.total(.yuan, 4_500_000, 0)], averageDays: nil, entered: 4, advanced: 0),
        ]
        #expect(report.stages == expected)
        #expect(try #require(report.line(.closing)).entered == 4)
    }

    @Test(arguments: [
        // (stage, conversion): advanced / entered, nil when none entered or the stage is the last.
        (Stage.lead, Double?.some(0.4)),     // 4 / 10
        (.qualified, 0.5),                   // 1 / 2
        (.needs, nil),                       // none entered
        (.proposal, 0.0),                    // 0 / 2: entered, none went on
        (.closing, 0.75),                    // 3 / 4
        (.won, 2.0 / 3),                     // 2 / 3
        (.paid, nil),                        // the end of the path
        (.lost, nil),                        // off the path
    ] as [(Stage, Double?)])
    func conversion(stage: Stage, conversion: Double?) throws {
        let report = try FunnelReport(Self.inputs, today: F.today, pipeline: .defaults)
        #expect(try #require(report.line(stage)).conversion == conversion)
    }

    @Test(arguments: [
        // (stage, own probability, weighted value of one 100.00 deal with needs set to 55%)
        (Stage.lead, Int?.none, Int64(1_000)), (.qualified, nil, 2_000), (.needs, nil, 5_500), (.proposal, nil, 6_000),
        (.closing, nil, 8_000),
        (.needs, 15, 1_500), (.closing, 0, 0), (.proposal, 100, 10_000), (.lead, 33, 3_300),
        (.won, nil, 10_000), (.won, 30, 10_000), (.paid, 0, 10_000), (.lost, nil, 0), (.lost, 90, 0),
    ] as [(Stage, Int?, Int64)])
    func weightedByTheDealsOwnProbabilityElseTheStages(stage: Stage, own: Int?, weighted: Int64) throws {
        var pipeline = PipelineSettings.defaults
        pipeline.probability[.needs] = 55
        var inputs = FunnelInputs()
        inputs.deals = [Group(stage: stage, currency: .yuan, probability: own, count: 1, amount: 10_000)]
        let line = try FunnelReport(inputs, today: F.today, pipeline: pipeline).line(stage)
        #expect(line?.totals == [Self.total(.yuan, 10_000, weighted)])
        #expect(line?.count == 1)
    }

    @Test(arguments: [
        // (weighted sums of one stage in fen × percent, weighted in fen): divided by 100 once, half up.
        ([(Int64(5), 10)], Int64(1)),                  // 50 → 0.5 → 1
        ([(4, 10)], 0),                                // 40 → 0.4 → 0
        ([(5, 10), (5, 10)], 1),                       // 100 → 1 (each alone: 1 + 1 = 2)
        ([(5, 10), (15, 10)], 2),                      // 50 + 150 = 200 → 2 (each alone: 1 + 2 = 3)
        ([(1, 50), (4, 50)], 3),                       // 50 + 200 = 250 → 2.5 → 3
        ([(3, 50)], 2),                                // 150 → 1.5 → 2
        ([(99_999, 60)], 59_999),                      // 5,999,940 → 59,999.4
    ] as [([(Int64, Int)], Int64)])
    func roundedOncePerStageAndCurrency(groups: [(Int64, Int)], weighted: Int64) throws {
        var inputs = FunnelInputs()
        inputs.deals = groups.map { Group(stage: .needs, currency: .yuan, probability: $0.1, count: 1, amount: $0.0) }
        let line = try FunnelReport(inputs, today: F.today, pipeline: .defaults).line(.needs)
        #expect(line?.totals.map(\.weighted.minorUnits) == [weighted])
        #expect(line?.totals.map(\.amount.minorUnits) == [groups.reduce(0) { $0 + $1.0 }])
    }

    @Test(arguments: [
        // Sums of stored amounts past Int64: said to be too large, not a trap (the SIGILL).
        ([Int64.max / 2, Int64.max / 2 + 2], "the CNY deals in proposal"),
        ([Int64(900_000_000_000_000_000)], "the CNY deals in proposal"),  // the 9×10^15 yuan, weighted at 60 %
    ])
    func sumsPastWhatAnInt64HoldsAreRefused(amounts: [Int64], what: String) {
        var inputs = FunnelInputs()
        inputs.deals = amounts.map { Group(stage: .proposal, currency: .yuan, probability: nil, count: 1, amount: $0) }
        #expect(throws: RapportError.money(.sumTooLarge(what))) {
            try FunnelReport(inputs, today: F.today, pipeline: .defaults)
        }
    }

    @Test func elevenDealsAtTheBoundStillAddUp() throws {
        var inputs = FunnelInputs()
        inputs.deals = [Group(stage: .closing, currency: .yuan, probability: nil, count: 11, amount: 11 * Money.maximumMinorUnits)]
        let line = try FunnelReport(inputs, today: F.today, pipeline: .defaults).line(.closing)
        // 1.1 × 10^14 fen at 80 %.
        #expect(line?.totals == [Self.total(.yuan, 110_000_000_000_000, 88_000_000_000_000)])
    }

    @Test func thePipelinesCurrencyComesFirst() throws {
        var pipeline = PipelineSettings.defaults
        pipeline.currency = Self.usd
        var inputs = FunnelInputs()
        inputs.deals = [
            Group(stage: .lead, currency: .yuan, probability: nil, count: 1, amount: 1_000),
            Group(stage: .lead, currency: Self.eur, probability: nil, count: 1, amount: 2_000),
            Group(stage: .lead, currency: Self.usd, probability: nil, count: 1, amount: 3_000),
        ]
        let report = try FunnelReport(inputs, today: F.today, pipeline: pipeline)
        // USD first, then the others by code; 10% of each.
        #expect(report.line(.lead)?.totals == [Self.total(Self.usd, 3_000, 300), Self.total(.yuan, 1_000, 100), Self.total(Self.eur, 2_000, 200)])
        let yuanFirst = try FunnelReport(inputs, today: F.today, pipeline: .defaults)
        #expect(yuanFirst.line(.lead)?.totals.map(\.amount.currency.code) == ["CNY", "EUR", "USD"])
    }

    // MARK: - Forecast

    @Test func forecastThisMonthAndTheNextTwoAndPastDue() throws {
        var inputs = FunnelInputs()
        inputs.forecast = [
            .init(month: F.day("2026-11-01"), deals: Group(stage: .proposal, currency: .yuan, probability: nil, count: 2, amount: 1_000_000)),
            .init(month: F.day("2026-12-01"), deals: Group(stage: .closing, currency: .yuan, probability: 90, count: 1, amount: 5_000_000)),
            .init(month: F.day("2026-12-01"), deals: Group(stage: .needs, currency: Self.usd, probability: nil, count: 1, amount: 100_000)),
            .init(month: F.day("2027-01-01"), deals: Group(stage: .lead, currency: .yuan, probability: nil, count: 1, amount: 5)),
            // Beyond the three months: not shown.
            .init(month: F.day("2027-02-01"), deals: Group(stage: .closing, currency: .yuan, probability: nil, count: 7, amount: 9_999)),
            .init(month: nil, deals: Group(stage: .qualified, currency: .yuan, probability: nil, count: 3, amount: 300_000)),
            .init(month: nil, deals: Group(stage: .qualified, currency: .yuan, probability: 45, count: 1, amount: 100_000)),
        ]
        let report = try FunnelReport(inputs, today: F.today, pipeline: .defaults)
        #expect(report.forecast == [
            // 1,000,000 × 60 / 100 = 600,000.
            FunnelReport.ForecastLine(month: F.day("2026-11-01"), count: 2, totals: [Self.total(.yuan, 1_000_000, 600_000)]),
            // CNY 5,000,000 × 90 / 100 = 4,500,000; USD 100,000 × 40 / 100 = 40,000.
            FunnelReport.ForecastLine(month: F.day("2026-12-01"), count: 2,
                                      totals: [Self.total(.yuan, 5_000_000, 4_500_000), Self.total(Self.usd, 100_000, 40_000)]),
            // 5 × 10 = 50 → 0.5 → 1.
            FunnelReport.ForecastLine(month: F.day("2027-01-01"), count: 1, totals: [Self.total(.yuan, 5, 1)]),
        ])
        // 300,000 × 20 + 100,000 × 45 = 6,000,000 + 4,500,000 = 10,500,000 → 105,000.
        #expect(report.pastDue == FunnelReport.ForecastLine(month: nil, count: 4, totals: [Self.total(.yuan, 400_000, 105_000)]))
    }

    @Test(arguments: [
        ("2026-11-23", ["2026-11-01", "2026-12-01", "2027-01-01"]),
        ("2026-11-01", ["2026-11-01", "2026-12-01", "2027-01-01"]),
        ("2026-12-31", ["2026-12-01", "2027-01-01", "2027-02-01"]),
        ("2027-01-31", ["2027-01-01", "2027-02-01", "2027-03-01"]),
        ("2028-02-29", ["2028-02-01", "2028-03-01", "2028-04-01"]),
    ])
    func forecastMonths(today: String, months: [String]) throws {
        let report = try FunnelReport(FunnelInputs(), today: F.day(today), pipeline: .defaults)
        #expect(report.forecast.map { $0.month?.iso } == months)
        #expect(report.forecast.allSatisfy { $0.count == 0 && $0.totals.isEmpty })
    }

    @Test(arguments: [(90, "2026-08-25"), (30, "2026-10-24"), (1, "2026-11-22"), (365, "2025-11-23")])
    func windowStart(days: Int, start: String) throws {
        var pipeline = PipelineSettings.defaults
        pipeline.windowDays = days
        #expect(try FunnelReport(FunnelInputs(), today: F.today, pipeline: pipeline).windowStart == F.day(start))
    }

    // MARK: - Collections

    @Test func collectionsPerCurrencyThePipelinesFirst() throws {
        var inputs = FunnelInputs()
        inputs.collections = [
            Self.usd: .init(collectedThisMonth: 1, dueThisMonth: 2, overdue: 3, outstanding: 4),
            .yuan: .init(collectedThisMonth: 1_000_000, dueThisMonth: 250_000, overdue: 70_000, outstanding: 9_000_000),
            Self.eur: .init(outstanding: 500),
        ]
        func line(_ c: Currency, _ values: [Int64]) -> FunnelReport.CollectionLine {
            let m = values.map { Money(minorUnits: $0, currency: c) }
            return FunnelReport.CollectionLine(currency: c, collectedThisMonth: m[0], dueThisMonth: m[1], overdue: m[2], outstanding: m[3])
        }
        let yuanLine = line(.yuan, [1_000_000, 250_000, 70_000, 9_000_000])
        let eurLine = line(Self.eur, [0, 0, 0, 500])
        let usdLine = line(Self.usd, [1, 2, 3, 4])
        #expect(try FunnelReport(inputs, today: F.today, pipeline: .defaults).collections == [yuanLine, eurLine, usdLine])
        var pipeline = PipelineSettings.defaults
        pipeline.currency = Self.usd
        #expect(try FunnelReport(inputs, today: F.today, pipeline: pipeline).collections == [usdLine, yuanLine, eurLine])
    }

    @Test func nothingAtAll() throws {
        let report = try FunnelReport(FunnelInputs(), today: F.today, pipeline: .defaults)
        #expect(report.stages.count == 8)
        #expect(report.stages.allSatisfy { $0.count == 0 && $0.totals.isEmpty && $0.averageDays == nil && $0.entered == 0 && $0.conversion == nil })
        #expect(report.forecast.count == 3)
        #expect(report.pastDue == FunnelReport.ForecastLine(month: nil, count: 0, totals: []))
        #expect(report.collections.isEmpty)
    }
}
