/// What one case runs: a command line, the file it reads if any, and the book it starts from.
struct FuzzCase {
    enum Book { case demo, empty }

    var arguments: [String]
    var file: (name: String, bytes: [UInt8])?
    var book: Book = .demo
    /// An accepted run must still leave the book as it was (a dry run, a read).
    var readsOnly = false
}

/// The inputs cases are made from.
struct Seeds: Sendable {
    var customers: [[UInt8]] = []
    var interactions: [[UInt8]] = []
    var vcards: [[UInt8]] = []
    /// Full exports of a book; the first is the demo book's.
    var exports: [[UInt8]] = []
    /// Customer references that resolve in the demo book (names, #ids, phones, pinyin).
    var references: [String] = []

    static let dates = [
        "明天", "下周一", "周五", "周五 14:30", "3天后", "月底", "12月1日", "2026-12-01", "12-01", "2026-11-20 15:30",
        "15:30", "tomorrow", "tomorrow 14:00", "next week", "fri", "eom", "+3d", "-2d", "+2w", "yesterday", "today",
    ]
    /// Everyday amounts and the largest ones a deal takes today.
    /// Days an interaction or a payment may have happened on (the future is refused).
    static let pastDates = [
        "yesterday", "昨天", "前天", "-2d", "-1w", "today", "2026-11-20", "2026-11-20 15:30", "yesterday 14:00", "11:30",
    ]
    static let amounts = ["3000", "12,000.50", "1.5万", "1.2万", "0.01", "12000", "4000", "2,000", "99.9", "9,000,000,000,000,000"]
    static let stages = ["lead", "qualified", "needs", "proposal", "closing"]
    static let probabilities = ["35", "0", "100", "default"]
    static let notes = [
        "客户说明天再联系", "Asked for the price list -10%", "报价 1.5万, 周五回访", "sent quote #3 (12,000.50 CNY)",
        "no answer; try 15:30", "王建国 wants a demo",
    ]
    static let statuses = ["lead", "prospect", "customer", "dormant", "lost"]
    /// The demo book's (seed 1) contracts, instalments and the customers who owe on them.
    static let payTargets = ["2026-001", "2026-001/2", "2026-003", "2026-003/3", "2026-004/1", "宋娟", "李霞", "黄娜"]
    static let kinds = ["call", "call", "call", "email", "visit", "meeting", "message", "note", "电话", "拜访"]
}

/// A family of cases: a name for the counts table and how to make case after case.
struct Target: Sendable {
    let name: String
    let make: @Sendable (inout SplitMix, Seeds) -> FuzzCase

    static let all: [Target] = [
        Target(name: "csv customers") { rng, seeds in
            var arguments = ["import", "input.csv"]
            let dryRun = rng.chance(0.25)
            if dryRun { arguments.append("--dry-run") }
            if rng.chance(0.3) { arguments += ["--on-duplicate", rng.pick(["skip", "update", "new"])] }
            if rng.chance(0.3) { arguments.append("--skip-bad") }
            if rng.chance(0.2) { arguments.append("--rest-to-notes") }
            if rng.chance(0.1) { arguments += ["--encoding", rng.pick(["gbk", "utf-16", "latin1", "shift_jis"])] }
            return FuzzCase(arguments: arguments, file: ("input.csv", file(seeds.customers, &rng)), readsOnly: dryRun)
        },
        Target(name: "csv interactions") { rng, seeds in
            var arguments = ["import", "input.csv", "--kind", "interactions"]
            let dryRun = rng.chance(0.25)
            if dryRun { arguments.append("--dry-run") }
            // One bad row refuses a whole call history, so half the cases leave bad rows out instead.
            if rng.chance(0.5) { arguments.append("--skip-bad") }
            return FuzzCase(arguments: arguments, file: ("input.csv", file(seeds.interactions, &rng)), readsOnly: dryRun)
        },
        Target(name: "vcard") { rng, seeds in
            var arguments = ["import", "input.vcf"]
            let dryRun = rng.chance(0.25)
            if dryRun { arguments.append("--dry-run") }
            if rng.chance(0.3) { arguments += ["--on-duplicate", rng.pick(["skip", "update", "new"])] }
            if rng.chance(0.3) { arguments.append("--skip-bad") }
            return FuzzCase(arguments: arguments, file: ("input.vcf", file(seeds.vcards, &rng)), readsOnly: dryRun)
        },
        Target(name: "json") { rng, seeds in
            // A full export goes into an empty book; mostly mutated value by value, so the rows
            // are reached, sometimes byte by byte.
            let seed = rng.chance(0.8) ? seeds.exports[0] : rng.pick(seeds.exports)
            let bytes = rng.chance(0.85) ? JSONMutator.mutate(seed, rng: &rng) : Mutator.mutate(seed, others: seeds.exports, rng: &rng)
            return FuzzCase(arguments: ["import", "input.json"], file: ("input.json", bytes), book: .empty)
        },
        Target(name: "log note") { rng, seeds in
            let note = value(Seeds.notes, &rng)
            return FuzzCase(arguments: ["log", reference(seeds, &rng, mutated: 0.2), rng.pick(Seeds.kinds)] + words(note))
        },
        Target(name: "log --at") { rng, seeds in
            FuzzCase(arguments: ["log", reference(seeds, &rng, mutated: 0.1), "call", "--at", value(Seeds.pastDates, &rng), "called"])
        },
        Target(name: "followup add") { rng, seeds in
            let when = value(Seeds.dates, &rng)
            return FuzzCase(arguments: ["followup", "add", reference(seeds, &rng, mutated: 0.1)]
                            + (rng.chance(0.5) ? words(when) : [when]) + ["send", "the", "quote"])
        },
        Target(name: "deal --amount") { rng, seeds in
            var arguments = ["deal", "add", reference(seeds, &rng, mutated: 0.1), "Fuzz deal", "--amount", value(Seeds.amounts, &rng)]
            // The stage and probability weigh the amount in the funnel's sums.
            if rng.chance(0.4) { arguments += ["--stage", rng.chance(0.2) ? value(Seeds.stages, &rng) : rng.pick(Seeds.stages)] }
            if rng.chance(0.3) { arguments += ["--probability", value(Seeds.probabilities, &rng)] }
            return FuzzCase(arguments: arguments)
        },
        Target(name: "pay") { rng, seeds in
            let target = rng.chance(0.3) ? Mutator.value(rng.pick(Seeds.payTargets), rng: &rng) : rng.pick(Seeds.payTargets)
            var arguments = ["pay", target, value(Seeds.amounts, &rng)]
            if rng.chance(0.4) { arguments += ["--on", value(Seeds.pastDates, &rng)] }
            return FuzzCase(arguments: arguments)
        },
        Target(name: "list --status") { rng, _ in
            FuzzCase(arguments: ["list", "--status", value(Seeds.statuses, &rng)], readsOnly: true)
        },
        Target(name: "show") { rng, seeds in
            FuzzCase(arguments: ["show", reference(seeds, &rng, mutated: 0.8)], readsOnly: true)
        },
    ]

    /// A seed file, mutated.
    private static func file(_ seeds: [[UInt8]], _ rng: inout SplitMix) -> [UInt8] {
        Mutator.mutate(rng.pick(seeds), others: seeds, rng: &rng)
    }

    /// Mostly a mutated value, sometimes a good one, so the other arguments are reached too.
    private static func value(_ seeds: [String], _ rng: inout SplitMix) -> String {
        let seed = rng.pick(seeds)
        return rng.chance(0.8) ? Mutator.value(seed, rng: &rng) : seed
    }

    private static func reference(_ seeds: Seeds, _ rng: inout SplitMix, mutated: Double) -> String {
        let seed = rng.pick(seeds.references)
        return rng.chance(mutated) ? Mutator.value(seed, rng: &rng) : seed
    }

    /// Words as a shell would split them.
    private static func words(_ text: String) -> [String] {
        text.split(separator: " ").map(String.init)
    }
}
