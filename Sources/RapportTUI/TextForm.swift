import RapportBase
import RapportCore

/// A form of labelled text fields, one per line: the customer card, a deal, a contact
/// person. One set of keys moves between fields and types into them, and one drawing
/// shows them, whatever the form is for.
protocol TextForm: Sendable {
    /// The line above the fields: `Edit 王建国`, `New deal for 王建国`.
    var title: String { get }
    var labels: [String] { get }
    /// What the seller may type in field `index`, for the hint line.
    func hint(_ index: Int) -> String
    func value(_ index: Int) -> TextField
    mutating func setValue(_ index: Int, _ value: TextField)
    var selected: Int { get set }
    var error: String? { get set }
}

/// What a key did to a form.
enum TextFormKey {
    case cancel, submit, handled
}

extension TextForm {
    /// The form's keys of the key table (Tab and the arrows move between fields, Enter
    /// submits, Esc cancels); anything else types.
    mutating func handle(_ key: Key) -> TextFormKey {
        let count = labels.count
        switch KeyBindings.action(for: key, in: .form) {
        case .cancel?: return .cancel
        case .submit?: return .submit
        case .nextField?: selected = (selected + 1) % count
        case .previousField?: selected = (selected + count - 1) % count
        default:
            var field = value(selected)
            if field.handle(key) {
                setValue(selected, field)
                error = nil
            }
        }
        return .handled
    }
}

/// The contact person form (`e` on a contact person of the card): every field as text.
public struct ContactForm: TextForm {
    public var original: ContactPerson
    public var values: [TextField]
    public var selected = 0
    public var error: String?

    init(person: ContactPerson) {
        original = person
        values = ContactPersonField.allCases.map { TextField(TerminalText.sanitized($0.text(of: person))) }
    }

    var title: String { Language.say("Edit contact person ", "编辑联系人 ") + TerminalText.sanitized(original.name) }
    var labels: [String] { ContactPersonField.allCases.map(\.said) }
    func hint(_ index: Int) -> String { ContactPersonField.allCases[index].hint }
    func value(_ index: Int) -> TextField { values[index] }
    mutating func setValue(_ index: Int, _ value: TextField) { values[index] = value }

    /// The edited person, or the first field that does not read.
    func person() throws(RapportError) -> ContactPerson {
        var p = original
        for (field, value) in zip(ContactPersonField.allCases, values) { try field.apply(value.text, to: &p) }
        return p
    }
}
