import RapportCore

/// How the columns of a call-history CSV become interaction rows, and interactions become columns.
public struct InteractionColumns: Sendable {
    /// What a column fills.
    public enum Target: Hashable, Sendable, CustomStringConvertible {
        /// The customer's name or phone number.
        case customer
        /// The customer's id in Rapport (`12` or `#12`).
        case customerID
        case kind
        /// The date, the time, or both; a separate date column and time column are joined.
        case at
        case outcome
        case note

        public var description: String {
            switch self {
            case .customer: "customer"
            case .customerID: "customer id"
            case .kind: "kind"
            case .at: "date"
            case .outcome: "outcome"
            case .note: "note"
            }
        }
    }

    /// The columns that fill the row, in file order.
    public let mapped: [MappedColumn<Target>]
    /// The columns nothing reads, for the import to report (or put in the note).
    public let unmapped: [CSVColumn]
    private let mapping: ColumnMapping<Target>
    private let width: Int

    /// The forms a date cell may take.
    public static let dateForms = "2026-11-20 14:30, 2026-11-20, 2026/11/20 14:30 or 2026年11月20日"

    /// Matches a header row; `overrides` (header → field, from `--map`) win over the synonyms.
    /// The file must have a customer column and a date column; without a kind column every row is a call.
    public init(header: [String], overrides: [String: String] = [:]) throws(RapportError) {
        mapping = try ColumnMapping(header: header, overrides: overrides, synonyms: Self.synonyms,
                                    fieldNames: "customer, customer id, kind, date, outcome, note",
                                    repeatable: { $0 == .customer || $0 == .customerID || $0 == .at || $0 == .note })
        mapped = mapping.mapped
        unmapped = mapping.unmapped
        width = header.count
        let targets = Set(mapped.map(\.target))
        guard !targets.isDisjoint(with: [.customer, .customerID]), targets.contains(.at) else {
            throw .invalid(field: "header", value: header.joined(separator: ","),
                           expected: "a call history needs a customer column (Customer, 客户) and a date column (Date, 日期)")
        }
    }

    /// The interaction a record describes; a bad value is an error naming its column, the value
    /// and the line. With `restToNotes` every unmapped non-empty cell is added to the note as `Header: value`.
    public func row(from fields: [String], line: Int, restToNotes: Bool) throws(RapportError) -> InteractionRow {
        var reference = ""
        var kind = InteractionKind.call
        var moments: [String] = []
        var outcome: Outcome?
        var notes: [String] = []
        var dateColumn: CSVColumn?
        for m in mapped {
            let value = ColumnMapping<Target>.cell(fields, m.column)
            guard !value.isEmpty else { continue }
            switch m.target {
            case .customer:
                if reference.isEmpty { reference = value }
            case .customerID:
                if reference.isEmpty { reference = value.hasPrefix("#") ? value : "#" + value }
            case .kind:
                guard let k = InteractionKind(text: value) else {
                    let names = InteractionKind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ColumnMapping<Target>.located(.invalid(field: "kind", value: value, expected: "use \(names) (or 电话, 拜访 …)"),
                                                        column: m.column, value: value, line: line)
                }
                kind = k
            case .at:
                moments.append(value)
                dateColumn = dateColumn ?? m.column
            case .outcome:
                guard let o = Outcome(text: value) else {
                    let names = Outcome.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ColumnMapping<Target>.located(.invalid(field: "outcome", value: value, expected: "use \(names) (or 接通, 未接 …)"),
                                                        column: m.column, value: value, line: line)
                }
                outcome = o
            case .note:
                notes.append(value)
            }
        }
        if restToNotes {
            notes += mapping.rest(fields, width: width)
        } else {
            try ColumnMapping<Target>.checkWidth(fields, width: width, line: line)
        }
        guard !reference.isEmpty else { throw .empty(field: "customer on line \(line)") }
        guard let dateColumn else { throw .empty(field: "date on line \(line)") }
        let moment = moments.joined(separator: " ")
        guard let at = Self.timestamp(moment) else {
            throw ColumnMapping<Target>.located(.invalid(field: "date", value: moment, expected: "write " + Self.dateForms),
                                                column: dateColumn, value: moment, line: line)
        }
        let note = notes.joined(separator: "\n")
        do {
            _ = try FieldLimits.within(note, field: "note", limit: FieldLimits.longText)
        } catch {
            throw .invalid(field: "row", value: "line \(line)", expected: error.description)
        }
        return InteractionRow(reference: reference, kind: kind, at: at, outcome: outcome, note: note, line: line)
    }

    /// A moment written with its year: `2026-11-20 14:30`, `2026-11-20T14:30:00`, `2026/11/20`,
    /// `2026年11月20日 9:05`; a day alone is taken at midnight. Relative forms (`tomorrow`) are
    /// refused: in a file they would mean the day of the import.
    static func timestamp(_ text: String) -> LocalDateTime? {
        var chars = Array(text.trimmingSpaces())
        guard chars.count >= 8, chars.prefix(4).allSatisfy(\.isASCIIDigit) else { return nil }
        // ISO's T separator and seconds, as spreadsheets and other CRMs write them.
        if chars.count > 10, chars[10] == "T" { chars[10] = " " }
        let n = chars.count
        if n >= 8, chars[n - 3] == ":", chars[n - 6] == ":", chars[(n - 2)...].allSatisfy(\.isASCIIDigit) {
            chars.removeLast(3)
        }
        guard let when = try? DateExpression.parse(String(chars), today: Day(ordinal: 0)) else { return nil }
        return LocalDateTime(day: when.day, time: when.time ?? ClockTime(clampingHour: 0, minute: 0))
    }

    static let synonyms: [String: Target] = {
        let words: [(Target, [String])] = [
            (.customer, ["Customer", "Customer Name", "Name", "Contact", "Phone", "客户", "客户名称", "姓名", "联系人", "电话"]),
            (.customerID, ["Customer ID", "ID", "客户编号"]),
            (.kind, ["Kind", "Type", "Channel", "类型", "方式", "联系方式"]),
            (.at, ["Date", "Time", "When", "At", "Date Time", "日期", "时间", "联系时间"]),
            (.outcome, ["Outcome", "Result", "结果"]),
            (.note, ["Note", "Notes", "Summary", "Description", "内容", "备注", "摘要"]),
        ]
        var table: [String: Target] = [:]
        for (target, headers) in words {
            for header in headers { table[CSVColumn.key(header)] = target }
        }
        return table
    }()

    // MARK: - Export

    /// The header of a call-history CSV export, named so that this importer reads it back.
    public static let exportHeader = ["Customer", "Kind", "Date", "Outcome", "Note"]

    /// An interaction's cells under `exportHeader`; `customer` is how the export names its customer.
    public static func exportRow(_ i: Interaction, customer: String) -> [String] {
        [customer, i.kind.rawValue, i.at.text, i.outcome?.rawValue ?? "", i.note]
    }
}
