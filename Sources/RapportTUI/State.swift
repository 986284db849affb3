import RapportBase
import RapportCore

/// Width and height in cells.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Below this the screen says so instead of drawing garbage.
    public static let minimum = Size(width: 60, height: 15)

    public var isTooSmall: Bool { width < Size.minimum.width || height < Size.minimum.height }
}

/// The three panes of the main screen, in Tab order.
public enum Pane: Int, CaseIterable, Sendable {
    case list, timeline, funnel
}

/// How the customer list is ordered; `o` cycles.
public enum CustomerSort: String, CaseIterable, Sendable {
    /// When the customer next needs the seller: the most overdue first.
    case attention
    case name
    /// Oldest last contact first (never contacted at the top).
    case lastContact

    public var label: String {
        switch self {
        case .attention: Language.say("attention", "紧急程度")
        case .name: Language.say("name", "姓名")
        case .lastContact: Language.say("last contact", "上次联系")
        }
    }

    var next: CustomerSort {
        let all = CustomerSort.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }
}

/// What the card screen and the timeline pane can select, correct (`e`) and remove (`x`).
public enum CardItem: Hashable, Sendable {
    /// The card itself, on its first line: `e` edits the fields, `x` moves the customer to the trash.
    case customer(Customer)
    case contact(ContactPerson)
    case deal(Deal)
    /// Removing a contract cancels it.
    case contract(Contract)
    /// Removing a payment voids it: the record stays, marked void.
    case payment(Payment)
    case followUp(FollowUp)
    case interaction(Interaction)
}

/// A selection and scroll position over a list of `count` rows seen through `height` rows:
/// the one list widget every pane uses.
public struct ListWindow: Hashable, Sendable {
    public var selected = 0
    public var top = 0

    /// Moves the selection by `delta`, clamped, and scrolls to keep it in view.
    mutating func move(_ delta: Int, count: Int, height: Int) {
        select(selected + delta, count: count, height: height)
    }

    mutating func select(_ row: Int, count: Int, height: Int) {
        selected = count == 0 ? 0 : min(max(0, row), count - 1)
        reveal(height: height)
    }

    mutating func reveal(height: Int) {
        let h = max(1, height)
        if selected < top { top = selected }
        if selected >= top + h { top = selected - h + 1 }
        top = max(0, top)
    }
}

/// The customer list: a window of loaded rows over the whole (or filtered) book.
public struct CustomerListState: Sendable {
    public var sort: CustomerSort = .attention
    /// Rows loaded, starting at list position `offset`.
    public var rows: [CustomerRow] = []
    public var offset = 0
    /// How many customers the list has (the filtered count when filtering).
    public var total = 0
    public var window = ListWindow()
    /// The active filter and the ids it matched, in list order.
    public var filter: String?
    public var filterIDs: [Int64] = []
    public var loading = false

    /// The row at a list position, if loaded.
    func row(at position: Int) -> CustomerRow? {
        let i = position - offset
        return i >= 0 && i < rows.count ? rows[i] : nil
    }

    var selectedRow: CustomerRow? { row(at: window.selected) }
}

/// The `L` prompt's line: the customer first, then the log line.
enum LogFor {
    /// The line's first word, the customer it names.
    static func reference(in line: String) -> String {
        String(line.drop { $0 == " " }.prefix { $0 != " " })
    }
}

/// A one-line prompt at the bottom of the screen.
public struct Prompt: Sendable {
    public enum Purpose: Sendable, Equatable {
        /// Log an interaction with this customer.
        case log(customerID: Int64, name: String)
        /// Move this follow-up to another day.
        case snooze(followUpID: Int64, name: String)
        /// Filter the customer list as you type.
        case filter
        /// Record money received on a contract (its instalment `position` first, when given).
        case pay(contractID: Int64, position: Int?, label: String, currency: Currency)
        /// Correct a logged interaction's kind, outcome and note, in the log prompt's words.
        case correct(interactionID: Int64, name: String)
        /// Ask before removing an entry of the card: `y` removes it, any other key keeps it.
        case remove(CardItem, name: String)
        /// Merge the customer typed (#id, name, phone, pinyin) into this one.
        case merge(keepID: Int64, name: String)
        /// Log for the customer the line starts with (`sxm c 发了方案 next fri`), or one of
        /// the recent customers by their number.
        case logFor
        /// The file to import: its dry run comes first.
        case importFile
    }

    public var purpose: Purpose
    public var field: TextField
    /// The parser's message after a failed Enter; the text is kept.
    public var error: String?
    /// What ↑ brings back: the filter kept before this one.
    public var recall: String?
    /// In `logFor`: the customers the line's first word matches, best first, and that word.
    public var candidates: [CustomerRow] = []
    public var candidatesFor = ""

    /// The label before the typed text; a long name is cut so that at least two thirds of
    /// the line stay for typing.
    func label(width: Int) -> String {
        let name = { (n: String) in TerminalText.sanitized(n).truncated(toWidth: max(6, width / 3 - 12)) }
        switch purpose {
        case .log(_, let n): return Language.say("log " + name(n) + " ›", "记录 " + name(n) + " ›")
        case .snooze(_, let n): return Language.say("snooze " + name(n) + " until ›", "把 " + name(n) + " 推迟到 ›")
        case .filter: return "/"
        case .pay(_, _, let label, let currency):
            return Language.say("paid on " + name(label) + " " + currency.code + " ›", name(label) + " 回款 " + currency.code + " ›")
        case .correct(_, let n): return Language.say("correct the entry of " + name(n) + " ›", "更正 " + name(n) + " 的条目 ›")
        case .merge(_, let n): return Language.say("merge into " + name(n) + " the duplicate ›", "合并到 " + name(n) + " 的重复客户 ›")
        case .logFor: return Language.say("log for ›", "为谁记录 ›")
        case .importFile: return Language.say("import the file ›", "导入文件 ›")
        case .remove(let item, let n): return Presentation.removal(item, of: name(n))
        }
    }
}

/// The customer form (`a` adds, `e` edits): every card field as a text field.
public struct CustomerForm: TextForm {
    public var original: Customer
    public var fields: [(field: CustomerField, value: TextField)]
    public var selected = 0
    public var error: String?

    /// Fields start from the text as the screen shows it: escape sequences and controls
    /// a value may hold are dropped (line breaks kept), so what is edited is what is seen.
    init(customer: Customer) {
        original = customer
        fields = CustomerField.allCases.map { ($0, TextField(TerminalText.sanitizedKeepingNewlines($0.text(of: customer)))) }
    }

    var isNew: Bool { original.id == nil }

    var title: String { isNew ? Language.say("New customer", "新客户") : Language.say("Edit ", "编辑 ") + TerminalText.sanitized(original.name) }
    var labels: [String] { fields.map(\.field.said) }
    func hint(_ index: Int) -> String { fields[index].field.hint }
    func value(_ index: Int) -> TextField { fields[index].value }
    mutating func setValue(_ index: Int, _ value: TextField) { fields[index].value = value }

    /// The edited card, or the first field that does not read.
    func customer(now: LocalDateTime) throws -> Customer {
        var c = original
        for (field, value) in fields { try field.apply(value.text, to: &c) }
        c.updatedAt = now
        return try c.validated()
    }
}

/// What has the keyboard over the screen. One at a time, so which one a key, an error or
/// the drawing goes to is never a question of order.
public enum Modal: Sendable {
    case prompt(Prompt)
    case customerForm(CustomerForm)
    case dealForm(DealForm)
    case contactForm(ContactForm)
    case moveForm(MoveForm)
    case picker(DealPicker)
    case importPreview(ImportPreview)

    /// Puts an effect's error on the prompt or form, which stays open; false for the chooser,
    /// which has no line for one.
    mutating func showError(_ message: String) -> Bool {
        switch self {
        case .prompt(var p): p.error = message; self = .prompt(p)
        case .customerForm(var f): f.error = message; self = .customerForm(f)
        case .dealForm(var f): f.error = message; self = .dealForm(f)
        case .contactForm(var f): f.error = message; self = .contactForm(f)
        case .moveForm(var f): f.error = message; self = .moveForm(f)
        case .picker, .importPreview: return false
        }
        return true
    }

    /// The form of text fields, when the modal is one.
    var textForm: (any TextForm)? {
        switch self {
        case .customerForm(let f): f
        case .dealForm(let f): f
        case .contactForm(let f): f
        case .prompt, .moveForm, .picker, .importPreview: nil
        }
    }
}

// Each modal as an optional of its own: setting one opens it in place of any other,
// setting nil closes it only when it is the one open.
extension AppState {
    public var prompt: Prompt? {
        get { if case .prompt(let p)? = modal { p } else { nil } }
        set { set(newValue.map(Modal.prompt), closing: prompt != nil) }
    }

    public var form: CustomerForm? {
        get { if case .customerForm(let f)? = modal { f } else { nil } }
        set { set(newValue.map(Modal.customerForm), closing: form != nil) }
    }

    public var dealForm: DealForm? {
        get { if case .dealForm(let f)? = modal { f } else { nil } }
        set { set(newValue.map(Modal.dealForm), closing: dealForm != nil) }
    }

    public var contactForm: ContactForm? {
        get { if case .contactForm(let f)? = modal { f } else { nil } }
        set { set(newValue.map(Modal.contactForm), closing: contactForm != nil) }
    }

    public var moveForm: MoveForm? {
        get { if case .moveForm(let f)? = modal { f } else { nil } }
        set { set(newValue.map(Modal.moveForm), closing: moveForm != nil) }
    }

    public var picker: DealPicker? {
        get { if case .picker(let p)? = modal { p } else { nil } }
        set { set(newValue.map(Modal.picker), closing: picker != nil) }
    }

    public var importPreview: ImportPreview? {
        get { if case .importPreview(let p)? = modal { p } else { nil } }
        set { set(newValue.map(Modal.importPreview), closing: importPreview != nil) }
    }

    private mutating func set(_ new: Modal?, closing: Bool) {
        if let new { modal = new } else if closing { modal = nil }
    }
}

/// One line at the bottom after something happened.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
}

/// Everything the TUI shows, as a value; the reducer is the only thing that changes it.
public struct AppState: Sendable {
    public var screen: Screen = .today
    /// Where Esc from the card goes back to.
    public var previousScreen: Screen = .today
    /// Where Esc from the help goes back to (the help can open over the card).
    public var helpReturn: Screen = .today
    public var size: Size
    public var now: LocalDateTime
    public var today: Day { now.day }
    /// The book's data version at the last tick; another process's write moves it.
    public var bookVersion: Int?

    public var report: ReminderReport?
    public var upcoming: [DueFollowUp] = []
    /// No customer at all: Today says how a book begins.
    public var emptyBook = false
    /// How many of each rule the today view has loaded.
    public var todayLimit: Int
    public var todayWindow = ListWindow()

    public var focus: Pane = .list
    public var list = CustomerListState()
    /// The selected customer's card: the timeline pane and the card screen.
    public var card: CustomerCard?
    /// The timeline pane: `selected` is the entry (an open follow-up or an interaction), `top` the first line shown.
    public var timelineWindow = ListWindow()
    public var cardWindow = ListWindow()
    public var helpWindow = ListWindow()
    /// The funnel pane's figures, and whether its bars measure amounts or counts (`f`).
    public var funnel: FunnelReport?
    public var funnelByAmount = true

    /// The prompt, form or chooser that has the keyboard, if any: one at a time.
    public var modal: Modal?
    public var message: StatusMessage?
    public var settings: ReminderSettings
    public var pipeline: PipelineSettings
    public var quitting = false
    /// The customers last logged or opened, the latest first: `L` then a digit logs for one.
    public var recent: [(id: Int64, name: String)] = []
    static let recentCount = 9

    /// Puts a customer first among the recent ones.
    mutating func remember(_ id: Int64, _ name: String) {
        recent.removeAll { $0.id == id }
        recent.insert((id, name), at: 0)
        if recent.count > Self.recentCount { recent.removeLast(recent.count - Self.recentCount) }
    }

    public init(size: Size, now: LocalDateTime, settings: ReminderSettings = .defaults, pipeline: PipelineSettings = .defaults,
                todayLimit: Int = 50) {
        self.size = size
        self.now = now
        self.settings = settings
        self.pipeline = pipeline
        self.todayLimit = todayLimit
    }
}
