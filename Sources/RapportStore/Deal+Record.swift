import GRDB
import RapportCore

// Reading the pipeline's records from rows; writing them is in AppDatabase+Deals.swift and
// AppDatabase+Contracts.swift, inside their transactions.

extension Deal: FetchableRecord {
    /// Reads the deal's own columns; line items are filled in by the store.
    public init(row: Row) throws {
        let stageText: String = row["stage"]
        guard let stage = Stage(rawValue: stageText) else { throw StoredValueError(column: "stage", value: stageText) }
        self.init(customerID: row["customer_id"], title: row["title"], amount: try row.money("amount"), stage: stage,
                  createdAt: try row.localDateTime("created_at"))
        id = row["id"]
        probability = row["probability"]
        expectedClose = try row.optionalDay("expected_close_on")
        lostReason = (row["lost_reason"] as String?).flatMap(LostReason.init(rawValue:))
        lostNote = row["lost_note"]
        updatedAt = try row.localDateTime("updated_at")
        stageEnteredAt = try row.localDateTime("stage_entered_at")
        lastActivityAt = try row.localDateTime("last_activity_at")
    }
}

extension StageStay: FetchableRecord {
    public init(row: Row) throws {
        let stageText: String = row["stage"]
        guard let stage = Stage(rawValue: stageText) else { throw StoredValueError(column: "stage", value: stageText) }
        self.init(dealID: row["deal_id"], stage: stage, from: (row["from_stage"] as String?).flatMap(Stage.init(rawValue:)),
                  enteredAt: try row.localDateTime("entered_at"), note: row["note"],
                  leftAt: try row.optionalLocalDateTime("left_at"), leftTo: (row["left_to"] as String?).flatMap(Stage.init(rawValue:)))
        id = row["id"]
    }
}

extension Product: FetchableRecord {
    public init(row: Row) throws {
        self.init(code: row["code"], name: row["name"], unitPrice: try row.money("unit_price"), active: row["active"])
        id = row["id"]
    }
}

extension Contract: FetchableRecord {
    /// Reads the contract's own columns; instalments are filled in by the store.
    public init(row: Row) throws {
        self.init(customerID: row["customer_id"], dealID: row["deal_id"], number: row["number"], signedOn: try row.day("signed_on"),
                  startsOn: try row.day("starts_on"), endsOn: try row.optionalDay("ends_on"), amount: try row.money("amount"),
                  instalments: [], createdAt: try row.localDateTime("created_at"))
        id = row["id"]
        received = try row.money("received", bounded: false)
    }
}

extension Instalment: FetchableRecord {
    public init(row: Row) throws {
        self.init(id: row["id"], position: row["position"], dueOn: try row.day("due_on"), amount: try row.money("amount"),
                  received: try row.money("received", bounded: false))
    }
}

extension Payment: FetchableRecord {
    public init(row: Row) throws {
        self.init(contractID: row["contract_id"], instalmentID: row["instalment_id"], paidOn: try row.day("paid_on"),
                  amount: try row.money("amount"), note: row["note"])
        id = row["id"]
        voidedAt = try row.optionalLocalDateTime("voided_at")
        voidNote = row["void_note"]
    }
}
