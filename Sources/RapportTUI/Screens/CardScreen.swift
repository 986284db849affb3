import RapportCore

/// The customer card: every field, the contact persons, deals and contracts, and the
/// timeline, each an entry that j/k select and `e`/`x` correct.
enum CardScreen: ScreenController {
    static func title(_ state: AppState) -> String { state.card?.customer.name ?? "Customer" }

    static let contexts: [BindingContext] = [.card]

    static func context(_ state: AppState) -> BindingContext { .card }

    static func footer(_ context: BindingContext) -> [Action] {
        [.log, .editEntry, .removeEntry, .moveDeal, .pay, .undo, .back, .quit]
    }

    static func lines(_ state: AppState) -> SelectableLines {
        Presentation.card(state.card, width: state.size.width, today: state.today, pipeline: state.pipeline)
    }

    /// The card, its selected entry's first line highlighted.
    static func draw(_ state: AppState, _ layout: Layout, _ b: inout ScreenBuffer) {
        let card = lines(state)
        Renderer.lines(card.lines, from: state.cardWindow.top, layout, &b)
        guard let line = card.items[safe: state.cardWindow.selected]?.line else { return }
        let y = layout.bodyTop - 1 + line - state.cardWindow.top
        if y >= layout.bodyTop - 1, y < layout.bodyTop + layout.bodyHeight { b.style(x: 0, y: y, length: b.width, .selected) }
    }

    static func move(_ delta: Int, _ state: inout AppState) -> [Effect] {
        Reducer.selectEntry(&state.cardWindow, delta, in: lines(state), height: Layout(size: state.size).bodyHeight + 1)
        return []
    }

    static func selectedCustomer(_ state: AppState) -> (Int64, String)? {
        state.card.flatMap { c in c.customer.id.map { ($0, c.customer.name) } }
    }

    /// The card of the customer selected (Enter), opened by `Reducer.open`.
    static func show(_ state: inout AppState) -> [Effect] {
        guard let (id, name) = state.screen.controller.selectedCustomer(state) else { return [] }
        state.remember(id, name)
        state.previousScreen = state.screen
        state.screen = .card
        state.cardWindow = ListWindow()
        return state.card?.customer.id == id ? [] : [.loadCard(customerID: id)]
    }

    /// The card shown here and in the timeline pane; the customer written to, if another.
    static func reload(_ state: AppState, customerID: Int64?) -> [Effect] {
        (customerID ?? state.card?.customer.id).map { [.loadCard(customerID: $0)] } ?? []
    }
}
