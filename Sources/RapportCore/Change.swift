import RapportBase

/// One row a change to the book touched: its table, what happened to it, and its values
/// before and after by column (an update carries only the columns it changed; nil is NULL).
public struct RowChange: Sendable, Equatable {
    public enum Operation: Sendable, Equatable { case insert, update, delete }

    public var table: String
    public var operation: Operation
    /// Made by a trigger or a cascade rather than by the command itself.
    public var indirect: Bool
    public var before: [String: String?]
    public var after: [String: String?]

    public init(table: String, operation: Operation, indirect: Bool = false,
                before: [String: String?] = [:], after: [String: String?] = [:]) {
        self.table = table
        self.operation = operation
        self.indirect = indirect
        self.before = before
        self.after = after
    }

    /// A column's value after the change, else before it.
    public subscript(_ column: String) -> String? {
        (after[column] ?? before[column]) ?? nil
    }

    /// The row's own id, where it has one.
    public var id: String? { self["id"] }

    /// The columns the change set to a new value, but those the book keeps itself.
    public var editedColumns: [String] {
        let kept = ChangeWords.kept[table] ?? []
        return after.keys.filter { !kept.contains($0) && before[$0] != after[$0] }.sorted()
    }
}

/// One change as the seller's history shows it.
public struct HistoryEntry: Sendable, Equatable {
    public enum State: String, Sendable, Equatable { case done, undone }

    public var id: Int64
    public var madeAt: LocalDateTime
    /// The command line or TUI action that made it.
    public var command: String
    /// What it did, in the seller's words.
    public var summary: String
    public var state: State
    /// The customers it touched, by id.
    public var customers: [Int64]
    /// For a logged call just undone: what became of its follow-ups (`follow-up 3 reopened,
    /// follow-up 4 removed`).
    public var undoing: [String] = []

    public init(id: Int64, madeAt: LocalDateTime, command: String, summary: String, state: State, customers: [Int64]) {
        self.id = id
        self.madeAt = madeAt
        self.command = command
        self.summary = summary
        self.state = state
        self.customers = customers
    }
}

/// How the rows of a change read in the seller's words: "logged call with 王建国 (#1) at
/// 2026-11-23 14:02, follow-up 3 done, follow-up 4 added for 2026-11-27". Only what the
/// command did itself is told; what triggers and cascades did follows from it, and a removal
/// counts what went with it ("removed 王建国 (#1) with 12 interactions").
public enum ChangeWords {
    /// Per table, the columns the book derives from other rows: a change to them alone is not news.
    public static let kept: [String: Set<String>] = [
        "customer": ["attention_on", "updated_at", "search_text", "sort_key", "last_contact_at", "last_visit_at", "silent_since"],
        "follow_up": ["last_activity_at"],
        "deal": ["last_activity_at", "updated_at"],
        "contract": ["received"],
        "instalment": ["received"],
    ]

    /// What each table's rows are called, singular and plural.
    static let nouns: [String: (one: String, many: String)] = [
        "customer": ("customer", "customers"), "customer_phone": ("phone", "phones"), "customer_email": ("email", "emails"),
        "customer_tag": ("tag", "tags"), "contact_person": ("contact", "contacts"), "interaction": ("interaction", "interactions"),
        "follow_up": ("follow-up", "follow-ups"), "setting": ("setting", "settings"), "playbook": ("playbook", "playbooks"),
        "playbook_step": ("playbook step", "playbook steps"), "product": ("product", "products"), "deal": ("deal", "deals"),
        "deal_item": ("line item", "line items"), "deal_stage": ("stage move", "stage moves"), "deal_check": ("checklist tick", "checklist ticks"),
        "contract": ("contract", "contracts"), "instalment": ("instalment", "instalments"), "payment": ("payment", "payments"),
    ]

    /// What a table's row is called.
    public static func noun(_ table: String) -> String { nouns[table]?.one ?? table }

    /// Rows told one by one before a group is only counted.
    static let itemized = 3

    /// The summary of `rows`; `names` gives customers' names by id (for rows that name a
    /// customer but do not carry the name).
    public static func summary(of rows: [RowChange], names: [Int64: String]) -> String {
        let told = phrases(of: rows, names: names)
        return told.isEmpty ? "nothing changed" : told.joined(separator: ", ")
    }

    /// The summary's phrases, what the change was first; none when only derived values moved.
    public static func phrases(of rows: [RowChange], names: [Int64: String]) -> [String] {
        let parts = editedCardParts(rows)
        // A card's phones, emails and tags are told as the card: with it when it is added or
        // removed, else as an edit of it.
        var direct = rows.filter { !$0.indirect && cardParts[$0.table] == nil }
        direct.removeAll { $0.operation == .update && $0.editedColumns.isEmpty && parts[$0.id ?? ""] == nil }
        // A deal's stage moves, items and ticks, a contract's instalments: told as the deal or contract when it is in the change.
        let owners = Set(direct.map { $0.table + ":" + ($0.id ?? "") })
        direct.removeAll { row in
            guard let owner = ownedBy[row.table], let id = row[owner.column] else { return false }
            return owners.contains(owner.table + ":" + id)
        }
        let cards = Set(direct.filter { $0.table == "customer" }.compactMap(\.id))
        let editedElsewhere = parts.keys.filter { !cards.contains($0) }.sorted { (Int64($0) ?? 0) < (Int64($1) ?? 0) }
        guard !direct.isEmpty || !editedElsewhere.isEmpty else { return [] }
        var groups: [(key: String, rows: [RowChange])] = []
        for row in direct {
            let key = row.table + "." + "\(row.operation)"
            if let at = groups.firstIndex(where: { $0.key == key }) { groups[at].rows.append(row) } else { groups.append((key, [row])) }
        }
        var told: [String] = []
        let order = { (table: String) in leading.firstIndex(of: table) ?? leading.count }
        for group in groups.enumerated().sorted(by: { (order($0.element.rows[0].table), $0.offset) < (order($1.element.rows[0].table), $1.offset) })
            .map(\.element) {
            let first = group.rows[0]
            if group.rows.count > itemized {
                let noun = nouns[first.table]?.many ?? first.table
                let verb = switch first.operation { case .insert: "added"; case .update: "edited"; case .delete: "removed" }
                told.append("\(verb) \(group.rows.count.grouped) \(noun)")
            } else {
                told += group.rows.map { phrase($0, among: rows, names: names, parts: parts[$0.id ?? ""] ?? []) }
            }
        }
        told += editedElsewhere.map { "edited \(customer(Int64($0) ?? 0, names: names)): " + (parts[$0] ?? []).joined(separator: ", ") }
        return told
    }

    /// What a change is told by first (a won deal before the follow-ups it planned); other
    /// tables follow in the order the change wrote them.
    static let leading = ["interaction", "deal", "contract", "payment", "customer", "contact_person"]

    /// Rows that are parts of another: their table, the owner's table and the column naming it.
    static let ownedBy = ["deal_stage": (table: "deal", column: "deal_id"), "deal_item": (table: "deal", column: "deal_id"),
                          "deal_check": (table: "deal", column: "deal_id"), "instalment": (table: "contract", column: "contract_id")]

    /// The tables that hold parts of a customer's card: the field they are and the column holding the value.
    static let cardParts = ["customer_phone": (field: "phones", value: "number"), "customer_email": (field: "emails", value: "address"),
                            "customer_tag": (field: "tags", value: "tag")]

    /// By customer id, the parts of the card whose values changed (rows rewritten with the
    /// same values are not a change).
    static func editedCardParts(_ rows: [RowChange]) -> [String: [String]] {
        var edited: [String: [String]] = [:]
        for (table, part) in cardParts.sorted(by: { $0.value.field < $1.value.field }) {
            let touched = rows.filter { $0.table == table && !$0.indirect }
            for customer in Set(touched.compactMap { $0["customer_id"] }) {
                let mine = touched.filter { $0["customer_id"] == customer }
                let gone = mine.filter { $0.operation == .delete }.compactMap { $0.before[part.value] ?? nil }.sorted()
                let added = mine.filter { $0.operation == .insert }.compactMap { $0.after[part.value] ?? nil }.sorted()
                if gone != added || mine.contains(where: { $0.operation == .update && !$0.editedColumns.isEmpty }) {
                    edited[customer, default: []].append(part.field)
                }
            }
        }
        return edited
    }

    /// One row in words.
    static func phrase(_ row: RowChange, among rows: [RowChange], names: [Int64: String], parts: [String] = []) -> String {
        let who = row["customer_id"].flatMap(Int64.init).map { customer($0, names: names) }
        let id = row.id ?? "?"
        switch (row.table, row.operation) {
        case ("customer", .insert): return "added \(customer(Int64(id) ?? 0, names: names, row: row))"
        case ("customer", .update): return "edited \(customer(Int64(id) ?? 0, names: names, row: row)): " + (row.editedColumns + parts).joined(separator: ", ")
        case ("customer", .delete): return "removed \(customer(Int64(id) ?? 0, names: names, row: row))" + taken(among: rows)
        case ("interaction", .insert):
            return "logged \(row["kind"] ?? "interaction") with \(who ?? "?") at \(row["occurred_at"] ?? "?")"
        case ("interaction", .update): return "edited \(row["kind"] ?? "interaction") \(id) with \(who ?? "?"): " + row.editedColumns.joined(separator: ", ")
        case ("interaction", .delete): return "removed \(row["kind"] ?? "interaction") \(id) with \(who ?? "?") of \(row["occurred_at"] ?? "?")"
        case ("follow_up", .insert): return "follow-up \(id) added for \(row["due_on"] ?? "?")"
        case ("follow_up", .update):
            switch (row.before["status"] ?? nil, row.after["status"] ?? nil) {
            case ("open", "done"): return "follow-up \(id) done"
            case ("done", "open"): return "follow-up \(id) reopened"
            default:
                if let due = row.after["due_on"] ?? nil { return "follow-up \(id) moved to \(due)" }
                return "follow-up \(id) edited: " + row.editedColumns.joined(separator: ", ")
            }
        case ("follow_up", .delete): return "follow-up \(id) removed"
        case ("setting", _): return "set \(row["key"] ?? "?") to \(row["value"] ?? "its default")"
        case ("deal", .insert): return "added deal \(id) \(row["title"] ?? "") for \(who ?? "?")"
        case ("deal", .update):
            if let stage = row.after["stage"] ?? nil { return "deal \(id) moved to \(stage)" }
            return "edited deal \(id): " + row.editedColumns.joined(separator: ", ")
        case ("deal", .delete): return "removed deal \(id) \(row["title"] ?? "")" + taken(among: rows)
        case ("contract", .insert): return "signed contract \(row["number"] ?? id)"
        case ("contract", .delete): return "cancelled contract \(row["number"] ?? id)" + taken(among: rows)
        case ("payment", .insert):
            let amount = row["amount"].flatMap(Int64.init).map { Money(minorUnits: $0, currency: Currency(code: row["currency"] ?? "")) }
            return "received " + (amount.map { $0.formatted + " " + $0.currency.code } ?? "a payment") + " on \(row["paid_on"] ?? "?") (payment \(id))"
        case ("contact_person", .insert): return "added contact \(row["name"] ?? id) to \(who ?? "?")"
        case ("contact_person", .delete): return "removed contact \(row["name"] ?? id) of \(who ?? "?")"
        default:
            let noun = nouns[row.table]?.one ?? row.table
            switch row.operation {
            case .insert: return "added \(noun) \(id)"
            case .update: return "edited \(noun) \(id): " + row.editedColumns.joined(separator: ", ")
            case .delete: return "removed \(noun) \(id)"
            }
        }
    }

    /// A customer as the history names them: `王建国 (#1)`.
    static func customer(_ id: Int64, names: [Int64: String], row: RowChange? = nil) -> String {
        let name = row?["name"] ?? names[id]
        return name.map { "\($0) (#\(id))" } ?? "#\(id)"
    }

    /// What a removal took with it (the rows its cascades removed): " with 12 interactions, 2 follow-ups".
    static func taken(among rows: [RowChange]) -> String {
        let swept = sweptAlong(rows)
        return swept.isEmpty ? "" : " with " + swept
    }

    /// What a removal's cascades take that the seller counts, in the order told (a card's
    /// phones or a deal's stage moves are parts of what they belong to).
    static let swept = ["interaction", "follow_up", "contact_person", "deal", "contract", "payment"]

    /// The rows a removal's cascades removed, counted by kind: "12 interactions, 2 follow-ups".
    public static func sweptAlong(_ rows: [RowChange]) -> String {
        let counts = swept.compactMap { table -> (table: String, count: Int)? in
            let n = rows.count { $0.table == table && $0.operation == .delete && $0.indirect }
            return n == 0 ? nil : (table, n)
        }
        return counts.map { counted($0.count, $0.table) }.joined(separator: ", ")
    }

    /// A number of a table's rows in the seller's words: `1 follow-up`, `3 interactions`.
    public static func counted(_ n: Int, _ table: String) -> String {
        "\(n) " + (n == 1 ? nouns[table]?.one ?? table : nouns[table]?.many ?? table)
    }
}
