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

    @Test func theHelpListsEveryBinding() {
        let help = Presentation.helpLines().map(\.text).joined(separator: "\n")
        for b in KeyBindings.table {
            #expect(help.contains(b.help), "help misses \(b.help)")
        }
    }
}
