/// A card field's value, typed: what the store writes, `--json` prints and an import merges,
/// read and set through `CustomerField.value(of:)` and `set(_:on:)`.
public enum FieldValue: Hashable, Sendable {
    /// Free text, or a value kept as its code (`A`, `lead`, `03-15`); nil when unset.
    case text(String?)
    /// A whole number: the cadence in days.
    case number(Int?)
    /// An amount with its currency.
    case money(Money?)
    /// Texts: the tags.
    case list([String])
    /// Values with labels: the phones and emails.
    case labeled([LabeledValue])

    /// The text, nil for another kind of value.
    public var string: String? {
        if case .text(let text) = self { text } else { nil }
    }

    /// The number, nil for another kind of value.
    public var integer: Int? {
        if case .number(let n) = self { n } else { nil }
    }

    /// The amount, nil for another kind of value.
    public var amount: Money? {
        if case .money(let m) = self { m } else { nil }
    }

    /// The texts, none for another kind of value.
    public var strings: [String] {
        if case .list(let items) = self { items } else { [] }
    }

    /// The labelled values, none for another kind of value.
    public var labeledValues: [LabeledValue] {
        if case .labeled(let items) = self { items } else { [] }
    }
}
