import Testing
@testable import RapportTUI

struct KeyBindingsTests {
    @Test func noKeyMeansTwoThingsInOneContext() {
        for context in BindingContext.allCases {
            var seen: [Key: Action] = [:]
            for b in KeyBindings.table where b.contexts.contains(context) {
                for key in b.keys {
                    #expect(seen[key] == nil || seen[key] == b.action, "\(key.name) is bound twice in \(context)")
                    seen[key] = b.action
                }
            }
        }
    }

    /// Each context belongs to one screen or is a modal's, and a screen's footer names only actions bound
    /// where it shows them.
    @Test func everyContextHasItsScreenAndEveryFooterActionIsBound() {
        let claimed = Screen.allCases.flatMap { $0.controller.contexts } + BindingContext.modal
        #expect(claimed.sorted { $0.rawValue < $1.rawValue } == BindingContext.allCases.sorted { $0.rawValue < $1.rawValue })
        for screen in Screen.allCases {
            for context in screen.controller.contexts {
                for action in screen.controller.footer(context) {
                    #expect(KeyBindings.table.contains { $0.action == action && $0.contexts.contains(context) },
                            "\(screen)'s footer shows \(action), which no key does in \(context)")
                }
            }
        }
    }

    @Test func aFormsStatusLineIsItsKeysFromTheTable() {
        #expect(KeyBindings.formHints == "Enter save · Esc cancel · Tab/↓ next field · S-Tab/↑ previous")
    }

    /// In a form every letter is typing: no screen's key reaches it.
    @Test func noScreenKeyIsBoundInAForm() {
        for b in KeyBindings.table where !b.contexts.isDisjoint(with: BindingContext.modal) {
            #expect([.submit, .cancel, .nextField, .previousField, .pastChecklist, .toStage].contains(b.action), "\(b.help) is bound in a form")
        }
    }
}
