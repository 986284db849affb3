/// The parts of an urgency score, named as `--explain` prints them.
public struct UrgencyTerms: Hashable, Sendable {
    /// From a follow-up's due date.
    public var due = 0.0
    /// From time past a cadence (contact, visit, first contact).
    public var cadence = 0.0
    /// From the customer's grade.
    public var grade = 0.0
    /// From a birthday's nearness.
    public var birthday = 0.0
    /// A rule's fixed weight (silent, stale, grade review, stuck, close passed).
    public var rule = 0.0
    /// From an instalment's due date.
    public var payment = 0.0
    /// From a contract's end coming near.
    public var renewal = 0.0

    public init(due: Double = 0, cadence: Double = 0, grade: Double = 0, birthday: Double = 0, rule: Double = 0,
                payment: Double = 0, renewal: Double = 0) {
        self.due = due
        self.cadence = cadence
        self.grade = grade
        self.birthday = birthday
        self.rule = rule
        self.payment = payment
        self.renewal = renewal
    }

    public var total: Double { due + cadence + grade + birthday + rule + payment + renewal }

    /// The non-zero terms with their names, in a fixed order.
    public var named: [(String, Double)] {
        [("due", due), ("cadence", cadence), ("grade", grade), ("birthday", birthday), ("rule", rule), ("payment", payment),
         ("renewal", renewal)].filter { $0.1 != 0 }
    }
}
