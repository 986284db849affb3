/// Everything a seller can ask of the TUI, by name; keys map to these as data.
public enum Action: Hashable, Sendable {
    /// Go to a screen (what it loads the first time is the screen's `show`).
    case show(Screen)
    case quit, back
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case focusNext, focusPrevious
    case open, log, logFor, snooze, done, filter, cycleSort, edit, addCustomer
    case addDeal, moveDeal, winDeal, loseDeal, pay, toggleFunnel
    case undo, editEntry, removeEntry, mergeInto, importFile
    /// In a form or the chooser.
    case submit, cancel, nextField, previousField
    /// In the move form: to the line after the checklist, and back to the stage line.
    case pastChecklist, toStage
}

/// Where a binding applies: each screen has one, the customers screen two (`timeline` is
/// it with its timeline pane focused) and Today two (`start` is it on an empty book), each
/// screen's controller naming its own; and over them a form (the text forms and the move
/// form) and the deal chooser.
public enum BindingContext: String, CaseIterable, Sendable {
    case today, start, main, timeline, card, help
    case form, chooser

    /// The contexts of a modal rather than of a screen.
    static let modal: Set<BindingContext> = [.form, .chooser]
}

/// One line of the key table: keys, where they work, what they do, and the help text.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var contexts: Set<BindingContext>
    public var action: Action
    /// The word the footer shows after the key: `l log`.
    public var short: String
    public var help: String
    /// The help screen's section.
    public var section: String
}

/// The one table that drives both input and the help screen.
public enum KeyBindings {
    /// Every screen's contexts; a form's keys are its own.
    private static let everywhere = Set(BindingContext.allCases).subtracting(BindingContext.modal)
    /// The customers screen, whichever pane has the focus.
    private static let customers: Set<BindingContext> = [.main, .timeline]

    public static let table: [KeyBinding] = [
        KeyBinding(keys: [.char("t")], contexts: everywhere, action: .show(.today), short: "today", help: "today: who to call, who is forgotten", section: "Everywhere"),
        KeyBinding(keys: [.char("?")], contexts: [.today, .start, .main, .timeline, .card], action: .show(.help), short: "help", help: "this help", section: "Everywhere"),
        KeyBinding(keys: [.char("q")], contexts: everywhere, action: .quit, short: "quit", help: "quit", section: "Everywhere"),
        KeyBinding(keys: [.char("u")], contexts: [.today, .start, .main, .timeline, .card], action: .undo, short: "undo",
                   help: "undo the last change (rapport history lists them)", section: "Everywhere"),
        KeyBinding(keys: [.char("j"), .down], contexts: everywhere, action: .moveDown, short: "down", help: "down", section: "Moving"),
        KeyBinding(keys: [.char("k"), .up], contexts: everywhere, action: .moveUp, short: "up", help: "up", section: "Moving"),
        KeyBinding(keys: [.pageDown, .ctrl("d")], contexts: everywhere, action: .pageDown, short: "page", help: "page down", section: "Moving"),
        KeyBinding(keys: [.pageUp, .ctrl("u")], contexts: everywhere, action: .pageUp, short: "page", help: "page up", section: "Moving"),
        KeyBinding(keys: [.char("g"), .home], contexts: everywhere, action: .top, short: "top", help: "top", section: "Moving"),
        KeyBinding(keys: [.char("G"), .end], contexts: everywhere, action: .bottom, short: "bottom", help: "bottom", section: "Moving"),
        KeyBinding(keys: [.enter], contexts: [.today], action: .open, short: "open", help: "open the customer (on a “more” line: show more)", section: "Today"),
        KeyBinding(keys: [.char("l")], contexts: [.today, .main, .timeline, .card], action: .log, short: "log", help: "log a call, visit, … : c 谈了报价 Tab 周五 Enter", section: "Today"),
        KeyBinding(keys: [.char("L")], contexts: [.today, .main, .timeline, .card], action: .logFor, short: "log for",
                   help: "log for anyone: sxm c 谈了报价 Tab 周五; 1–9 a recent one", section: "Today"),
        KeyBinding(keys: [.char("s")], contexts: [.today], action: .snooze, short: "snooze", help: "snooze the follow-up to another day", section: "Today"),
        KeyBinding(keys: [.char("d")], contexts: [.today], action: .done, short: "done", help: "mark the follow-up done (a stale one: close it)", section: "Today"),
        KeyBinding(keys: [.tab, .escape], contexts: [.today, .start], action: .show(.main), short: "customers", help: "the customer list", section: "Today"),
        KeyBinding(keys: [.tab], contexts: customers, action: .focusNext, short: "pane", help: "next pane", section: "Customers"),
        KeyBinding(keys: [.backTab], contexts: customers, action: .focusPrevious, short: "pane", help: "previous pane", section: "Customers"),
        KeyBinding(keys: [.enter], contexts: customers, action: .open, short: "open", help: "open the customer card", section: "Customers"),
        KeyBinding(keys: [.char("/")], contexts: [.main, .timeline, .today], action: .filter, short: "filter", help: "filter by name, company, phone, pinyin (wjg)", section: "Customers"),
        KeyBinding(keys: [.char("o")], contexts: customers, action: .cycleSort, short: "sort", help: "sort by attention, name, last contact", section: "Customers"),
        KeyBinding(keys: [.char("a")], contexts: [.start, .today, .main, .timeline, .card], action: .addCustomer, short: "add", help: "add a customer",
                   section: "Customers"),
        KeyBinding(keys: [.char("i")], contexts: [.start, .today, .main, .timeline, .card], action: .importFile, short: "import",
                   help: "import a .csv or .vcf file: its dry run first, then y",
                   section: "Customers"),
        KeyBinding(keys: [.char("e")], contexts: [.main], action: .edit, short: "edit", help: "edit the customer", section: "Customers"),
        KeyBinding(keys: [.char("e")], contexts: [.timeline, .card], action: .editEntry, short: "correct",
                   help: "correct the selected entry: card, person, deal, call, follow-up",
                   section: "Customers"),
        KeyBinding(keys: [.char("x"), .delete], contexts: [.timeline, .card], action: .removeEntry, short: "remove",
                   help: "remove the selected entry (asks; a payment is voided)",
                   section: "Customers"),
        KeyBinding(keys: [.escape], contexts: customers, action: .back, short: "back", help: "clear the filter", section: "Customers"),
        KeyBinding(keys: [.char("d")], contexts: [.main, .timeline, .card], action: .addDeal, short: "deal", help: "add a deal for the customer", section: "Deals"),
        KeyBinding(keys: [.char("m")], contexts: [.today, .main, .timeline, .card], action: .moveDeal, short: "move",
                   help: "move the deal to another stage, ticking its checklist", section: "Deals"),
        KeyBinding(keys: [.char("w")], contexts: [.today, .main, .timeline, .card], action: .winDeal, short: "win",
                   help: "win the deal: contract, instalments, onboarding", section: "Deals"),
        KeyBinding(keys: [.char("x")], contexts: [.today, .main], action: .loseDeal, short: "lose", help: "lose the deal, with the reason",
                   section: "Deals"),
        KeyBinding(keys: [.char("p")], contexts: [.today, .main, .timeline, .card], action: .pay, short: "paid", help: "record a payment (回款) on the contract",
                   section: "Deals"),
        KeyBinding(keys: [.char("f")], contexts: customers, action: .toggleFunnel, short: "bars", help: "funnel bars by amount or by count",
                   section: "Deals"),
        KeyBinding(keys: [.char("M")], contexts: [.card], action: .mergeInto, short: "merge",
                   help: "merge a duplicate into this customer", section: "Card and help"),
        KeyBinding(keys: [.escape, .char("h")], contexts: [.card, .help], action: .back, short: "back", help: "back", section: "Card and help"),
        KeyBinding(keys: [.char("?")], contexts: [.help], action: .back, short: "back", help: "close the help", section: "Card and help"),
        KeyBinding(keys: [.enter], contexts: [.form, .chooser], action: .submit, short: "save", help: "save the form; take the deal chosen",
                   section: "In a form"),
        KeyBinding(keys: [.escape], contexts: [.form, .chooser], action: .cancel, short: "cancel", help: "cancel: nothing is written",
                   section: "In a form"),
        KeyBinding(keys: [.tab, .down], contexts: [.form, .chooser], action: .nextField, short: "next field", help: "next field",
                   section: "In a form"),
        KeyBinding(keys: [.backTab, .up], contexts: [.form, .chooser], action: .previousField, short: "previous", help: "previous field",
                   section: "In a form"),
        KeyBinding(keys: [.pageDown], contexts: [.form], action: .pastChecklist, short: "past the checklist",
                   help: "in the move form: the line after the checklist", section: "In a form"),
        KeyBinding(keys: [.pageUp], contexts: [.form], action: .toStage, short: "the stage",
                   help: "in the move form: back to the stage line", section: "In a form"),
        KeyBinding(keys: [.char("j")], contexts: [.chooser], action: .nextField, short: "down", help: "the next deal (1–9 take one)",
                   section: "In a form"),
        KeyBinding(keys: [.char("k")], contexts: [.chooser], action: .previousField, short: "up", help: "the deal before",
                   section: "In a form"),
    ]

    /// The action a key asks for in a context, if any.
    public static func action(for key: Key, in context: BindingContext) -> Action? {
        table.first { $0.contexts.contains(context) && $0.keys.contains(key) }?.action
    }

    /// `Enter save · Esc cancel · Tab/↓ next field · S-Tab/↑ previous`: a form's keys, from the table.
    static var formHints: String {
        [Action.submit, .cancel, .nextField, .previousField].compactMap { action in
            table.first { $0.action == action && $0.contexts.contains(.form) }.map { $0.keys.map(\.name).joined(separator: "/") + " " + $0.short }
        }.joined(separator: " · ")
    }

    /// `Enter win · Esc cancel · Tab/↓ next line · PgDn past the checklist`: the move form's keys.
    static func moveFormHints(verb: String) -> String {
        [(Action.submit, verb), (.cancel, nil), (.nextField, "next line"), (.pastChecklist, nil)].compactMap { action, word in
            table.first { $0.action == action && $0.contexts.contains(.form) }.map { $0.keys.map(\.name).joined(separator: "/") + " " + (word ?? $0.short) }
        }.joined(separator: " · ")
    }

    /// `j ↓` — the keys of a binding as the help and the footer show them.
    public static func keyNames(_ binding: KeyBinding) -> String {
        binding.keys.map(\.name).joined(separator: " ")
    }
}
