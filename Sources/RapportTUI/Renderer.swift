import RapportCore

/// State → frame, pure. Snapshot tests read its text; the backend copies it to curses.
public enum Renderer {
    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.size.width, height: state.size.height)
        guard !state.size.isTooSmall else {
            tooSmall(state.size, &buffer)
            return buffer
        }
        let layout = Layout(size: state.size)
        header(state, &buffer)
        if let form = state.modal?.textForm {
            textForm(form, layout, &buffer)
        } else if let form = state.moveForm {
            moveForm(form, layout, &buffer)
        } else {
            switch state.screen {
            case .today: today(state, layout, &buffer)
            case .main: main(state, layout, &buffer)
            case .card: card(state, layout, &buffer)
            case .help: lines(Presentation.helpLines(), from: state.helpWindow.top, layout, &buffer)
            }
            if let picker = state.picker { self.picker(picker, layout, &buffer) }
        }
        footer(state, layout, &buffer)
        return buffer
    }

    // MARK: - Frame

    private static func tooSmall(_ size: Size, _ b: inout ScreenBuffer) {
        let message = ["Terminal too small", "Rapport needs 60x15; this is \(size.width)x\(size.height).", "q quits"]
        for (i, line) in message.enumerated() {
            let y = size.height / 2 - 1 + i
            b.put(line, x: max(0, (size.width - line.displayWidth) / 2), y: y, style: i == 0 ? .title : .normal)
        }
    }

    private static func header(_ state: AppState, _ b: inout ScreenBuffer) {
        let where_ = switch state.screen {
        case .today: "Today"
        case .main: "Customers"
        case .card: state.card?.customer.name ?? "Customer"
        case .help: "Help"
        }
        b.fill(" ", x: 0, y: 0, length: b.width, style: .header)
        let right = RelativeDay.dated(state.today) + " "
        b.put(" Rapport · " + where_, x: 0, y: 0, style: .header, maxX: b.width - right.displayWidth - 1)
        b.put(right, x: b.width - right.displayWidth, y: 0, style: .header)
    }

    private static func footer(_ state: AppState, _ layout: Layout, _ b: inout ScreenBuffer) {
        if let prompt = state.prompt {
            if let error = prompt.error {
                b.put("✗ " + error, x: 0, y: layout.hintRow, style: .error)
            } else {
                b.put(promptHint(prompt), x: 0, y: layout.hintRow, style: .dim)
            }
            let x = b.put(prompt.label(width: b.width) + " ", x: 0, y: layout.statusRow, style: .title)
            let (text, cursor) = prompt.field.visible(width: b.width - x)
            b.put(text, x: x, y: layout.statusRow)
            b.cursor = (x + cursor, layout.statusRow)
            return
        }
        // A form draws its own hint and status lines.
        if state.modal?.textForm != nil || state.moveForm != nil { return }
        if state.picker != nil {
            b.put("j/k or 1–9 choose · Enter take · Esc cancel", x: 0, y: layout.hintRow, style: .dim)
            return
        }
        b.put(Presentation.hints(state.context), x: 0, y: layout.hintRow, style: .dim)
        if let message = state.message {
            b.put(message.text, x: 0, y: layout.statusRow, style: message.isError ? .error : .good)
        }
    }

    private static func promptHint(_ prompt: Prompt) -> String {
        switch prompt.purpose {
        case .log: "kind note … next WHEN outcome X · Tab: next · Enter save · Esc cancel"
        case .snooze: "a day: tomorrow, 周五, +1w, 12-01 … · Enter save · Esc cancel"
        case .filter: "name, company, phone or pinyin (wjg) · Enter keep · Esc clear"
        case .pay: "the amount received today: 4320, 4,320.00 or 0.432万 · Enter save · Esc cancel"
        case .correct: "kind note … outcome X (its time stays) · Enter save · Esc cancel"
        case .remove: "u undoes a removal"
        case .merge: "#id, name, phone or pinyin of the duplicate; this card's fields are kept · Enter merge · Esc cancel"
        }
    }

    /// A scrolling text screen (the card, the help).
    private static func lines(_ lines: [StyledLine], from top: Int, _ layout: Layout, _ b: inout ScreenBuffer) {
        for (i, line) in lines.dropFirst(top).prefix(layout.bodyHeight + 1).enumerated() {
            b.put(line.text, x: 1, y: layout.bodyTop - 1 + i, style: line.style)
        }
    }

    /// The card, its selected entry's first line highlighted.
    private static func card(_ state: AppState, _ layout: Layout, _ b: inout ScreenBuffer) {
        let card = Presentation.card(state.card, width: state.size.width, today: state.today, pipeline: state.pipeline)
        lines(card.lines, from: state.cardWindow.top, layout, &b)
        guard let line = card.items[safe: state.cardWindow.selected]?.line else { return }
        let y = layout.bodyTop - 1 + line - state.cardWindow.top
        if y >= layout.bodyTop - 1, y < layout.bodyTop + layout.bodyHeight { b.style(x: 0, y: y, length: b.width, .selected) }
    }

    // MARK: - Today

    private static func today(_ state: AppState, _ layout: Layout, _ b: inout ScreenBuffer) {
        let rows = state.todayRows
        let window = state.todayWindow
        let top = min(window.top, max(0, rows.count - layout.bodyHeight))
        if let report = state.report, !report.isEmpty {
            let summary = ReminderRuleKind.allCases.filter { report.total($0) > 0 }
                .map { Presentation.count(report.total($0)) + " " + $0.rawValue }.joined(separator: " · ")
            b.put(" " + summary, x: 0, y: 1, style: .dim)
        }
        for (i, row) in rows.dropFirst(top).prefix(layout.bodyHeight).enumerated() {
            let y = layout.bodyTop + i
            let selected = top + i == window.selected
            switch row {
            case .heading(let rule, let total):
                let line = Presentation.todayHeading(rule, total: total)
                b.put(line.text, x: 1, y: y, style: line.style)
            case .reminder(let r):
                b.put(Presentation.todayLine(r, width: b.width), x: 0, y: y, style: selected ? .selected : .normal)
            case .more(_, let shown, let total):
                b.put(Presentation.moreLine(shown: shown, total: total), x: 0, y: y, style: selected ? .selected : .dim)
            case .upcoming(let f):
                b.put(Presentation.upcomingLine(f), x: 0, y: y, style: selected ? .selected : .normal)
            case .empty(let text):
                b.put(" " + text, x: 0, y: y)
            }
            if selected { b.style(x: 0, y: y, length: b.width, .selected) }
        }
    }

    // MARK: - Main

    private static func main(_ state: AppState, _ layout: Layout, _ b: inout ScreenBuffer) {
        let list = state.list
        let lw = layout.listWidth
        // Pane titles; the focused one stands out.
        let listTitle = " Customers (" + Presentation.count(list.total) + ")"
            + (list.filter.map { " matching “" + $0 + "”" } ?? " · by " + list.sort.label)
        b.put(listTitle, x: 0, y: 1, style: state.focus == .list ? .title : .dim, maxX: lw)
        b.put(" Timeline" + (state.card.map { " · " + $0.customer.name } ?? ""), x: layout.rightX, y: 1,
              style: state.focus == .timeline ? .title : .dim)
        for y in 1..<layout.hintRow { b.fill("│", x: lw, y: y, length: 1, style: .dim) }

        // The list.
        b.put(Presentation.listTitles(width: lw), x: 0, y: layout.bodyTop, style: .dim, maxX: lw)
        let top = min(list.window.top, max(0, list.total - layout.listRows))
        if list.total == 0 {
            b.put(list.filter == nil ? " No customers yet: a adds one." : " Nobody matches.", x: 0, y: layout.bodyTop + 1, style: .dim, maxX: lw)
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
        b.put(" Funnel · by " + (state.funnelByAmount ? "amount" : "count") + " (f) ", x: layout.rightX + 1, y: funnelTitleY,
              style: state.focus == .funnel ? .title : .dim)
        guard let report = state.funnel else { return }
        let bars = Presentation.funnelBars(report, byAmount: state.funnelByAmount)
        guard bars.contains(where: { $0.measure > 0 }) || report.stages.contains(where: { $0.count > 0 }) else {
            b.put(" No deals yet: d adds one to the selected customer.", x: layout.rightX, y: layout.funnelTop, style: .dim)
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

    // MARK: - Deal forms

    private static func moveForm(_ form: MoveForm, _ layout: Layout, _ b: inout ScreenBuffer) {
        let d = form.deal
        b.put(" Deal " + String(d.id ?? 0) + " · " + Presentation.clean(d.title) + " · " + Presentation.clean(form.detail.customer.name)
              + " · now " + d.stage.rawValue + " · " + Presentation.amount(d.amount), x: 0, y: 1, style: .title)
        let lines = Presentation.moveFormLines(form)
        let visibleRows = layout.bodyHeight - 1
        let top = max(0, min(form.selected - visibleRows / 2, lines.count - visibleRows))
        for (i, line) in lines.enumerated().dropFirst(top).prefix(visibleRows) {
            let y = layout.bodyTop + i - top
            let x = b.put(" " + line.text, x: 0, y: y, style: line.style)
            let row = form.rows[i]
            if let field = form.field(row) {
                let (text, cursor) = field.visible(width: b.width - x - 1)
                b.put(text, x: x, y: y)
                if i == form.selected { b.cursor = (x + cursor, y) }
            }
        }
        let hint = Presentation.moveFormHint(form.selectedRow)
        b.put(form.error.map { "✗ " + $0 } ?? hint, x: 0, y: layout.hintRow, style: form.error == nil ? .dim : .error)
        b.put("Enter " + (form.target == .won ? "win" : form.target == .lost ? "lose" : "move") + " · Esc cancel · Tab/↓ next line",
              x: 0, y: layout.statusRow, style: .dim)
    }

    /// The chooser, drawn over the screen's top rows.
    private static func picker(_ picker: DealPicker, _ layout: Layout, _ b: inout ScreenBuffer) {
        let title = picker.purpose == .win ? "Win which deal?" : picker.purpose == .lose ? "Lose which deal?" : "Move which deal?"
        b.fill(" ", x: 0, y: layout.bodyTop, length: b.width, style: .header)
        b.put(" " + title, x: 0, y: layout.bodyTop, style: .header)
        for (i, d) in picker.deals.enumerated().prefix(layout.bodyHeight - 1) {
            let y = layout.bodyTop + 1 + i
            b.fill(" ", x: 0, y: y, length: b.width)
            b.put(" " + String(i + 1) + ". " + Presentation.clean(d.title) + " · " + d.stage.rawValue + " · " + Presentation.amount(d.amount),
                  x: 0, y: y, style: i == picker.selected ? .selected : .normal)
            if i == picker.selected { b.style(x: 0, y: y, length: b.width, .selected) }
        }
    }

    // MARK: - Form

    /// A form of text fields, scrolled to keep the selected field in view.
    private static func textForm(_ form: some TextForm, _ layout: Layout, _ b: inout ScreenBuffer) {
        b.put(" " + form.title, x: 0, y: 1, style: .title)
        let labels = form.labels
        let labelWidth = labels.map(\.displayWidth).max() ?? 0
        let visibleRows = layout.bodyHeight - 1
        let top = max(0, min(form.selected - visibleRows / 2, labels.count - visibleRows))
        for (i, label) in labels.enumerated().dropFirst(top).prefix(visibleRows) {
            let y = layout.bodyTop + i - top
            let selected = i == form.selected
            let x = b.put(" " + label.padded(toWidth: labelWidth) + "  ", x: 0, y: y, style: selected ? .title : .dim)
            let (text, cursor) = form.value(i).visible(width: b.width - x - 1)
            b.put(text, x: x, y: y)
            if selected { b.cursor = (x + cursor, y) }
        }
        b.put(form.error.map { "✗ " + $0 } ?? form.hint(form.selected), x: 0, y: layout.hintRow, style: form.error == nil ? .dim : .error)
        b.put("Enter save · Esc cancel · Tab/↓ next field · S-Tab/↑ previous", x: 0, y: layout.statusRow, style: .dim)
    }
}
