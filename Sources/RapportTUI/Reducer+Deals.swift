import RapportBase
import RapportCore

// The deal keys (d m w x p f) and their forms: which deal a key means, the move form with
// its checklist, the new-deal form, the chooser between a customer's deals, the pay prompt.
extension Reducer {
    // MARK: - Which deal

    /// `m`, `w`, `x`: the deal of the selected reminder in the today view or the deal selected
    /// on the card, else the selected customer's open deal (a won one too, for `m` to paid);
    /// a chooser when they have several.
    static func dealKey(_ action: DealAction, _ state: inout AppState) -> [Effect] {
        if state.screen == .today {
            guard case .reminder(let r) = state.todayRows[safe: state.todayWindow.selected], let dealID = r.dealID else {
                state.message = StatusMessage(text: "select a deal's reminder, or open the customer (Enter)", isError: true)
                return []
            }
            return [.loadDeal(dealID: dealID, action: action)]
        }
        if case .deal(let d)? = selectedItem(state), let dealID = d.id { return [.loadDeal(dealID: dealID, action: action)] }
        guard let (id, name) = selectedCustomer(state) else { return [] }
        guard let card = state.card, card.customer.id == id else {
            state.message = StatusMessage(text: "loading the customer…", isError: false)
            return []
        }
        let deals = card.deals.filter { $0.stage.isOpen || (action == .move && $0.stage == .won) }
        switch deals.count {
        case 0:
            state.message = StatusMessage(text: TerminalText.sanitized(name) + " has no open deal: d adds one", isError: true)
            return []
        case 1:
            return deals[0].id.map { [.loadDeal(dealID: $0, action: action)] } ?? []
        default:
            state.picker = DealPicker(deals: deals, purpose: action)
            return []
        }
    }

    static func openMoveForm(_ detail: DealDetail, _ action: DealAction, hasPlaybook: Bool, _ state: inout AppState) {
        let form = MoveForm(detail: detail, pipeline: state.pipeline, target: action.target(from: detail.deal.stage),
                            hasPlaybook: hasPlaybook)
        guard !form.targets.isEmpty else {
            state.message = StatusMessage(text: "deal \(detail.deal.id ?? 0) is \(detail.deal.stage.rawValue); it cannot move", isError: true)
            return
        }
        guard action == .move || form.targets.contains(action.target(from: detail.deal.stage)) else {
            state.message = StatusMessage(text: "deal \(detail.deal.id ?? 0) is \(detail.deal.stage.rawValue); it can only move to paid",
                                          isError: true)
            return
        }
        state.moveForm = form
    }

    /// `p`: the contract of the selected payment reminder or the contract selected on the
    /// card, else the selected customer's one contract with money owed; the prompt starts
    /// with what is due.
    static func payKey(_ state: inout AppState) -> [Effect] {
        if state.screen == .today {
            guard case .reminder(let r) = state.todayRows[safe: state.todayWindow.selected], let contractID = r.contractID,
                  case .payment(let number, let position, _, let remaining) = r.reason else {
                state.message = StatusMessage(text: "select a payment reminder, or open the customer (Enter)", isError: true)
                return []
            }
            state.prompt = Prompt(purpose: .pay(contractID: contractID, position: position, label: number + "/" + String(position),
                                                currency: remaining.currency),
                                  field: TextField(remaining.formatted))
            return []
        }
        guard let (id, name) = selectedCustomer(state), let card = state.card, card.customer.id == id else { return [] }
        let owing: [Contract]
        if case .contract(let k)? = selectedItem(state) {
            owing = [k]
        } else {
            owing = card.contracts.filter { $0.outstanding.minorUnits > 0 }
        }
        guard owing.count == 1, let contract = owing.first, let contractID = contract.id else {
            state.message = StatusMessage(text: TerminalText.sanitized(name) + (owing.isEmpty ? " owes nothing on any contract"
                                              : " owes on \(owing.count) contracts: select one on the card (Enter) and press p"),
                                          isError: true)
            return []
        }
        let next = contract.instalments.first { !$0.isPaid }
        state.prompt = Prompt(purpose: .pay(contractID: contractID, position: next?.position, label: contract.number,
                                            currency: contract.amount.currency),
                              field: TextField((next?.remaining ?? contract.outstanding).formatted))
        return []
    }

    // MARK: - The chooser

    static func handlePicker(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var picker = state.picker else { return [] }
        switch KeyBindings.action(for: key, in: .chooser) {
        case .cancel?:
            state.picker = nil
            return []
        case .nextField?:
            picker.selected = min(picker.deals.count - 1, picker.selected + 1)
        case .previousField?:
            picker.selected = max(0, picker.selected - 1)
        case .submit?:
            state.picker = nil
            return picker.deals[safe: picker.selected]?.id.map { [.loadDeal(dealID: $0, action: picker.purpose)] } ?? []
        default:
            // 1–9 choose directly.
            guard case .char(let c) = key, let n = Int(String(c)), (1...picker.deals.count).contains(n), let id = picker.deals[n - 1].id
            else { return [] }
            state.picker = nil
            return [.loadDeal(dealID: id, action: picker.purpose)]
        }
        state.picker = picker
        return []
    }

    // MARK: - The forms

    static func handleMoveForm(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var form = state.moveForm else { return [] }
        let count = form.rows.count
        let onText = form.field(form.selectedRow) != nil
        // Off a text row j and k move too; on a text row they are typing.
        let action = KeyBindings.action(for: key, in: .form)
            ?? (onText ? nil : key == .char("j") ? .nextField : key == .char("k") ? .previousField : nil)
        switch (action, key) {
        case (.cancel?, _):
            state.moveForm = nil
            state.message = StatusMessage(text: "nothing moved", isError: false)
            return []
        case (.submit?, _):
            do {
                return [try form.effect(today: state.today, now: state.now)]
            } catch {
                form.error = error.description
            }
        case (.nextField?, _):
            form.selected = (form.selected + 1) % count
        case (.previousField?, _):
            form.selected = (form.selected + count - 1) % count
        case (.pastChecklist?, _):
            form.selected = form.rows.lastIndex { if case .item = $0 { true } else { false } }.map { $0 + 1 } ?? form.selected
        case (.toStage?, _):
            form.selected = 0
        // The form's own keys off a text row: ←/→ choose, Space ticks.
        case (nil, .left) where !onText, (nil, .right) where !onText:
            form.cycle(key == .left ? -1 : 1)
            form.error = nil
        case (nil, .char(" ")) where !onText:
            if form.toggle() { form.error = nil }
        default:
            let row = form.selectedRow
            guard var field = form.field(row), field.handle(key) else { break }
            form.setField(row, field)
            form.error = nil
        }
        form.selected = min(form.selected, form.rows.count - 1)
        state.moveForm = form
        return []
    }

    static func handleDealForm(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var form = state.dealForm else { return [] }
        switch form.handle(key) {
        case .cancel:
            state.dealForm = nil
            state.message = StatusMessage(text: "nothing saved", isError: false)
            return []
        case .submit:
            do {
                let deal = try form.deal(pipeline: state.pipeline, today: state.today, now: state.now)
                return [deal.id == nil ? .addDeal(deal) : .editDeal(deal)]
            } catch {
                form.error = error.description
            }
        case .handled: break
        }
        state.dealForm = form
        return []
    }
}
