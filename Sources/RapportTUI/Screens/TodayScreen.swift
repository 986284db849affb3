import RapportBase
import RapportCore

/// The today view's rows: group headings, reminders, and a "more" line where a group has
/// more than are loaded.
public enum TodayRow: Hashable, Sendable {
    case heading(ReminderRuleKind, total: Int)
    case reminder(Reminder)
    case more(ReminderRuleKind, shown: Int, total: Int)
    case upcoming(DueFollowUp)
    case empty(String)

    var isSelectable: Bool {
        switch self {
        case .reminder, .more, .upcoming: true
        case .heading, .empty: false
        }
    }
}

extension AppState {
    /// An empty book's Today: how a book begins, with the keys the key table gives.
    static var firstSteps: [String] {
        func key(_ action: Action) -> String {
            (KeyBindings.table.first { $0.action == action && $0.contexts.contains(.start) }?.keys.first?.name ?? "").padded(toWidth: 3)
        }
        return [
            Language.say("Your book is empty. To begin:", "客户簿还是空的。可以这样开始："),
            "",
            "  " + key(.addCustomer) + Language.say("add a customer", "添加客户"),
            "  " + key(.importFile) + Language.say("import a spreadsheet (.csv, .xlsx) or vCards (.vcf);", "导入表格（.csv、.xlsx）或名片（.vcf）；"),
            Language.say("     you read what it would do before anything is written", "     写入之前先看它会做什么"),
            "",
            Language.say("  Or quit (q) and try a demo book:", "  或者退出（q），先试试演示客户簿："),
            "    rapport demo --db /tmp/demo.db",
            "    rapport --db /tmp/demo.db",
        ]
    }

    /// The today view as rows, in the order the screen lists them.
    public var todayRows: [TodayRow] {
        guard let report else { return [.empty(Language.say("Loading…", "正在加载…"))] }
        if emptyBook { return Self.firstSteps.map { .empty($0) } }
        if report.isEmpty {
            return [.empty(Language.say("Nothing due today, and nobody forgotten.", "今天没有到期的跟进，也没有被遗忘的客户。"))]
                + (upcoming.isEmpty ? [] : [.empty(""), .empty(Language.say("Coming up:", "接下来："))] + upcoming.map { .upcoming($0) })
        }
        var rows: [TodayRow] = []
        for group in report.groups {
            rows.append(.heading(group.rule, total: group.total))
            rows += group.reminders.map { .reminder($0) }
            if group.reminders.count < group.total { rows.append(.more(group.rule, shown: group.reminders.count, total: group.total)) }
        }
        return rows
    }
}

/// Today: who to call, who is forgotten — the reminders by rule, most urgent first.
enum TodayScreen: ScreenController {
    static func title(_ state: AppState) -> String { Language.say("Today", "今天") }

    static let contexts: [BindingContext] = [.today, .start]

    static func context(_ state: AppState) -> BindingContext { state.emptyBook ? .start : .today }

    static func footer(_ context: BindingContext) -> [Action] {
        context == .start
            ? [.addCustomer, .importFile, .show(.main), .show(.help), .quit]
            : [.open, .log, .snooze, .done, .filter, .show(.main), .show(.help), .quit]
    }

    static func draw(_ state: AppState, _ layout: Layout, _ b: inout ScreenBuffer) {
        let rows = state.todayRows
        let window = state.todayWindow
        let top = min(window.top, max(0, rows.count - layout.bodyHeight))
        if let report = state.report, !report.isEmpty {
            b.put((" " + report.tallies(count: Presentation.count).joined(separator: " · ")).truncated(toWidth: b.width), x: 0, y: 1, style: .dim)
        }
        for (i, row) in rows.dropFirst(top).prefix(layout.bodyHeight).enumerated() {
            let y = layout.bodyTop + i
            let selected = top + i == window.selected
            switch row {
            case .heading(let rule, let total):
                let line = Presentation.todayHeading(rule, total: total)
                b.put(line.text.truncated(toWidth: b.width - 1), x: 1, y: y, style: line.style)
            case .reminder(let r):
                b.put(Presentation.todayLine(r, width: b.width).truncated(toWidth: b.width), x: 0, y: y, style: selected ? .selected : .normal)
            case .more(_, let shown, let total):
                b.put(Presentation.moreLine(shown: shown, total: total).truncated(toWidth: b.width), x: 0, y: y, style: selected ? .selected : .dim)
            case .upcoming(let f):
                b.put(Presentation.upcomingLine(f).truncated(toWidth: b.width), x: 0, y: y, style: selected ? .selected : .normal)
            case .empty(let text):
                b.put(" " + text, x: 0, y: y)
            }
            if selected { b.style(x: 0, y: y, length: b.width, .selected) }
        }
    }

    static func move(_ delta: Int, _ state: inout AppState) -> [Effect] {
        let target = state.todayWindow.selected &+ delta
        select(max(0, min(target, state.todayRows.count - 1)), direction: delta < 0 ? -1 : 1, &state)
        return []
    }

    static func selectedCustomer(_ state: AppState) -> (Int64, String)? {
        switch state.todayRows[safe: state.todayWindow.selected] {
        case .reminder(let r): (r.customer.id, r.customer.name)
        case .upcoming(let f): (f.customer.id, f.customer.name)
        default: nil
        }
    }

    static func show(_ state: inout AppState) -> [Effect] {
        state.screen = .today
        return state.report == nil ? [.loadToday(limit: state.todayLimit)] : []
    }

    static func reload(_ state: AppState, customerID: Int64?) -> [Effect] {
        [.loadToday(limit: state.todayLimit)]
    }

    /// Puts the selection on the nearest selectable row from `row` in `direction`.
    static func select(_ row: Int, direction: Int, _ state: inout AppState) {
        let rows = state.todayRows
        guard !rows.isEmpty else { return }
        var i = max(0, min(row, rows.count - 1))
        while i >= 0, i < rows.count, !rows[i].isSelectable { i += direction }
        if i < 0 || i >= rows.count {
            // Nothing that way: search the other way.
            i = max(0, min(row, rows.count - 1))
            while i >= 0, i < rows.count, !rows[i].isSelectable { i -= direction }
        }
        guard i >= 0, i < rows.count, rows[i].isSelectable else { return }
        state.todayWindow.select(i, count: rows.count, height: Layout(size: state.size).bodyHeight)
    }
}
