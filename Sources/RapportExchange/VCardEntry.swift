import RapportCore

/// One card of a vCard file as a customer, with what the reader could not take from it.
public struct VCardEntry: Hashable, Sendable {
    public var customer: Customer
    /// What was left out or guessed, one sentence each (`BDAY "circa 1800" is not a date; left out`).
    public var warnings: [String]
    /// The card's 1-based position in the file.
    public var card: Int
    /// The line its BEGIN:VCARD is on.
    public var line: Int

    /// The customer read from card number `card`, which begins on `line`.
    public init(customer: Customer, warnings: [String], card: Int, line: Int) {
        self.customer = customer
        self.warnings = warnings
        self.card = card
        self.line = line
    }
}
