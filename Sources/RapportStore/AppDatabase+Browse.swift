import GRDB
import RapportCore

/// How the TUI's customer list can be ordered, each by an index.
public enum CustomerOrder: Sendable {
    /// `attention_on`: the customer who needs the seller soonest first.
    case attention
    /// Name as pronounced (pinyin for Chinese).
    case name
    /// Oldest last contact first; never contacted at the top.
    case lastContact

    var sql: String {
        switch self {
        case .attention: "c.attention_on, c.sort_key, c.id"
        case .name: "c.sort_key, c.id"
        case .lastContact: "c.last_contact_at, c.id"
        }
    }
}

// Reads for browsing a large book a page at a time.
extension AppDatabase {
    /// How many customers the book has.
    public func customerCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0 }
    }

    /// `limit` rows of the customer list from position `offset`.
    public func customerPage(order: CustomerOrder, offset: Int, limit: Int) throws -> [CustomerRow] {
        try read { db in try Self.rows(Self.rowSQL(where: "1", orderBy: order.sql), [limit, offset], db) }
    }

    /// The list rows of these customers, in the order given.
    public func customerRows(ids: [Int64]) throws -> [CustomerRow] {
        guard !ids.isEmpty else { return [] }
        let sql = Self.rowSQL(where: "c.id IN (" + ids.map { _ in "?" }.joined(separator: ",") + ")", orderBy: "c.id")
        let rows = try read { db in try Self.rows(sql, StatementArguments(ids) + [ids.count, 0], db) }
        let byID = Dictionary(rows.map { ($0.summary.id, $0) }, uniquingKeysWith: { a, _ in a })
        return ids.compactMap { byID[$0] }
    }

    /// Every customer's search keys in name order, for filtering as the seller types.
    /// Loaded once, the first time the filter is used: a few megabytes at 100,000 customers.
    public func searchCorpus() throws -> SearchCorpus {
        try read { db in
            var corpus = SearchCorpus()
            let statement = try db.makeStatement(sql: "SELECT id, search_text FROM customer ORDER BY sort_key, id")
            try statement.forEachRow(arguments: []) { row in
                row.withText(1) { corpus.append(id: row.int64(0), stored: $0) }
            }
            return corpus
        }
    }

    /// Moves an open follow-up to another day (snoozing it), keeping its title.
    public func rescheduleFollowUp(id: Int64, to when: When) throws -> FollowUp {
        try editFollowUp(id: id, due: when, title: nil)
    }
}
