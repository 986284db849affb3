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
            let bar = FunnelBar(label: line.stage.said, measure: byAmount ? total?.amount.minorUnits ?? 0 : Int64(line.count),
                                text: byAmount ? amount + " · " + line.count.grouped + conversion : line.count.grouped + " · " + amount + conversion)
            return [bar] + line.totals.dropFirst().map { FunnelBar(label: "", measure: 0, text: "+ " + compact($0.amount) + " " + $0.amount.currency.code) }
        }
    }

    /// `owed 536万 · overdue 282.4万 · in 383.5万`: the money under the bars — owed on
    /// contracts, overdue of it, and received this month.
    public static func funnelSummary(_ report: FunnelReport) -> String {
        guard let c = report.collections.first else { return Language.say("no contracts yet", "还没有合同") }
        var parts = [Language.say("owed ", "应收 ") + compact(c.outstanding)]
        if c.overdue.minorUnits > 0 { parts.append(Language.say("overdue ", "逾期 ") + compact(c.overdue)) }
        parts.append(Language.say("in ", "本月到账 ") + compact(c.collectedThisMonth))
        return parts.joined(separator: " · ")
    }

    // MARK: - Card sections

    /// The card's deals, and its contracts with what is owed.
    static func dealLines(_ card: CustomerCard, pipeline: PipelineSettings, today: Day) -> SelectableLines {
        var lines = SelectableLines()
        lines.append(StyledLine(Language.say("Deals (", "商机（") + String(card.deals.count) + Language.say(")", "）") + (card.deals.isEmpty ? Language.say(" · d adds one", " · 按 d 添加") : Language.say(" · m move or lose · w win", " · m 推进或输单 · w 赢单")),
                                .title))
        for d in card.deals {
            let stage = CustomerCard.stage(of: d, pipeline: pipeline)
            let late = d.stage.isOpen && (d.expectedClose.map { $0 < today } ?? false)
            let close = d.expectedClose.map { Language.say("  close ", "  成交日 ") + $0.iso } ?? ""
            lines.append(StyledLine("  " + String(d.id ?? 0) + "  " + clean(d.title) + "  " + stage + "  " + amount(d.amount) + close,
                                    late ? .alert : d.stage.isOpen ? .normal : .dim), item: .deal(d))
        }
        guard !card.contracts.isEmpty else { return lines }
        // Checked by the sum itself; an unbounded one is said rather than drawn.
        let owed = (try? card.outstanding)?.map(amount).joined(separator: " + ")
        let owing = owed.map { $0.isEmpty ? Language.say(" · paid up", " · 已收齐") : Language.say(" · owed ", " · 应收 ") + $0 + Language.say(" · p records a payment", " · 按 p 记录回款") } ?? Language.say(" · owed more than adds up", " · 应收金额超出可加总的范围")
        lines.append(StyledLine(""))
        lines.append(StyledLine(Language.say("Contracts (", "合同（") + String(card.contracts.count) + Language.say(")", "）") + owing, .title))
        for k in card.contracts {
            lines.append(StyledLine("  " + clean(k.number) + "  " + amount(k.amount) + Language.say("  received ", "  已收 ") + k.received.formatted
                                    + (k.endsOn.map { Language.say("  ends ", "  到期 ") + $0.iso } ?? "")), item: .contract(k))
            for i in k.instalments where !i.isPaid {
                lines.append(StyledLine("    /" + String(i.position) + "  " + i.dueOn.iso + "  " + i.remaining.formatted + Language.say(" due (", " 待收（")
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
                text = Language.say("Move to   ‹ ", "推进到    ‹ ") + Language.say(form.target.label, form.target.chinese) + " ›"
            case .item(let t):
                text = "  [" + (form.ticked.contains(t) ? "x" : " ") + "] " + clean(t.item) + "  · " + t.stage.said
            case .force:
                text = "  [" + (form.force ? "x" : " ") + "] " + (form.target == .paid ? Language.say("paid although money is outstanding", "虽有未收款项，仍记为已回款") : Language.say("skip the checklist", "跳过检查项"))
            case .reason:
                text = Language.say("Reason    ‹ ", "原因      ‹ ") + Language.say(form.reason.rawValue + " " + form.reason.chinese, form.reason.chinese) + " ›"
            case .note: text = Language.say("Note      ", "备注      ")
            case .number: text = Language.say("Contract  ", "合同      ")
            case .amount: text = Language.say("Amount    ", "金额      ")
            case .instalments: text = Language.say("Plan      ", "分期      ")
            case .term: text = Language.say("Months    ", "月数      ")
            case .playbook:
                text = "  [" + (form.playbook ? "x" : " ") + Language.say("] start the onboarding playbook (service message, usage help, monthly review)", "] 启动交付流程（服务通知、使用帮助、每月回访）")
            }
            return StyledLine(text, selected ? .title : .normal)
        }
    }

    /// What the focused line of the move form takes; the form's own keys are on the line below.
    static func moveFormHint(_ row: MoveForm.Row, targets: Int) -> String {
        switch row {
        case .stage: targets > 1 ? Language.say("←/→ another stage", "←/→ 换一个阶段") : Language.say("the only stage it can move to", "它只能推进到这个阶段")
        case .item, .force, .playbook: Language.say("Space ticks", "空格 勾选")
        case .reason: Language.say("←/→ price, competitor, no-budget, no-decision, timing, other", "←/→ 价格、竞争对手、没有预算、没有决定、时机、其他")
        case .note: Language.say("a one-line note on the move", "这次推进的一行备注")
        case .number: Language.say("the contract number; empty for the year's next", "合同编号；留空则用今年的下一个")
        case .amount: Language.say("the contract amount: 12000, 12,000.50 or 1.2万", "合同金额：12000、12,000.50 或 1.2万")
        case .instalments: Language.say("a number of monthly instalments from today, or a plan: 2026-12-01 30%, 2027-01-15 rest", "从今天起按月分几期，或写计划：2026-12-01 30%, 2027-01-15 rest")
        case .term: Language.say("the term in months (ends the day before); empty for open-ended", "期限月数（到期前一天结束）；留空表示不定期")
        }
    }
}
