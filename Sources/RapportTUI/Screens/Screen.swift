import RapportCore

/// The screens of the TUI. Each is one file in `Screens/` (as calcurse keeps a pane in its
/// `ui-*.c`): its binding contexts, footer, drawing, moving, selection, what it loads when
/// shown and what it reads again after a write. Adding a screen is a case here, its file,
/// and its context and keys in the key table.
public enum Screen: Hashable, Sendable, CaseIterable {
    case today, main, card, help

    var controller: any ScreenController.Type {
        switch self {
        case .today: TodayScreen.self
        case .main: CustomersScreen.self
        case .card: CardScreen.self
        case .help: HelpScreen.self
        }
    }
}

/// What a screen supplies; the reducer and the renderer ask the screen on display.
protocol ScreenController {
    /// The header's words after `Rapport · `.
    static func title(_ state: AppState) -> String
    /// The binding contexts the screen has; the key table's rows name them.
    static var contexts: [BindingContext] { get }
    /// Where the keys apply now (the customers screen: its list, or its timeline pane).
    static func context(_ state: AppState) -> BindingContext
    /// The footer's actions in one of the screen's contexts, in order; their keys and words
    /// come from the key table.
    static func footer(_ context: BindingContext) -> [Action]
    static func draw(_ state: AppState, _ layout: Layout, _ b: inout ScreenBuffer)
    /// j/k, the page keys, top and bottom, by `delta` rows or entries.
    static func move(_ delta: Int, _ state: inout AppState) -> [Effect]
    /// The customer the selection is on, with the name a prompt shows.
    static func selectedCustomer(_ state: AppState) -> (Int64, String)?
    /// Goes to the screen; what it loads the first time it is shown.
    static func show(_ state: inout AppState) -> [Effect]
    /// What to read again after a write (or another terminal's), for what it has loaded.
    static func reload(_ state: AppState, customerID: Int64?) -> [Effect]
}

extension AppState {
    /// The binding context of what is on screen.
    var context: BindingContext { screen.controller.context(self) }
}
