import RapportBase
import RapportCore

/// The customers: the list (paged, sorted, filtered), the selected customer's timeline,
/// and the stage funnel, three panes that Tab goes between.
enum CustomersScreen: ScreenController {
    static func title(_ state: AppState) -> String { Language.say("Customers", "客户") }

    static let contexts: [BindingContext] = [.main, .timeline]

    static func context(_ state: AppState) -> BindingContext { state.focus == .timeline ? .timeline : .main }

    static func footer(_ context: BindingContext) -> [Action] {
        context == .timeline
            ? [.editEntry, .removeEntry, .log, .undo, .focusNext, .show(.today), .show(.help), .quit]
            : [.open, .log, .filter, .cycleSort, .addCustomer, .edit, .addDeal, .moveDeal, .focusNext, .show(.today), .show(.help), .quit]
    }

    static func draw(_ state: AppState, _ layout: Layout, _ b: inout ScreenBuffer) {
        let list = state.list
        let lw = layout.listWidth
        // Pane titles; the focused one stands out.
        let listTitle = Language.say(" Customers (" + Presentation.count(list.total) + ")", " 客户（" + Presentation.count(list.total) + "）")
            + (list.filter.map { Language.say(" matching “" + $0 + "”", " 匹配“" + $0 + "”") } ?? Language.say(" · by ", "· 按") + list.sort.label)
        b.put(listTitle, x: 0, y: 1, style: state.focus == .list ? .title : .dim, maxX: lw)
        b.put(Language.say(" Timeline", " 跟进记录") + (state.card.map { " · " + $0.customer.name } ?? ""), x: layout.rightX, y: 1,
              style: state.focus == .timeline ? .title : .dim)
        for y in 1..<layout.hintRow { b.fill("│", x: lw, y: y, length: 1, style: .dim) }

        // The list.
        b.put(Presentation.listTitles(width: lw), x: 0, y: layout.bodyTop, style: .dim, maxX: lw)
        let top = min(list.window.top, max(0, list.total - layout.listRows))
        if list.total == 0 {
            b.put(list.filter == nil ? Language.say(" No customers yet: a adds one.", " 还没有客户：按 a 添加。")
                  : Language.say(" Nobody matches.", " 没有匹配的客户。"), x: 0, y: layout.bodyTop + 1, style: .dim, maxX: lw)
        }
        for i in 0..<min(layout.listRows, max(0, list.total - top)) {
            let position = top + i
            let y = layout.bodyTop + 1 + i
            guard let row = list.row(at: position) else {
                b.put(" …", x: 0, y: y, style: .dim, maxX: lw)
                continue
            }
            var x = 0
            for piece in Presentation.listRow(row, width: lw, today: state.today, settings: state.settings) {
                x = b.put(piece.text, x: x, y: y, style: piece.style, maxX: lw)
            }
            if position == list.window.selected {
                b.style(x: 0, y: y, length: lw, state.focus == .list ? .selected : .header)
            }
        }

        // The timeline of the selected customer.
        let timeline = Presentation.timeline(state.card, width: layout.rightWidth, today: state.today)
        for (i, line) in timeline.lines.dropFirst(state.timelineWindow.top).prefix(layout.timelineHeight).enumerated() {
            b.put(" " + line.text, x: layout.rightX, y: layout.bodyTop + i, style: line.style)
        }
        // With the focus on the timeline, the selected entry's first line is highlighted.
        if state.focus == .timeline, let item = timeline.items[safe: state.timelineWindow.selected] {
            let y = item.line - state.timelineWindow.top
            if y >= 0, y < layout.timelineHeight { b.style(x: layout.rightX, y: layout.bodyTop + y, length: layout.rightWidth, .selected) }
        }

        // The funnel: a bar per stage, by amount or by count (`f`), and what is owed.
        let funnelTitleY = layout.funnelTop - 1
        b.fill("─", x: layout.rightX, y: funnelTitleY, length: layout.rightWidth, style: .dim)
        b.put(Language.say(" Funnel · by " + (state.funnelByAmount ? "amount" : "count") + " (f) ",
                           " 漏斗 · 按" + (state.funnelByAmount ? "金额" : "数量") + "（f）"), x: layout.rightX + 1, y: funnelTitleY,
              style: state.focus == .funnel ? .title : .dim)
        guard let report = state.funnel else { return }
        let bars = Presentation.funnelBars(report, byAmount: state.funnelByAmount)
        guard bars.contains(where: { $0.measure > 0 }) || report.stages.contains(where: { $0.count > 0 }) else {
            b.put(Language.say(" No deals yet: d adds one to the selected customer.", " 还没有商机：按 d 为选中的客户添加。"), x: layout.rightX, y: layout.funnelTop, style: .dim)
            return
        }
        let largest = max(1, bars.map(\.measure).max() ?? 1)
        let labelWidth = 11
        let textWidth = bars.map(\.text.displayWidth).max() ?? 0
        let barSpace = max(1, layout.rightWidth - labelWidth - textWidth - 3)
        for (i, bar) in bars.enumerated() where i < layout.funnelHeight - 1 {
            let y = layout.funnelTop + i
            var x = b.put(" " + bar.label.padded(toWidth: labelWidth - 1), x: layout.rightX, y: y)
            let length = bar.measure <= 0 ? 0 : max(1, Int(Double(bar.measure) / Double(largest) * Double(barSpace)))
            b.fill("█", x: x, y: y, length: length, style: .bar)
            x += length
            b.put(" " + bar.text, x: x, y: y)
        }
        b.put(" " + Presentation.funnelSummary(report), x: layout.rightX, y: layout.funnelTop + min(bars.count, layout.funnelHeight - 1),
              style: report.collections.first.map { $0.overdue.minorUnits > 0 } == true ? .warning : .dim)
    }

    static func move(_ delta: Int, _ state: inout AppState) -> [Effect] {
        let layout = Layout(size: state.size)
        switch state.focus {
        case .list:
            let before = state.list.window.selected
            state.list.window.select(before &+ delta, count: state.list.total, height: layout.listRows)
            guard state.list.window.selected != before else { return [] }
            if state.list.selectedRow == nil { return Reducer.loadList(&state, offset: max(0, state.list.window.selected - Reducer.pageSize / 4)) }
            return Reducer.loadSelectedCard(state)
        case .timeline:
            let timeline = Presentation.timeline(state.card, width: layout.rightWidth, today: state.today)
            Reducer.selectEntry(&state.timelineWindow, delta, in: timeline, height: layout.timelineHeight - 1)
            return []
        case .funnel:
            return []
        }
    }

    static func selectedCustomer(_ state: AppState) -> (Int64, String)? {
        state.list.selectedRow.map { ($0.summary.id, $0.summary.name) }
    }

    /// The first time, the list's first page and the funnel; after, the card of the row selected.
    static func show(_ state: inout AppState) -> [Effect] {
        state.screen = .main
        return state.list.rows.isEmpty && !state.list.loading ? Reducer.loadList(&state, offset: 0) + [.loadFunnel] : Reducer.loadSelectedCard(state)
    }

    /// The list page and the funnel, once the list has been shown.
    static func reload(_ state: AppState, customerID: Int64?) -> [Effect] {
        guard !state.list.rows.isEmpty || state.screen == .main else { return [] }
        let list: Effect = state.list.filter.map { .filterCustomers(query: $0) }
            ?? .loadCustomers(sort: state.list.sort, offset: state.list.offset, limit: Reducer.pageSize)
        return [list, .loadFunnel]
    }
}
