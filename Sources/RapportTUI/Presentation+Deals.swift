import RapportBase
import RapportCore

// Deals, contracts and the funnel turned into text for the screen: table-tested.
extension Presentation {
    // MARK: - Amounts

    /// An amount short enough for a narrow pane: yuan in 万 (`333.1万`), others in k and M
    /// (`12.3k`, `3.3M`), small ones whole (`4,320`).
    public static func compact(_ money: Money) -> String {
        let units = money.minorUnits / max(1, power10(money.currency.fractionDigits))
        let sign = units < 0 ? "-" : ""
        let m = units.magnitude
        func tenths(_ divisor: UInt64, _ suffix: String) -> String {
            let t = (m * 10 + divisor / 2) / divisor
            return sign + (t % 10 == 0 ? String(t / 10) : String(t / 10) + "." + String(t % 10)) + suffix
        }
        if money.currency.code == "CNY" {
            if m >= 100_000_000 { return tenths(100_000_000, "亿") }
            if m >= 10_000 { return tenths(10_000, "万") }
        } else {
            if m >= 1_000_000 { return tenths(1_000_000, "M") }
            if m >= 10_000 { return tenths(1_000, "k") }
        }
        return sign + Int(m).grouped
    }

    private static func power10(_ n: Int) -> Int64 { (0..<n).reduce(Int64(1)) { r, _ in r * 10 } }

    /// `12,960.00 CNY`.
    public static func amount(_ money: Money) -> String { money.formatted + " " + money.currency.code }

    // MARK: - Funnel pane

    /// One bar of the funnel pane: the stage, the measure the bar is scaled by, the figures.
    public struct FunnelBar: Hashable, Sendable {
        public var label: String
        public var measure: Int64
        public var text: String
    }

    /// The stages lead … paid with their bars, by amount (in the seller's currency) or by count.
    /// A stage's amount in another currency than the seller's goes on a line of its own
    /// under it, without a bar (amounts in two currencies do not share a scale), as the
    /// CLI's `funnel` gives it its own row.
    public static func funnelBars(_ report: FunnelReport, byAmount: Bool) -> [FunnelBar] {
        report.stages.filter { $0.stage != .lost }.flatMap { line in
            let total = line.totals.first
            let amount = total.map { compact($0.amount) } ?? "0"
            let conversion = line.conversion.map { " →" + String(Int(($0 * 100).rounded())) + "%" } ?? ""
            let bar = FunnelBar(label: line.stage.rawValue, measure: byAmount ? total?.amount.minorUnits ?? 0 : Int64(line.count),
                                text: byAmount ? amount + " · " + line.count.grouped + conversion : line.count.grouped + " · " + amount + conversion)
            return [bar] + line.totals.dropFirst().map { FunnelBar(label: "", measure: 0, text: "+ " + compact($0.amount) + " " + $0.amount.currency.code) }
        }
    }

    /// `owed 536万 · overdue 282.4万 · in 383.5万`: the money under the bars — owed on
    /// contracts, overdue of it, and received this month.
    public static func funnelSummary(_ report: FunnelReport) -> String {
        guard let c = report.collections.first else { return "no contracts yet" }
        var parts = ["owed " + compact(c.outstanding)]
        if c.overdue.minorUnits > 0 { parts.append("overdue " + compact(c.overdue)) }
        parts.append("in " + compact(c.collectedThisMonth))
        return parts.joined(separator: " · ")
    }

    // MARK: - Card sections

    /// The card's deals, and its contracts with what is owed.
    static func dealLines(_ card: CustomerCard, pipeline: PipelineSettings, today: Day) -> SelectableLines {
        var lines = SelectableLines()
        lines.append(StyledLine("Deals (" + String(card.deals.count) + ")" + (card.deals.isEmpty ? " · d adds one" : " · m move or lose · w win"),
                                .title))
        for d in card.deals {
            let stage = CustomerCard.stage(of: d, pipeline: pipeline)
            let late = d.stage.isOpen && (d.expectedClose.map { $0 < today } ?? false)
            let close = d.expectedClose.map { "  close " + $0.iso } ?? ""
            lines.append(StyledLine("  " + String(d.id ?? 0) + "  " + clean(d.title) + "  " + stage + "  " + amount(d.amount) + close,
                                    late ? .alert : d.stage.isOpen ? .normal : .dim), item: .deal(d))
        }
        guard !card.contracts.isEmpty else { return lines }
        // Checked by the sum itself; an unbounded one is said rather than drawn.
        let owed = (try? card.outstanding)?.map(amount).joined(separator: " + ")
        let owing = owed.map { $0.isEmpty ? " · paid up" : " · owed " + $0 + " · p records a payment" } ?? " · owed more than adds up"
        lines.append(StyledLine(""))
        lines.append(StyledLine("Contracts (" + String(card.contracts.count) + ")" + owing, .title))
        for k in card.contracts {
            lines.append(StyledLine("  " + clean(k.number) + "  " + amount(k.amount) + "  received " + k.received.formatted
                                    + (k.endsOn.map { "  ends " + $0.iso } ?? "")), item: .contract(k))
            for i in k.instalments where !i.isPaid {
                lines.append(StyledLine("    /" + String(i.position) + "  " + i.dueOn.iso + "  " + i.remaining.formatted + " due ("
                                        + RelativeDay.describe(i.dueOn, today: today) + ")", i.dueOn < today ? .alert : .normal))
            }
        }
        return lines
    }

    // MARK: - Forms

    /// The move form's lines, with the index of the selected one.
    static func moveFormLines(_ form: MoveForm) -> [StyledLine] {
        form.rows.enumerated().map { i, row in
            let selected = i == form.selected
            let text: String
            switch row {
            case .stage:
                text = "Move to   ‹ " + form.target.label + " ›"
            case .item(let t):
                text = "  [" + (form.ticked.contains(t) ? "x" : " ") + "] " + clean(t.item) + "  · " + t.stage.rawValue
            case .force:
                text = "  [" + (form.force ? "x" : " ") + "] " + (form.target == .paid ? "paid although money is outstanding" : "skip the checklist")
            case .reason:
                text = "Reason    ‹ " + form.reason.rawValue + " " + form.reason.chinese + " ›"
            case .note: text = "Note      "
            case .number: text = "Contract  "
            case .amount: text = "Amount    "
            case .instalments: text = "Plan      "
            case .term: text = "Months    "
            case .playbook:
                text = "  [" + (form.playbook ? "x" : " ") + "] start the onboarding playbook (service message, usage help, monthly review)"
            }
            return StyledLine(text, selected ? .title : .normal)
        }
    }

    /// What the focused line of the move form takes; the form's own keys are on the line below.
    static func moveFormHint(_ row: MoveForm.Row, targets: Int) -> String {
        switch row {
        case .stage: targets > 1 ? "←/→ another stage" : "the only stage it can move to"
        case .item, .force, .playbook: "Space ticks"
        case .reason: "←/→ price, competitor, no-budget, no-decision, timing, other"
        case .note: "a one-line note on the move"
        case .number: "the contract number; empty for the year's next"
        case .amount: "the contract amount: 12000, 12,000.50 or 1.2万"
        case .instalments: "a number of monthly instalments from today, or a plan: 2026-12-01 30%, 2027-01-15 rest"
        case .term: "the term in months (ends the day before); empty for open-ended"
        }
    }
}
