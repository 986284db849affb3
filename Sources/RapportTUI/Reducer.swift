import RapportBase
import RapportCore

/// The state machine: (state, event) → new state and effects. Pure: no store, no curses.
public enum Reducer {
    /// Rows of the customer list loaded per request.
    static let pageSize = 200
    /// Rows fetched with each keystroke of the filter: a screenful and some.
    static let filterPageSize = 80
    /// Customers the `L` prompt offers for the name typed.
    static let candidateCount = 5

    /// The effects to run at launch: the today view, a screenful of it.
    public static func start(_ state: AppState) -> [Effect] {
        [.loadToday(limit: state.todayLimit)]
    }

    public static func reduce(_ state: inout AppState, _ event: Event) -> [Effect] {
        switch event {
        case .key(let key):
            return handle(key, &state)
        case .resized(let size):
            state.size = size
            state.todayWindow.reveal(height: Layout(size: size).bodyHeight)
            state.list.window.reveal(height: Layout(size: size).listRows)
            return []
        case .todayLoaded(let report, let upcoming, let emptyBook):
            state.report = report
            state.upcoming = upcoming
            state.emptyBook = emptyBook
            TodayScreen.select(state.todayWindow.selected, direction: 1, &state)
            return []
        case .customersLoaded(let rows, let offset, let total):
            state.list.rows = rows
            state.list.offset = offset
            state.list.total = total ?? state.list.filterIDs.count
            state.list.loading = false
            state.list.window.select(state.list.window.selected, count: state.list.total, height: Layout(size: state.size).listRows)
            return loadSelectedCard(state)
        case .filtered(let query, let ids, let rows):
            guard state.list.filter == query else { return [] }
            // Nobody matches: no customer is selected, so the timeline shows nobody.
            if ids.isEmpty {
                state.card = nil
                state.timelineWindow = ListWindow()
            }
            state.list.filterIDs = ids
            state.list.rows = rows
            state.list.offset = 0
            state.list.total = ids.count
            state.list.loading = false
            state.list.window = ListWindow()
            return loadSelectedCard(state)
        case .cardLoaded(let card):
            if card?.customer.id != state.card?.customer.id { state.timelineWindow = ListWindow() }
            state.card = card
            // The customer gone (to the trash, here or from another terminal): the card closes.
            if card == nil, state.screen == .card { state.screen = state.previousScreen }
            // An entry removed: the selection stays within the entries left.
            let items = Presentation.timeline(card, width: Layout(size: state.size).rightWidth, today: state.today).items.count
            state.timelineWindow.selected = min(state.timelineWindow.selected, max(0, items - 1))
            let cardItems = CardScreen.lines(state).items.count
            state.cardWindow.selected = min(state.cardWindow.selected, max(0, cardItems - 1))
            return []
        case .candidatesFound(let query, let rows):
            guard var prompt = state.prompt, prompt.purpose == .logFor, LogFor.reference(in: prompt.field.text) == query else { return [] }
            prompt.candidates = rows
            prompt.candidatesFor = query
            state.prompt = prompt
            return []
        case .funnelLoaded(let report):
            state.funnel = report
            return []
        case .dealLoaded(let detail, let action, let hasPlaybook):
            openMoveForm(detail, action, hasPlaybook: hasPlaybook, &state)
            return []
        case .importPreviewed(let preview):
            state.importPreview = preview
            return []
        case .saved(let message, let customerID):
            state.modal = nil
            state.message = StatusMessage(text: message + Language.say(" · u undoes it", " · 按 u 撤销"), isError: false)
            return reloadAfterWrite(state, customerID: customerID)
        case .undone(let message):
            state.message = StatusMessage(text: message, isError: false)
            return reloadAfterWrite(state, customerID: nil)
        case .tick(let now, let version):
            // Midnight moves the view to the new day; a write from another terminal is read in.
            let newDay = now.day != state.today
            let written = state.bookVersion.map { $0 != version } ?? false
            state.now = now
            state.bookVersion = version
            return newDay || written ? reloadAfterWrite(state, customerID: nil) : []
        case .failed(let message):
            if state.modal?.showError(message) != true {
                state.message = StatusMessage(text: message, isError: true)
            }
            state.list.loading = false
            return []
        }
    }

    // MARK: - Keys

    private static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        if key == .resize { return [] }
        switch state.modal {
        case .prompt?: return handlePrompt(key, &state)
        case .customerForm?: return handleForm(key, &state)
        case .dealForm?: return handleDealForm(key, &state)
        case .contactForm?: return handleContactForm(key, &state)
        case .moveForm?: return handleMoveForm(key, &state)
        case .picker?: return handlePicker(key, &state)
        case .importPreview?: return handleImportPreview(key, &state)
        case nil: break
        }
        state.message = nil
        if state.size.isTooSmall {
            if key == .char("q") { state.quitting = true }
            return []
        }
        guard let action = KeyBindings.action(for: key, in: state.context) else { return [] }
        return perform(action, &state)
    }

    private static func perform(_ action: Action, _ state: inout AppState) -> [Effect] {
        let layout = Layout(size: state.size)
        switch action {
        case .quit:
            state.quitting = true
            return []
        case .show(let screen):
            return screen.controller.show(&state)
        case .back:
            if state.screen == .main {
                guard state.list.filter != nil else { return [] }
                return clearFilter(&state)
            }
            state.screen = state.screen == .help ? state.helpReturn : state.previousScreen
            return []
        case .moveUp: return state.screen.controller.move(-1, &state)
        case .moveDown: return state.screen.controller.move(1, &state)
        case .pageUp: return state.screen.controller.move(-max(1, layout.bodyHeight - 1), &state)
        case .pageDown: return state.screen.controller.move(max(1, layout.bodyHeight - 1), &state)
        case .top: return state.screen.controller.move(Int.min / 2, &state)
        case .bottom: return state.screen.controller.move(Int.max / 2, &state)
        case .focusNext, .focusPrevious:
            let panes = Pane.allCases
            let step = action == .focusNext ? 1 : panes.count - 1
            state.focus = panes[(state.focus.rawValue + step) % panes.count]
            return []
        case .open:
            return open(&state)
        case .log:
            guard let (id, name) = selectedCustomer(state) else {
                state.prompt = Prompt(purpose: .logFor, field: TextField())
                return []
            }
            state.prompt = Prompt(purpose: .log(customerID: id, name: name), field: TextField())
            return []
        case .logFor:
            state.prompt = Prompt(purpose: .logFor, field: TextField())
            return []
        case .importFile:
            state.prompt = Prompt(purpose: .importFile, field: TextField())
            return []
        case .snooze:
            guard let (id, name) = selectedFollowUp(state) else {
                state.message = StatusMessage(text: Language.say("only a follow-up can be snoozed", "只有跟进可以推迟"), isError: true)
                return []
            }
            state.prompt = Prompt(purpose: .snooze(followUpID: id, name: name), field: TextField())
            return []
        case .done:
            guard let (id, _) = selectedFollowUp(state) else {
                state.message = StatusMessage(text: Language.say("only a follow-up can be marked done", "只有跟进可以标记完成"), isError: true)
                return []
            }
            return [.completeFollowUp(followUpID: id)]
        case .filter:
            let wasToday = state.screen == .today
            state.screen = .main
            // A new search each time; ↑ brings back the one kept.
            state.prompt = Prompt(purpose: .filter, field: TextField(), recall: state.list.filter)
            return wasToday && state.list.rows.isEmpty ? loadList(&state, offset: 0) + [.loadFunnel] : []
        case .cycleSort:
            state.list.sort = state.list.sort.next
            state.message = StatusMessage(text: Language.say("sorted by ", "排序：") + state.list.sort.label, isError: false)
            guard state.list.filter == nil else { return [] }
            state.list.window = ListWindow()
            return loadList(&state, offset: 0)
        case .edit:
            guard let card = state.card, selectedCustomer(state)?.0 == card.customer.id else { return [] }
            state.form = CustomerForm(customer: card.customer)
            return []
        case .addCustomer:
            state.form = CustomerForm(customer: Customer(name: "", createdAt: state.now))
            return []
        case .undo:
            return [.undo]
        case .editEntry:
            guard let card = state.card, let item = selectedItem(state) else { return [] }
            let name = card.customer.name
            switch item {
            case .customer(let c): state.form = CustomerForm(customer: c)
            case .contact(let p): state.contactForm = ContactForm(person: p)
            case .deal(let d): state.dealForm = DealForm(deal: d, customerName: name)
            case .contract:
                state.message = StatusMessage(text: Language.say("a contract is not edited: x cancels it, then w wins the deal again", "合同不能编辑：按 x 取消它，再按 w 重新赢单"), isError: true)
            case .payment:
                state.message = StatusMessage(text: Language.say("a payment is not edited: x voids it, then p records the right amount", "收款不能编辑：按 x 作废，再按 p 记录正确金额"), isError: true)
            case .followUp(let f):
                guard let id = f.id else { return [] }
                state.prompt = Prompt(purpose: .snooze(followUpID: id, name: name), field: TextField())
            case .interaction(let i):
                guard let id = i.id else { return [] }
                state.prompt = Prompt(purpose: .correct(interactionID: id, name: name),
                                      field: TextField(QuickLog.line(kind: i.kind, note: TerminalText.sanitized(i.note), outcome: i.outcome)))
            }
            return []
        case .mergeInto:
            guard let card = state.card, let id = card.customer.id else { return [] }
            state.prompt = Prompt(purpose: .merge(keepID: id, name: card.customer.name), field: TextField())
            return []
        case .removeEntry:
            guard let card = state.card, let item = selectedItem(state) else { return [] }
            state.prompt = Prompt(purpose: .remove(item, name: card.customer.name), field: TextField())
            return []
        case .addDeal:
            guard let (id, name) = selectedCustomer(state) else { return [] }
            state.dealForm = DealForm(customerID: id, customerName: name)
            return []
        case .moveDeal: return dealKey(.move, &state)
        case .winDeal: return dealKey(.win, &state)
        case .loseDeal: return dealKey(.lose, &state)
        case .pay: return payKey(&state)
        case .toggleFunnel:
            state.funnelByAmount.toggle()
            return []
        case .submit, .cancel, .nextField, .previousField, .pastChecklist, .toStage:
            // A form's and the chooser's own keys, read by their handlers.
            return []
        }
    }

    // MARK: - Moving

    /// Moves the selection from entry to entry; the pane scrolls to show the whole entry
    /// when it fits, its first line always. A pane without entries scrolls line by line.
    static func selectEntry(_ window: inout ListWindow, _ delta: Int, in pane: SelectableLines, height: Int) {
        guard !pane.items.isEmpty else {
            scroll(&window, delta, lines: pane.lines.count, height: height)
            return
        }
        let selected = max(0, min(window.selected &+ delta, pane.items.count - 1))
        guard let span = pane.span(of: selected) else { return }
        window.selected = selected
        window.top = min(max(window.top, span.upperBound - max(1, height) + 1), span.lowerBound)
    }

    /// Scrolls a text pane so that its top line stays within the text.
    static func scroll(_ window: inout ListWindow, _ delta: Int, lines: Int, height: Int) {
        window.top = max(0, min(window.top &+ delta, max(0, lines - height)))
    }

    // MARK: - Opening and selection

    private static func open(_ state: inout AppState) -> [Effect] {
        if state.screen == .today, case .more = state.todayRows[safe: state.todayWindow.selected] {
            state.todayLimit *= 2
            return [.loadToday(limit: state.todayLimit)]
        }
        return CardScreen.show(&state)
    }

    /// The customer the selection is on, with the name for the prompt.
    static func selectedCustomer(_ state: AppState) -> (Int64, String)? {
        state.screen.controller.selectedCustomer(state)
    }

    /// The entry selected on the card screen, or in the customers screen's timeline pane.
    static func selectedItem(_ state: AppState) -> CardItem? {
        if state.screen == .card { return CardScreen.lines(state).items[safe: state.cardWindow.selected]?.item }
        let layout = Layout(size: state.size)
        return Presentation.timeline(state.card, width: layout.rightWidth, today: state.today).items[safe: state.timelineWindow.selected]?.item
    }

    private static func selectedFollowUp(_ state: AppState) -> (Int64, String)? {
        guard state.screen == .today else { return nil }
        switch state.todayRows[safe: state.todayWindow.selected] {
        case .reminder(let r): return r.followUpID.map { ($0, r.customer.name) }
        case .upcoming(let f): return (f.id, f.customer.name)
        default: return nil
        }
    }

    /// The timeline follows the list's selection on the main screen; the card screen shows
    /// the customer that was opened, whatever the list has selected.
    static func loadSelectedCard(_ state: AppState) -> [Effect] {
        guard state.screen == .main, let row = state.list.selectedRow,
              state.card?.customer.id != row.summary.id
        else { return [] }
        return [.loadCard(customerID: row.summary.id)]
    }

    /// Loads the list page at `offset` (of the filtered ids when filtering).
    static func loadList(_ state: inout AppState, offset: Int) -> [Effect] {
        state.list.loading = true
        if state.list.filter != nil {
            let ids = state.list.filterIDs
            let start = min(offset, ids.count)
            return [.loadFilteredRows(ids: Array(ids[start..<min(ids.count, start + filterPageSize)]), offset: start)]
        }
        return [.loadCustomers(sort: state.list.sort, offset: offset, limit: pageSize)]
    }

    private static func clearFilter(_ state: inout AppState) -> [Effect] {
        state.list.filter = nil
        state.list.filterIDs = []
        state.list.window = ListWindow()
        return loadList(&state, offset: 0)
    }

    /// After a write, everything that shows it is read again: the today view, the list
    /// page and the funnel once shown, the card.
    private static func reloadAfterWrite(_ state: AppState, customerID: Int64?) -> [Effect] {
        Screen.allCases.flatMap { $0.controller.reload(state, customerID: customerID) }
    }

    // MARK: - Prompt and form

    private static func handlePrompt(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var prompt = state.prompt else { return [] }
        if case .remove(let item, _) = prompt.purpose {
            state.prompt = nil
            guard key == .char("y") || key == .char("Y") else {
                state.message = StatusMessage(text: Language.say("kept", "已保留"), isError: false)
                return []
            }
            return [.remove(item)]
        }
        switch key {
        case .escape:
            state.prompt = nil
            if prompt.purpose == .filter { return clearFilter(&state) }
            return []
        case .enter:
            return submit(prompt, &state)
        case .char(let digit) where prompt.purpose == .logFor && prompt.field.text.isEmpty && digit.isWholeNumber:
            // A recent customer by their number: the usual log prompt for them.
            guard let n = digit.wholeNumberValue, n >= 1, let recent = state.recent[safe: n - 1] else { return [] }
            state.prompt = Prompt(purpose: .log(customerID: recent.id, name: recent.name), field: TextField())
            return []
        case .tab:
            // In the log prompt Tab writes ` next `: a call with a date is l, the note, Tab,
            // the date, Enter.
            if prompt.purpose == .logFor || { if case .log = prompt.purpose { true } else { false } }() {
                let before = prompt.field.cursor > 0 ? prompt.field.characters[prompt.field.cursor - 1] : " "
                prompt.field.insert(before == " " ? "next " : " next ")
                prompt.error = nil
                state.prompt = prompt
            }
            return []
        default:
            if key == .up, let recall = prompt.recall {
                prompt.field = TextField(recall)
                prompt.recall = nil
            } else {
                guard prompt.field.handle(key) else { return [] }
            }
            prompt.error = nil
            state.prompt = prompt
            if prompt.purpose == .logFor {
                let reference = LogFor.reference(in: prompt.field.text)
                guard !reference.isEmpty else {
                    state.prompt?.candidates = []
                    state.prompt?.candidatesFor = ""
                    return []
                }
                return reference == prompt.candidatesFor ? [] : [.findCandidates(query: reference)]
            }
            guard prompt.purpose == .filter else { return [] }
            let query = prompt.field.text
            if query.allSatisfy({ $0 == " " }) {
                return state.list.filter == nil ? [] : clearFilter(&state)
            }
            state.list.filter = query
            state.list.loading = true
            return [.filterCustomers(query: query)]
        }
    }

    private static func submit(_ prompt: Prompt, _ state: inout AppState) -> [Effect] {
        switch prompt.purpose {
        case .log(let id, let name):
            return log(prompt.field.text, for: id, name, &state)
        case .logFor:
            let reference = LogFor.reference(in: prompt.field.text)
            guard !reference.isEmpty else {
                state.prompt?.error = Language.say("start with the customer: a name, pinyin (wjg), phone or #id; or 1–9 for a recent one", "先写客户：姓名、拼音（wjg）、电话或 #编号；或用 1–9 选最近的客户")
                return []
            }
            guard prompt.candidatesFor == reference, let customer = prompt.candidates.first?.summary else {
                state.prompt?.error = Language.say("no customer matches ", "没有匹配的客户：") + TerminalText.sanitized(reference).quotedForMessage
                return []
            }
            return log(String(prompt.field.text.drop { $0 == " " }.drop { $0 != " " }), for: customer.id, customer.name, &state)
        case .snooze(let id, _):
            do {
                let when = try DateExpression.parse(prompt.field.text, today: state.today)
                guard when.day >= state.today else {
                    state.prompt?.error = Language.say("snooze to today or later, not \(when)", "只能推迟到今天或以后，不能是 \(when)")
                    return []
                }
                return [.snooze(followUpID: id, to: when)]
            } catch {
                state.prompt?.error = error.description
                return []
            }
        case .filter:
            state.prompt = nil
            state.list.window = ListWindow()
            return loadSelectedCard(state)
        case .pay(let id, let position, _, let currency):
            do {
                return [.pay(contractID: id, position: position, amount: try Money(parsing: prompt.field.text, currency: currency))]
            } catch {
                state.prompt?.error = error.description
                return []
            }
        case .correct(let id, _):
            do {
                let entry = try QuickLog.parse(prompt.field.text, today: state.today)
                guard entry.next == nil else {
                    state.prompt?.error = Language.say("a correction schedules nothing; log a new entry (l) for the next follow-up", "更正不会安排跟进；要安排下次跟进，请记录新条目（l）")
                    return []
                }
                return [.correctInteraction(interactionID: id, entry: entry)]
            } catch {
                state.prompt?.error = error.description
                return []
            }
        case .importFile:
            guard !prompt.field.text.trimmingSpaces().isEmpty else {
                state.prompt?.error = Language.say("name the file: ~/客户.csv, contacts.vcf", "写出文件名：~/客户.csv、contacts.vcf")
                return []
            }
            return [.previewImport(path: prompt.field.text)]
        case .merge(let id, _):
            let other = prompt.field.text.trimmingSpaces()
            guard !other.isEmpty else {
                state.prompt?.error = Language.say("name the duplicate: #id, name, phone or pinyin", "写出重复的客户：#编号、姓名、电话或拼音")
                return []
            }
            return [.mergeCustomer(keep: id, other: other)]
        case .remove:
            return []
        }
    }

    /// A log line for a customer: the log effect, or the line's error on the prompt.
    private static func log(_ line: String, for id: Int64, _ name: String, _ state: inout AppState) -> [Effect] {
        do {
            let entry = try QuickLog.parse(line, today: state.today)
            if let next = entry.next, next.day < state.today {
                state.prompt?.error = Language.say("the next follow-up cannot be in the past (\(next))", "下次跟进不能在过去（\(next)）")
                return []
            }
            state.remember(id, name)
            return [.log(customerID: id, entry: entry)]
        } catch {
            state.prompt?.error = error.description
            return []
        }
    }

    /// The dry run's report: `y` imports, j/k and the page keys scroll, any other key cancels.
    private static func handleImportPreview(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var preview = state.importPreview else { return [] }
        let height = Layout(size: state.size).bodyHeight - 1
        let delta: Int? = switch key {
        case .char("j"), .down: 1
        case .char("k"), .up: -1
        case .pageDown, .char(" "): max(1, height - 1)
        case .pageUp: -max(1, height - 1)
        default: nil
        }
        if let delta {
            preview.top = max(0, min(preview.top + delta, preview.lines.count - height))
            state.importPreview = preview
            return []
        }
        state.importPreview = nil
        guard key == .char("y") || key == .char("Y") else {
            state.message = StatusMessage(text: Language.say("nothing imported", "没有导入"), isError: false)
            return []
        }
        guard preview.writes else {
            state.message = StatusMessage(text: Language.say("the file adds and changes nothing: nothing imported", "文件没有新增或改动任何内容：没有导入"), isError: false)
            return []
        }
        return [.importFile(path: preview.path)]
    }

    private static func handleForm(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var form = state.form else { return [] }
        switch form.handle(key) {
        case .cancel:
            state.form = nil
            state.message = StatusMessage(text: Language.say("nothing saved", "没有保存"), isError: false)
            return []
        case .submit:
            do {
                return [.saveCustomer(try form.customer(now: state.now))]
            } catch let error as RapportError {
                form.error = error.description
            } catch {
                form.error = "\(error)"
            }
        case .handled: break
        }
        state.form = form
        return []
    }

    private static func handleContactForm(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var form = state.contactForm else { return [] }
        switch form.handle(key) {
        case .cancel:
            state.contactForm = nil
            state.message = StatusMessage(text: Language.say("nothing saved", "没有保存"), isError: false)
            return []
        case .submit:
            do {
                return [.saveContact(try form.person())]
            } catch {
                form.error = error.description
            }
        case .handled: break
        }
        state.contactForm = form
        return []
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
