import RapportBase
import RapportCore

/// The help: every binding of the key table by section, and the log prompt's grammar.
enum HelpScreen: ScreenController {
    static func title(_ state: AppState) -> String { Language.say("Help", "帮助") }

    static let contexts: [BindingContext] = [.help]

    static func context(_ state: AppState) -> BindingContext { .help }

    static func footer(_ context: BindingContext) -> [Action] { [.back, .quit] }

    static func draw(_ state: AppState, _ layout: Layout, _ b: inout ScreenBuffer) {
        Renderer.lines(Presentation.helpLines(), from: state.helpWindow.top, layout, &b)
    }

    static func move(_ delta: Int, _ state: inout AppState) -> [Effect] {
        Reducer.scroll(&state.helpWindow, delta, lines: Presentation.helpLines().count, height: Layout(size: state.size).bodyHeight)
        return []
    }

    static func selectedCustomer(_ state: AppState) -> (Int64, String)? { nil }

    /// Over the screen it was opened from, which Esc goes back to.
    static func show(_ state: inout AppState) -> [Effect] {
        state.helpReturn = state.screen
        state.screen = .help
        state.helpWindow = ListWindow()
        return []
    }

    static func reload(_ state: AppState, customerID: Int64?) -> [Effect] { [] }
}
