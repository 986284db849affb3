import RapportBase
import RapportCore

/// A line of text with its style.
public struct StyledLine: Hashable, Sendable {
    public var text: String
    public var style: CellStyle

    public init(_ text: String, _ style: CellStyle = .normal) {
        self.text = text
        self.style = style
    }
}

/// Lines of a pane with the entries that can be selected among them, each with the line it begins on.
struct SelectableLines {
    var lines: [StyledLine] = []
    var items: [(item: CardItem, line: Int)] = []

    init(_ lines: [StyledLine] = []) { self.lines = lines }

    mutating func append(_ line: StyledLine, item: CardItem? = nil) {
        if let item { items.append((item, lines.count)) }
        lines.append(line)
    }

    /// Another part of the pane below this one, each line indented.
    mutating func append(_ other: SelectableLines, indent: String = "") {
        items += other.items.map { ($0.item, $0.line + lines.count) }
        lines += other.lines.map { StyledLine(indent + $0.text, $0.style) }
    }

    /// The lines entry `index` spans: from its first line to the line before the next entry.
    func span(of index: Int) -> ClosedRange<Int>? {
        guard let first = items[safe: index]?.line else { return nil }
        return first...((items[safe: index + 1]?.line ?? lines.count) - 1)
    }
}

/// Models turned into text for the screen, with no access to the screen: table-tested.
public enum Presentation {
    // MARK: - Numbers and days

    /// `7,301`.
    public static func count(_ n: Int) -> String { n.grouped }

    /// How overdue a customer is against their cadence: good below 75 %, warning to 100 %,
    /// alert beyond.
    public static func cadenceStyle(daysSince: Int, cadence: Int) -> CellStyle {
        guard cadence > 0 else { return .normal }
        if daysSince * 4 < cadence * 3 { return .good }
        return daysSince <= cadence ? .warning : .alert
    }

    // MARK: - Today

    public static func todayHeading(_ rule: ReminderRuleKind, total: Int) -> StyledLine {
        StyledLine(rule.heading(count: count(total)), rule == .overdue ? .alert : .title)
    }

    /// User text made safe and measurable: padding and cutting count the cells the
    /// terminal will show, which escape sequences do not take.
    static func clean(_ text: String?) -> String { TerminalText.sanitized(text ?? "") }

    /// A reminder: name and company in fixed columns, then the reason.
    public static func todayLine(_ r: Reminder, width: Int) -> String {
        let nameWidth = min(20, max(8, width / 5))
        let companyWidth = min(20, max(6, width / 5))
        return "  " + clean(r.customer.name).padded(toWidth: nameWidth) + "  " + clean(r.customer.company).padded(toWidth: companyWidth)
            + "  " + clean(r.detail)
    }

    public static func moreLine(shown: Int, total: Int) -> String {
        Language.say("  … " + count(total - shown) + " more — Enter shows more", "  … 还有" + count(total - shown) + "条——按 Enter 显示更多")
    }

    public static func upcomingLine(_ f: DueFollowUp) -> String {
        "  " + RelativeDay.dated(f.due.day) + (f.due.time.map { " " + $0.description } ?? "") + "  " + f.customer.name
            + (f.title.isEmpty ? "" : " · " + f.title)
    }

    // MARK: - Customer list

    /// Column widths of the list for a pane width: name, company, grade, days, next.
    static func listColumns(width: Int) -> (name: Int, company: Int) {
        let flexible = max(10, width - 2 - 2 - 5 - 6 - 5)
        let name = flexible * 11 / 20
        return (name, flexible - name - 2)
    }

    public static func listTitles(width: Int) -> String {
        let (n, c) = listColumns(width: width)
        return " " + Language.say("Name", "姓名").padded(toWidth: n) + " " + Language.say("Company", "公司").padded(toWidth: c)
            + Language.say(" Gr", " 级") + Language.say("Last", "上次").padded(toWidth: 6, alignment: .right) + Language.say(" Next", " 下次")
    }

    /// A customer row split into styled pieces: the days since contact coloured against the
    /// cadence, the next follow-up red when overdue.
    public static func listRow(_ row: CustomerRow, width: Int, today: Day, settings: ReminderSettings) -> [StyledLine] {
        let (n, c) = listColumns(width: width)
        let s = row.summary
        let days = s.lastContactOn.map { $0.days(until: today) }
        let dayText = days.map { String($0) + "d" } ?? "—"
        let dayStyle = days.map { cadenceStyle(daysSince: $0, cadence: settings.cadence(for: s.grade)) } ?? .warning
        let next = row.nextFollowUp.map { nextDay($0.day, today: today) } ?? ""
        let nextStyle: CellStyle = (row.nextFollowUp?.day).map { $0 < today ? .alert : .normal } ?? .normal
        return [
            StyledLine(" " + clean(s.name).padded(toWidth: n) + " " + clean(s.company).padded(toWidth: c) + " " + (s.grade?.rawValue ?? "-").padded(toWidth: 2)),
            StyledLine(dayText.padded(toWidth: 6, alignment: .right), s.status.isChased ? dayStyle : .dim),
            StyledLine(" " + next, nextStyle),
        ]
    }

    /// The list's Next column in five cells: `-412d` when overdue (a bare `10-17` would read
    /// as next October), `today`, `12-08` within the half year ahead, else the year.
    static func nextDay(_ day: Day, today: Day) -> String {
        let ahead = today.days(until: day)
        if ahead < 0 { return "-" + String(-ahead) + "d" }
        if ahead == 0 { return Language.say("today", "今天") }
        return ahead <= 183 ? Day.formatMonthDay(day) : String(day.year)
    }

    // MARK: - Timeline

    /// The selected customer's timeline for a pane — open follow-ups pinned on top, then
    /// interactions, stage moves and payments newest first, each note wrapped to the pane —
    /// and where each entry that can be corrected (an open follow-up, a logged interaction,
    /// a payment) begins.
    static func timeline(_ card: CustomerCard?, width: Int, today: Day) -> SelectableLines {
        guard let card else { return SelectableLines([StyledLine(Language.say("No customer selected.", "没有选中客户。"), .dim)]) }
        let w = max(10, width - 2)
        var out = SelectableLines()
        for f in card.openFollowUps {
            let when = RelativeDay.dated(f.when)
            out.append(StyledLine("◆ " + when + " (" + RelativeDay.describe(f.due, today: today) + ")" + (f.title.isEmpty ? "" : " " + f.title),
                                  f.due < today ? .alert : .title), item: .followUp(f))
        }
        let entries = card.entries
        if entries.isEmpty { out.append(StyledLine(Language.say("Nothing logged yet. Press l to log a call.", "还没有记录。按 l 记录一次电话。"), .dim)) }
        for entry in entries {
            switch entry {
            case .interaction(let i):
                let person = card.person(of: i).map { " · " + $0.name } ?? ""
                out.append(StyledLine(i.at.text + "  " + i.kind.said + (i.outcome.map { "  " + $0.said } ?? "") + person, .header),
                           item: .interaction(i))
                for line in TerminalText.sanitizedKeepingNewlines(i.note).wrapped(toWidth: w - 2) {
                    out.append(StyledLine("  " + line))
                }
            case .stageMove(let m):
                out.append(StyledLine(m.enteredAt.text + "  " + clean(card.describe(move: m)), m.stage == .lost ? .dim : .good))
            case .payment(let p):
                out.append(StyledLine(p.paidOn.iso + "        " + clean(card.describe(payment: p)), p.voidedAt == nil ? .good : .dim),
                           item: .payment(p))
            }
        }
        return out
    }

    /// The `L` prompt's hint: the recent customers by number while nothing is typed, then
    /// the customers the first word matches, the first of whom Enter logs for.
    static func logForHint(_ prompt: Prompt, recent: [(id: Int64, name: String)]) -> String {
        let reference = LogFor.reference(in: prompt.field.text)
        if reference.isEmpty {
            let numbered = recent.enumerated().map { String($0.offset + 1) + " " + clean($0.element.name) }
            return (numbered.isEmpty ? "" : numbered.joined(separator: " · ") + Language.say(" · or ", " · 或 "))
                + Language.say("a name, pinyin or phone, then c 谈了报价 Tab 周五", "姓名、拼音或电话，再 c 谈了报价 Tab 周五")
        }
        guard prompt.candidatesFor == reference else { return "…" }
        guard !prompt.candidates.isEmpty else { return Language.say("nobody matches ", "没有匹配的客户：") + clean(reference).quotedForMessage }
        return "→ " + prompt.candidates.map { c in clean(c.summary.name) + (c.summary.company.map { " (" + clean($0) + ")" } ?? "") }
            .joined(separator: " · ") + Language.say(" · Enter logs for the first", " · Enter 为第一个记录")
    }

    /// The question before an entry goes, with what `y` does: `Remove the call of
    /// 2026-11-23 14:02 of 王建国? y removes`, `Void the payment …? y voids`.
    static func removal(_ item: CardItem, of name: String) -> String {
        guard Language.current == .zh else { return englishRemoval(item, of: name) }
        return switch item {
        case .customer: "把 " + name + " 移到回收站？按 y 移动"
        case .contact(let p): "删除 " + name + " 的联系人 " + clean(p.name) + "？按 y 删除"
        case .deal(let d): "删除 " + name + " 的商机 " + String(d.id ?? 0) + " " + clean(d.title) + "？按 y 删除"
        case .contract(let k): "取消 " + name + " 的合同 " + clean(k.number) + "？按 y 取消"
        case .payment(let p): "作废 " + name + " 在 " + p.paidOn.iso + " 的收款 " + p.amount.formatted + "？按 y 作废"
        case .followUp(let f):
            "删除 " + name + " 在 " + RelativeDay.dated(f.when) + " 的跟进" + (f.title.isEmpty ? "" : "（" + clean(f.title) + "）") + "？按 y 删除"
        case .interaction(let i): "删除 " + name + " 在 " + i.at.text + " 的" + i.kind.said + "？按 y 删除"
        }
    }

    private static func englishRemoval(_ item: CardItem, of name: String) -> String {
        switch item {
        case .customer: "Move " + name + " to the trash? y moves"
        case .contact(let p): "Remove the contact person " + clean(p.name) + " of " + name + "? y removes"
        case .deal(let d): "Remove deal " + String(d.id ?? 0) + " " + clean(d.title) + " of " + name + "? y removes"
        case .contract(let k): "Cancel contract " + clean(k.number) + " of " + name + "? y cancels"
        case .payment(let p): "Void the payment of " + p.amount.formatted + " on " + p.paidOn.iso + " of " + name + "? y voids"
        case .followUp(let f):
            "Remove the follow-up for " + RelativeDay.dated(f.when) + (f.title.isEmpty ? "" : " (" + clean(f.title) + ")") + " of " + name
                + "? y removes"
        case .interaction(let i): "Remove the " + i.kind.rawValue + " of " + i.at.text + " of " + name + "? y removes"
        }
    }

    // MARK: - Card

    /// The card screen — every field, the contact persons, deals and contracts, open
    /// follow-ups and the timeline — with its selectable entries: the card itself (its first
    /// line), each contact person, deal, contract, and the timeline's entries.
    static func card(_ card: CustomerCard?, width: Int, today: Day, pipeline: PipelineSettings) -> SelectableLines {
        guard let card else { return SelectableLines([StyledLine(Language.say("Loading…", "正在加载…"), .dim)]) }
        let c = card.customer
        var out = SelectableLines()
        out.append(StyledLine(clean(c.name) + "  " + CustomerCard.standing(c), .title), item: .customer(c))
        let subtitle = CustomerCard.subtitle(c)
        if !subtitle.isEmpty { out.append(StyledLine(" " + subtitle)) }
        let fields = CustomerCard.fieldLines(c, today: today)
        let labelWidth = fields.map(\.label.displayWidth).max() ?? 0
        for field in fields {
            for (i, part) in field.value.wrapped(toWidth: max(10, width - labelWidth - 4)).enumerated() {
                out.append(StyledLine(" " + (i == 0 ? field.label : "").padded(toWidth: labelWidth) + "  " + part))
            }
        }
        out.append(StyledLine(""))
        out.append(StyledLine(Language.say("Contact persons (", "联系人（") + String(card.contacts.count) + Language.say(")", "）"), .title))
        for p in card.contacts {
            let parts = [p.name, p.role?.said, p.phone, p.email, p.birthday.map { Language.say("birthday ", "生日 ") + $0.shown }, p.notes]
            out.append(StyledLine("  " + parts.compactMap { $0 }.joined(separator: " · ")), item: .contact(p))
        }
        out.append(StyledLine(""))
        out.append(dealLines(card, pipeline: pipeline, today: today))
        out.append(StyledLine(""))
        out.append(StyledLine(Language.say("Timeline", "跟进记录"), .title))
        // Card lines are drawn one cell in; these get two more.
        out.append(timeline(card, width: width - 3, today: today), indent: "  ")
        return out
    }

    // MARK: - Help and hints

    /// The help screen, generated from the key-binding table.
    public static func helpLines() -> [StyledLine] {
        var lines: [StyledLine] = []
        var sections: [String] = []
        for b in KeyBindings.table where !sections.contains(b.section) { sections.append(b.section) }
        for section in sections {
            if !lines.isEmpty { lines.append(StyledLine("")) }
            lines.append(StyledLine(section, .title))
            for b in KeyBindings.table where b.section == section {
                lines.append(StyledLine("  " + KeyBindings.keyNames(b).padded(toWidth: 14) + b.help))
            }
        }
        lines.append(StyledLine(""))
        lines.append(StyledLine(Language.say("At the log prompt", "在记录提示行"), .title))
        lines.append(StyledLine(Language.say("  kind first (call email visit meeting message note, or c e v m s n), then the note;",
                                             "  先写类型（call email visit meeting message note，或 c e v m s n），再写备注；")))
        lines.append(StyledLine(Language.say("  next WHEN and outcome X anywhere: c 谈了报价 next 周五 outcome reached",
                                             "  任意位置写 next 日期 和 outcome 结果：c 谈了报价 next 周五 outcome reached")))
        lines.append(StyledLine(Language.say("  Tab writes “next ”; Enter saves; Esc cancels with nothing written.",
                                             "  Tab 写入“next ”；Enter 保存；Esc 取消，什么都不写入。")))
        return lines
    }

    /// The footer's hints for what is on screen: the screen's actions, each with its key and
    /// word from the key table.
    /// The footer's key hints as many as fit `width`, the screen's first ones first; the help
    /// key stays last whatever is left out, since the help lists every key.
    static func hints(_ state: AppState, width: Int) -> String {
        let context = state.context
        var parts: [(action: Action, text: String)] = state.screen.controller.footer(context).compactMap { action in
            KeyBindings.table.first { $0.action == action && $0.contexts.contains(context) }.map { b in
                (action, (b.keys.first?.name ?? "") + " " + b.short)
            }
        }
        let all = parts.map(\.text).joined(separator: " · ")
        if all.displayWidth <= width { return all }
        let help = parts.firstIndex { $0.action == .show(.help) }.map { parts.remove(at: $0) }
        func line() -> String { (parts + (help.map { [$0] } ?? [])).map(\.text).joined(separator: " · ") }
        while line().displayWidth > width, !parts.isEmpty { parts.removeLast() }
        return line().truncated(toWidth: width)
    }
}

extension Day {
    /// `11-27`, for narrow columns.
    static func formatMonthDay(_ day: Day) -> String {
        String(day.iso.dropFirst(5))
    }
}
