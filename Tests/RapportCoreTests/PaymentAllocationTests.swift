import Testing
@testable import RapportCore

/// How a payment is spread over a contract's instalments, and that many partial payments
/// leave no minor unit lost or made up.
struct PaymentAllocationTests {
    static func yuan(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .yuan) }

    /// Instalments of 100.00, 200.00 and 300.00 (600.00 in all) with what each has received.
    static func plan(received: [Int64]) -> [Instalment] {
        zip([Int64(10_000), 20_000, 30_000], received).enumerated().map { i, pair in
            Instalment(id: Int64(i + 1), position: i + 1, dueOn: RuleFixtures.today.adding(months: i), amount: yuan(pair.0),
                       received: yuan(pair.1))
        }
    }

    static func allocate(_ pay: Int64, received: [Int64], start: Int? = nil, overpay: Bool = false) throws(RapportError) -> [(Int, Int64)] {
        let outstanding = 60_000 - received.reduce(0, +)
        return try PaymentAllocation.allocate(yuan(pay), over: plan(received: received), outstanding: yuan(outstanding),
                                              startingAt: start, allowOverpay: overpay, contract: "2026-001")
            .map { ($0.index, $0.amount.minorUnits) }
    }

    @Test(arguments: [
        // (received on each, payment, named instalment (index), allow overpay, split as (index, amount))
        // The earliest unpaid first, then on.
        ([Int64(0), 0, 0], Int64(25_000), Int?.none, false, [(0, Int64(10_000)), (1, 15_000)]),
        ([0, 0, 0], 60_000, nil, false, [(0, 10_000), (1, 20_000), (2, 30_000)]),
        ([10_000, 0, 0], 5_000, nil, false, [(1, 5_000)]),                      // the first is paid
        ([4_000, 0, 0], 10_000, nil, false, [(0, 6_000), (1, 4_000)]),          // the rest of a part-paid one first
        ([0, 20_000, 0], 40_000, nil, false, [(0, 10_000), (2, 30_000)]),       // a paid one in the middle is skipped
        // A named instalment first, then the later ones, then the earlier ones.
        ([0, 0, 0], 45_000, 1, false, [(1, 20_000), (2, 25_000)]),
        ([0, 0, 0], 55_000, 1, false, [(1, 20_000), (2, 30_000), (0, 5_000)]),
        ([0, 0, 0], 35_000, 2, false, [(2, 30_000), (0, 5_000)]),
        ([0, 0, 0], 1, 2, false, [(2, 1)]),
        ([10_000, 20_000, 0], 30_000, 0, false, [(2, 30_000)]),                  // the named one is paid: on to the next unpaid
        ([0, 5_000, 0], 20_000, 2, false, [(2, 20_000)]),
        // Overpaying, allowed: the excess on the last instalment touched.
        ([0, 0, 0], 70_000, nil, true, [(0, 10_000), (1, 20_000), (2, 40_000)]),
        ([0, 0, 0], 70_000, 1, true, [(1, 20_000), (2, 30_000), (0, 20_000)]),   // touched last: the first, by wrapping
        ([10_000, 0, 0], 70_000, 0, true, [(1, 20_000), (2, 50_000)]),
        ([10_000, 20_000, 30_000], 500, nil, true, [(2, 500)]),                  // all paid: on the last
        ([10_000, 20_000, 30_000], 500, 0, true, [(0, 500)]),                    // all paid: on the one named
        // Allowed but not needed: nothing changes.
        ([0, 0, 0], 25_000, nil, true, [(0, 10_000), (1, 15_000)]),
    ] as [([Int64], Int64, Int?, Bool, [(Int, Int64)])])
    func split(received: [Int64], pay: Int64, start: Int?, overpay: Bool, expected: [(Int, Int64)]) throws {
        let split = try Self.allocate(pay, received: received, start: start, overpay: overpay)
        #expect(split.map(\.0) == expected.map(\.0))
        #expect(split.map(\.1) == expected.map(\.1))
        #expect(split.reduce(Int64(0)) { $0 + $1.1 } == pay)
    }

    @Test(arguments: [
        // (received on each, payment, error)
        ([Int64(0), 0, 0], Int64(60_001), RapportError.conflict(
            "paying 600.01 is more than the 600.00 outstanding on contract 2026-001; add --allow-overpay to record it anyway")),
        ([10_000, 0, 0], 50_001, .conflict(
            "paying 500.01 is more than the 500.00 outstanding on contract 2026-001; add --allow-overpay to record it anyway")),
        ([10_000, 20_000, 30_000], 1, .conflict(
            "paying 0.01 is more than the 0.00 outstanding on contract 2026-001; add --allow-overpay to record it anyway")),
        // Already overpaid by 100.00: nothing is outstanding, not minus 100.00.
        ([10_000, 20_000, 40_000], 1, .conflict(
            "paying 0.01 is more than the 0.00 outstanding on contract 2026-001; add --allow-overpay to record it anyway")),
        ([0, 0, 0], 0, .invalid(field: "payment", value: "0.00", expected: "a payment is more than nothing")),
        ([0, 0, 0], -500, .invalid(field: "payment", value: "-5.00", expected: "a payment is more than nothing")),
    ] as [([Int64], Int64, RapportError)])
    func refuses(received: [Int64], pay: Int64, error: RapportError) {
        #expect(throws: error) { try Self.allocate(pay, received: received) }
        if pay > 0 {
            // The same payment goes through when overpaying is allowed.
            #expect(throws: Never.self) { try Self.allocate(pay, received: received, overpay: true) }
        }
    }

    @Test func refusesAContractWithoutInstalments() {
        #expect(throws: RapportError.conflict("contract HT-0451 has no instalments")) {
            try PaymentAllocation.allocate(Self.yuan(100), over: [], outstanding: Self.yuan(100), startingAt: nil, allowOverpay: true,
                                           contract: "HT-0451")
        }
    }

    // MARK: - Many partial payments

    /// A tiny linear congruential generator (Knuth's MMIX constants): the same payments on every run.
    struct LCG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        /// 0 ..< n, from 62 random bits (two draws of 31), so that large totals get large payments too.
        mutating func below(_ n: Int64) -> Int64 { Int64((next() << 31 | next()) % UInt64(n)) }
    }

    @Test(arguments: [
        // (total in minor units, instalments, seed)
        (Int64(10_000), 3, UInt64(1)),               // 100.00 in 3
        (1, 7, 2),                                   // 0.01 in 7
        (100_000_001, 12, 3),                        // 1,000,000.01 in 12
        (999_999_999, 120, 4),                       // 9,999,999.99 in 120
        (1_234_567, 5, 5),
        (999_999_999_999_999_999, 7, 6),             // the largest amount Money reads
    ] as [(Int64, Int, UInt64)])
    func manyPartialPaymentsSettleExactly(total: Int64, count: Int, seed: UInt64) throws {
        var contract = Contract(customerID: 1, number: "2026-001", signedOn: RuleFixtures.today, startsOn: RuleFixtures.today, endsOn: nil,
                                amount: Self.yuan(total),
                                instalments: try PaymentPlan.even(total: Self.yuan(total), count: count, first: RuleFixtures.day("2027-01-31")),
                                createdAt: LocalDateTime(day: RuleFixtures.today, time: ClockTime(clampingHour: 9, minute: 0)))
        #expect(throws: Never.self) { try contract.validated() }
        var rng = LCG(state: seed)
        // Payments of 1 minor unit up to one and a half instalments, so most are partial and many spill over.
        let largest = max(1, total / Int64(count) * 3 / 2)
        var payments = 0
        while contract.outstanding.minorUnits > 0 {
            let outstanding = contract.outstanding.minorUnits
            let pay = 1 + rng.below(min(outstanding, largest))
            let start: Int? = rng.below(3) == 0 ? Int(rng.below(Int64(count))) : nil
            let before = contract.instalments
            let split = try PaymentAllocation.allocate(Self.yuan(pay), over: before, outstanding: contract.outstanding, startingAt: start,
                                                       allowOverpay: false, contract: contract.number)
            payments += 1

            // The split is the payment, to the minor unit, each instalment at most once.
            #expect(split.reduce(Int64(0)) { $0 + $1.amount.minorUnits } == pay)
            #expect(Set(split.map(\.index)).count == split.count)
            // Filling starts at the named instalment (else the first) and goes round: the first
            // one with money owed in that rotation is filled first.
            let begin = start ?? before.firstIndex { !$0.isPaid } ?? 0
            let rotation = (0..<count).map { (begin + $0) % count }.filter { before[$0].remaining.minorUnits > 0 }
            #expect(split.map(\.index) == Array(rotation.prefix(split.count)))
            // Every instalment but the last one touched is filled up; none is overfilled.
            for (n, part) in split.enumerated() {
                let remaining = before[part.index].remaining.minorUnits
                #expect(part.amount.minorUnits > 0)
                #expect(n == split.count - 1 ? part.amount.minorUnits <= remaining : part.amount.minorUnits == remaining)
            }

            for part in split { contract.instalments[part.index].received.minorUnits += part.amount.minorUnits }
            contract.received.minorUnits += pay
            #expect(contract.instalments.allSatisfy { $0.received.minorUnits <= $0.amount.minorUnits })
            #expect(contract.instalments.reduce(Int64(0)) { $0 + $1.received.minorUnits } == contract.received.minorUnits)
            guard payments < 10_000 else {
                Issue.record("still \(contract.outstanding) outstanding after \(payments) payments")
                return
            }
        }
        #expect(contract.received.minorUnits == total)
        #expect(contract.instalments.allSatisfy { $0.isPaid && $0.received == $0.amount })
        #expect(total < 10 || payments > 1)

        // Paid in full: one fen more is refused, or goes on the last instalment when allowed.
        #expect(throws: RapportError.conflict("paying 0.01 is more than the 0.00 outstanding on contract 2026-001; "
                                              + "add --allow-overpay to record it anyway")) {
            try PaymentAllocation.allocate(Self.yuan(1), over: contract.instalments, outstanding: contract.outstanding, startingAt: nil,
                                           allowOverpay: false, contract: "2026-001")
        }
        let extra = try PaymentAllocation.allocate(Self.yuan(1), over: contract.instalments, outstanding: contract.outstanding,
                                                   startingAt: nil, allowOverpay: true, contract: "2026-001")
        #expect(extra.map(\.index) == [count - 1])
        #expect(extra.map(\.amount) == [Self.yuan(1)])
    }
}
