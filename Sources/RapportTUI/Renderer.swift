import RapportBase
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
        } else if let preview = state.importPreview {
            importPreview(preview, layout, &buffer)
        } else {
            state.screen.controller.draw(state, layout, &buffer)
            if let picker = state.picker { self.picker(picker, layout, &buffer) }
        }
        footer(state, layout, &buffer)
        return buffer
    }

    // MARK: - Frame

    private static func tooSmall(_ size: Size, _ b: inout ScreenBuffer) {
        let message = [Language.say("Terminal too small", "终端太小"), Language.say("Rapport needs 60x15; this is \(size.width)x\(size.height).", "Rapport 需要 60x15；现在是 \(size.width)x\(size.height)。"), Language.say("q quits", "按 q 退出")]
        for (i, line) in message.enumerated() {
            let y = size.height / 2 - 1 + i
            b.put(line, x: max(0, (size.width - line.displayWidth) / 2), y: y, style: i == 0 ? .title : .normal)
        }
    }

    private static func header(_ state: AppState, _ b: inout ScreenBuffer) {
        b.fill(" ", x: 0, y: 0, length: b.width, style: .header)
        let right = RelativeDay.dated(state.today, today: state.today) + " "
        b.put(" Rapport · " + state.screen.controller.title(state), x: 0, y: 0, style: .header, maxX: b.width - right.displayWidth - 1)
        b.put(right, x: b.width - right.displayWidth, y: 0, style: .header)
    }

    private static func footer(_ state: AppState, _ layout: Layout, _ b: inout ScreenBuffer) {
        if let prompt = state.prompt {
            if let error = prompt.error {
                b.put("✗ " + error, x: 0, y: layout.hintRow, style: .error)
            } else {
                b.put(promptHint(prompt, recent: state.recent).truncated(toWidth: b.width), x: 0, y: layout.hintRow, style: .dim)
            }
            // A label too long for the line is cut, so that the cursor stays on the screen.
            let x = b.put(prompt.label(width: b.width) + " ", x: 0, y: layout.statusRow, style: .title, maxX: b.width - 1)
            let (text, cursor) = prompt.field.visible(width: b.width - x)
            b.put(text, x: x, y: layout.statusRow)
            b.cursor = (min(x + cursor, b.width - 1), layout.statusRow)
            return
        }
        // A form draws its own hint and status lines.
        if state.modal?.textForm != nil || state.moveForm != nil { return }
        if state.picker != nil {
            b.put(Language.say("j/k or 1–9 choose · Enter take · Esc cancel", "j/k 或 1–9 选择 · Enter 确定 · Esc 取消"), x: 0, y: layout.hintRow, style: .dim)
            return
        }
        if let preview = state.importPreview {
            b.put((preview.writes ? Language.say("y import · j/k scroll · any other key cancels", "y 导入 · j/k 滚动 · 其他键取消") : Language.say("nothing to write · any key closes", "没有要写入的 · 任意键关闭"))
                .truncated(toWidth: b.width), x: 0, y: layout.hintRow, style: .dim)
            return
        }
        b.put(Presentation.hints(state, width: b.width), x: 0, y: layout.hintRow, style: .dim)
        if let message = state.message {
            b.put(message.text, x: 0, y: layout.statusRow, style: message.isError ? .error : .good)
        }
    }

    private static func promptHint(_ prompt: Prompt, recent: [(id: Int64, name: String)]) -> String {
        switch prompt.purpose {
        case .logFor: Presentation.logForHint(prompt, recent: recent)
        case .log: Language.say("kind note … next WHEN outcome X · Tab: next · Enter save · Esc cancel", "类型 备注 … next 日期 outcome 结果 · Tab：next · Enter 保存 · Esc 取消")
        case .snooze: Language.say("a day: tomorrow, 周五, +1w, 12-01 … · Enter save · Esc cancel", "日期：明天、周五、+1w、12-01 … · Enter 保存 · Esc 取消")
        case .filter: Language.say("name, company, phone or pinyin (wjg) · Enter keep · Esc clear", "姓名、公司、电话或拼音（wjg）· Enter 保留 · Esc 清除")
        case .pay: Language.say("the amount received today: 4320, 4,320.00 or 0.432万 · Enter save · Esc cancel", "今天收到的金额：4320、4,320.00 或 0.432万 · Enter 保存 · Esc 取消")
        case .correct: Language.say("kind note … outcome X (its time stays) · Enter save · Esc cancel", "类型 备注 … outcome 结果（时间不变）· Enter 保存 · Esc 取消")
        case .remove: Language.say("any other key keeps it · u undoes a removal", "其他键保留 · 按 u 撤销删除")
        case .merge: Language.say("#id, name, phone or pinyin of the duplicate; this card's fields are kept · Enter merge · Esc cancel", "重复客户的 #编号、姓名、电话或拼音；保留本名片的字段 · Enter 合并 · Esc 取消")
        case .importFile: Language.say("a .csv, .xlsx or .vcf file, ~/客户.xlsx · Enter shows what it would do, writing nothing · Esc cancel",
                                       ".csv、.xlsx 或 .vcf 文件，如 ~/客户.xlsx · Enter 显示它会做什么，不写入 · Esc 取消")
        }
    }

    /// A scrolling text screen (the card, the help).
    static func lines(_ lines: [StyledLine], from top: Int, _ layout: Layout, _ b: inout ScreenBuffer) {
        for (i, line) in lines.dropFirst(top).prefix(layout.bodyHeight + 1).enumerated() {
            b.put(line.text, x: 1, y: layout.bodyTop - 1 + i, style: line.style)
        }
    }

    /// The import's dry run over the body: the file, then the report, scrolled from `top`.
    private static func importPreview(_ preview: ImportPreview, _ layout: Layout, _ b: inout ScreenBuffer) {
        let name = TerminalText.sanitized(String(preview.path.split(separator: "/").last ?? ""))
        b.put(Language.say(" Import " + name + " · a dry run: nothing is written until y", " 导入 " + name + " · 试运行：按 y 之前什么都不写入").truncated(toWidth: b.width), x: 0, y: 1, style: .title)
        let rows = layout.bodyHeight - 1
        for (i, line) in preview.lines.dropFirst(preview.top).prefix(rows).enumerated() {
            b.put((" " + line).truncated(toWidth: b.width), x: 0, y: layout.bodyTop + i, style: preview.top + i == 0 ? .title : .normal)
        }
        if preview.top + rows < preview.lines.count {
            b.put(Language.say(" … \(preview.lines.count - preview.top - rows) more lines (j)", " … 还有\(preview.lines.count - preview.top - rows)行（j）").truncated(toWidth: b.width),
                  x: 0, y: layout.bodyTop + rows, style: .dim)
        }
    }

    // MARK: - Deal forms

    private static func moveForm(_ form: MoveForm, _ layout: Layout, _ b: inout ScreenBuffer) {
        let d = form.deal
        b.put(Language.say(" Deal ", " 商机 ") + String(d.id ?? 0) + " · " + Presentation.clean(d.title) + " · " + Presentation.clean(form.detail.customer.name)
              + Language.say(" · now ", " · 现在 ") + d.stage.said + " · " + Presentation.amount(d.amount), x: 0, y: 1, style: .title)
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
        let hint = Presentation.moveFormHint(form.selectedRow, targets: form.targets.count)
        b.put(form.error.map { "✗ " + $0 } ?? hint, x: 0, y: layout.hintRow, style: form.error == nil ? .dim : .error)
        b.put(KeyBindings.moveFormHints(verb: form.target == .won ? Language.say("win", "赢单") : form.target == .lost ? Language.say("lose", "输单")
                                        : Language.say("move", "推进")),
              x: 0, y: layout.statusRow, style: .dim)
    }

    /// The chooser, drawn over the screen's top rows.
    private static func picker(_ picker: DealPicker, _ layout: Layout, _ b: inout ScreenBuffer) {
        let title = picker.purpose == .win ? Language.say("Win which deal?", "赢下哪个商机？") : picker.purpose == .lose ? Language.say("Lose which deal?", "输掉哪个商机？") : Language.say("Move which deal?", "推进哪个商机？")
        b.fill(" ", x: 0, y: layout.bodyTop, length: b.width, style: .header)
        b.put(" " + title, x: 0, y: layout.bodyTop, style: .header)
        for (i, d) in picker.deals.enumerated().prefix(layout.bodyHeight - 1) {
            let y = layout.bodyTop + 1 + i
            b.fill(" ", x: 0, y: y, length: b.width)
            b.put(" " + String(i + 1) + ". " + Presentation.clean(d.title) + " · " + d.stage.said + " · " + Presentation.amount(d.amount),
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
        b.put(KeyBindings.formHints, x: 0, y: layout.statusRow, style: .dim)
    }
}
