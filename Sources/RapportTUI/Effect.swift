import RapportCore

/// What the state machine asks the outside world to do; `EffectRunner` does it against
/// the store and answers with events.
public enum Effect: Equatable, Sendable {
    case loadToday(limit: Int)
    case loadCustomers(sort: CustomerSort, offset: Int, limit: Int)
    case filterCustomers(query: String)
    /// The customers a log line's first word names, for the `L` prompt.
    case findCandidates(query: String)
    case loadFilteredRows(ids: [Int64], offset: Int)
    case loadCard(customerID: Int64)
    case loadFunnel
    case log(customerID: Int64, entry: QuickLog)
    case snooze(followUpID: Int64, to: When)
    case completeFollowUp(followUpID: Int64)
    case saveCustomer(Customer)
    /// Read a deal with its ticks for the move form.
    case loadDeal(dealID: Int64, action: DealAction)
    case addDeal(Deal)
    case moveDeal(dealID: Int64, to: Stage, note: String, ticks: [ChecklistTick], force: Bool, lost: LostReason?)
    case winDeal(dealID: Int64, contract: Contract, note: String, ticks: [ChecklistTick], force: Bool, playbook: String?)
    /// Money received on a contract (on one instalment first, when given).
    case pay(contractID: Int64, position: Int?, amount: Money)
    /// Take back the last change to the book.
    case undo
    /// Correct a logged interaction (its time stays).
    case correctInteraction(interactionID: Int64, entry: QuickLog)
    /// Correct a deal's title, amount and close; a contact person's details.
    case editDeal(Deal)
    case saveContact(ContactPerson)
    /// Remove an entry of the card: a contract is cancelled, a payment voided, the
    /// customer moved to the trash.
    case remove(CardItem)
    /// Merge the customer `other` names into `keep` (their timeline, deals, phones move).
    case mergeCustomer(keep: Int64, other: String)
    /// Read a file of customers (CSV, vCards) as a dry run: what the import would do.
    case previewImport(path: String)
    /// Import it, as one change.
    case importFile(path: String)
}

/// What happens to the state machine: keys, a new size, and the answers to effects.
public enum Event: Sendable {
    case key(Key)
    case resized(Size)
    /// The today view; `emptyBook` when the book has no customer at all, so Today says how to begin.
    case todayLoaded(ReminderReport, upcoming: [DueFollowUp], emptyBook: Bool = false)
    /// A page of the list; `total` is nil for a page of the filtered list, whose size the state knows.
    case customersLoaded(rows: [CustomerRow], offset: Int, total: Int?)
    case filtered(query: String, ids: [Int64], rows: [CustomerRow])
    case candidatesFound(query: String, rows: [CustomerRow])
    case cardLoaded(CustomerCard?)
    case funnelLoaded(FunnelReport)
    case dealLoaded(DealDetail, DealAction, hasPlaybook: Bool)
    /// An import's dry run, for the seller to read before anything is written.
    case importPreviewed(ImportPreview)
    /// A write succeeded; the message says what was done.
    case saved(String, customerID: Int64?)
    /// An effect failed; the message says why.
    case failed(String)
    /// The last change was taken back; the message says which.
    case undone(String)
    /// A second passed without a key: the time now, and the book's data version (it moves
    /// when another process writes, as `rapport log` in another terminal does).
    case tick(LocalDateTime, bookVersion: Int)
}
