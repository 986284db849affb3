import Testing
@testable import RapportCore

/// A change's rows told in the seller's words: only what the command did, a card's parts as
/// the card, a removal with what went along, many rows counted.
struct ChangeWordsTests {
    static let names: [Int64: String] = [1: "王建国"]

    static func row(_ table: String, _ op: RowChange.Operation, indirect: Bool = false,
                    before: [String: String?] = [:], after: [String: String?] = [:]) -> RowChange {
        RowChange(table: table, operation: op, indirect: indirect, before: before, after: after)
    }

    static let cases: [(rows: [RowChange], told: String)] = [
        ([row("customer", .insert, after: ["id": "1", "name": "王建国"]),
          row("customer_phone", .insert, after: ["id": "1", "customer_id": "1", "number": "138"])],
         "added 王建国 (#1)"),
        // The derived columns a log moves are not news; the follow-up it closed is
        ([row("interaction", .insert, after: ["id": "5", "customer_id": "1", "kind": "call", "occurred_at": "2026-11-23 14:02"]),
          row("customer", .update, before: ["id": "1", "last_contact_at": nil, "attention_on": "2026-11-23"],
              after: ["last_contact_at": "2026-11-23 14:02", "attention_on": "2026-12-07"]),
          row("follow_up", .update, before: ["id": "3", "status": "open", "done_at": nil], after: ["status": "done", "done_at": "2026-11-23 14:02"])],
         "logged call with 王建国 (#1) at 2026-11-23 14:02, follow-up 3 done"),
        // Phones rewritten with the same numbers are no edit; a new number is
        ([row("customer", .update, before: ["id": "1", "updated_at": "a"], after: ["updated_at": "b"]),
          row("customer_phone", .delete, before: ["id": "1", "customer_id": "1", "number": "138"]),
          row("customer_phone", .insert, after: ["id": "2", "customer_id": "1", "number": "138"])],
         "nothing changed"),
        ([row("customer", .update, before: ["id": "1", "city": nil], after: ["city": "上海"]),
          row("customer_phone", .insert, after: ["id": "2", "customer_id": "1", "number": "021"])],
         "edited 王建国 (#1): city, phones"),
        ([row("customer_tag", .insert, after: ["customer_id": "1", "tag": "VIP"])],
         "edited 王建国 (#1): tags"),
        // A removal counts what its cascades took, in the order a seller counts them
        ([row("customer", .delete, before: ["id": "1", "name": "王建国"]),
          row("customer_phone", .delete, indirect: true, before: ["id": "1", "customer_id": "1", "number": "138"]),
          row("follow_up", .delete, indirect: true, before: ["id": "3", "customer_id": "1"]),
          row("interaction", .delete, indirect: true, before: ["id": "5", "customer_id": "1"]),
          row("interaction", .delete, indirect: true, before: ["id": "6", "customer_id": "1"])],
         "removed 王建国 (#1) with 2 interactions, 1 follow-up"),
        // A deal's first stay is part of the deal
        ([row("deal", .insert, after: ["id": "4", "customer_id": "1", "title": "年度服务"]),
          row("deal_stage", .insert, after: ["id": "9", "deal_id": "4", "stage": "lead"])],
         "added deal 4 年度服务 for 王建国 (#1)"),
        (["2", "3", "4", "5"].map { row("customer", .insert, after: ["id": $0, "name": "客户" + $0]) },
         "added 4 customers"),
        ([row("setting", .update, before: ["key": "cadence.A", "value": "14"], after: ["value": "10"])],
         "set cadence.A to 10"),
    ]

    @Test(arguments: cases.indices)
    func told(_ index: Int) {
        let (rows, told) = Self.cases[index]
        #expect(ChangeWords.summary(of: rows, names: Self.names) == told)
    }
}
