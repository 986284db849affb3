import RapportBase
import RapportCore

/// A column of a CSV file and what an importer fills from it.
public struct MappedColumn<Target: Hashable & Sendable>: Hashable, Sendable {
    public var column: CSVColumn
    public var target: Target

    /// `column` filling `target`.
    public init(column: CSVColumn, target: Target) {
        self.column = column
        self.target = target
    }
}

/// Matches a header row to an importer's targets: the seller's overrides first, then the
/// synonym table. A target that takes one value goes to its first column; a later column
/// with the same target is reported as unmapped rather than silently dropped.
struct ColumnMapping<Target: Hashable & Sendable>: Sendable {
    var mapped: [MappedColumn<Target>]
    var unmapped: [CSVColumn]

    /// - Parameters:
    ///   - synonyms: target by header key (`CSVColumn.key`), also used to read the overrides' field names.
    ///   - fieldNames: the field names an override may use, for the error message.
    ///   - repeatable: true for targets that take several columns (phones, tags, notes).
    ///   - preferred: header keys that claim their target before the file's earlier columns do.
    init(header: [String], overrides: [String: String], synonyms: [String: Target], fieldNames: String,
         repeatable: (Target) -> Bool, preferred: Set<String> = []) throws(RapportError) {
        let columns = header.enumerated().map { CSVColumn(index: $0.offset, header: $0.element) }
        // nil marks a column the seller told to ignore.
        var chosen: [Int: Target?] = [:]
        for (name, field) in overrides.sorted(by: { $0.key < $1.key }) {
            let target: Target?
            if CSVColumn.key(field) == "ignore" {
                target = nil
            } else if let t = synonyms[CSVColumn.key(field)] {
                target = t
            } else {
                throw .invalid(field: "field", value: field, expected: "map a column to one of " + fieldNames + " or ignore")
            }
            let matching = columns.filter { CSVColumn.key($0.header) == CSVColumn.key(name) }
            guard !matching.isEmpty else { throw .notFound(what: "column", reference: name) }
            for column in matching { chosen[column.index] = .some(target) }
        }
        var taken = Set<Target>()
        var assigned: [Int: Target] = [:]
        var unassigned: [CSVColumn] = []
        // Overridden columns claim their targets before the automatic matches do, and the
        // preferred headers before the rest.
        let isPreferred = { (c: CSVColumn) in preferred.contains(CSVColumn.key(c.header)) }
        let order = columns.filter { chosen[$0.index] != nil }
            + columns.filter { chosen[$0.index] == nil && isPreferred($0) }
            + columns.filter { chosen[$0.index] == nil && !isPreferred($0) }
        for column in order {
            let target: Target?
            if let choice = chosen[column.index] {
                guard let choice else { continue }
                target = choice
            } else {
                target = synonyms[CSVColumn.key(column.header)]
            }
            guard let target, repeatable(target) || !taken.contains(target) else {
                unassigned.append(column)
                continue
            }
            taken.insert(target)
            assigned[column.index] = target
        }
        mapped = assigned.sorted { $0.key < $1.key }.map { MappedColumn(column: columns[$0.key], target: $0.value) }
        unmapped = unassigned.sorted { $0.index < $1.index }
    }

    /// The cell of a record in a column, after undoing CSV export's formula neutralization;
    /// a short row's missing cells are empty.
    static func cell(_ fields: [String], _ column: CSVColumn) -> String {
        column.index < fields.count ? CSV.restored(fields[column.index]).trimmingSpaces() : ""
    }

    /// An error about one cell, naming its column, value and line, with the reason `error` gives.
    static func located(_ error: RapportError, column: CSVColumn, value: String, line: Int) -> RapportError {
        let reason: String
        switch error {
        case .invalid(_, _, let expected): reason = expected
        case .tooLong(_, _, let length, let limit): reason = "it is \(length) characters long; the limit is \(limit)"
        case .empty: reason = "it must not be empty"
        case .money(let e): reason = e.description
        case .date(let e): reason = e.description
        default: reason = error.description
        }
        return .invalid(field: TerminalText.sanitized(column.name).truncated(toWidth: 40), value: value,
                        expected: "line \(line): \(reason)")
    }

    /// The non-empty cells no column maps, as `Header: value` lines for the notes; cells past
    /// the header are named by their position.
    func rest(_ fields: [String], width: Int) -> [String] {
        var lines: [String] = []
        for column in unmapped {
            let value = Self.cell(fields, column)
            if !value.isEmpty { lines.append("\(column.name): \(value)") }
        }
        for index in width..<max(width, fields.count) {
            let value = fields[index].trimmingSpaces()
            if !value.isEmpty { lines.append("column \(index + 1): \(value)") }
        }
        return lines
    }

    /// Refuses a row with non-empty cells beyond the header, which nothing would import.
    static func checkWidth(_ fields: [String], width: Int, line: Int) throws(RapportError) {
        guard fields.count > width else { return }
        let extra = fields[width...].filter { !$0.trimmingSpaces().isEmpty }
        guard let first = extra.first else { return }
        throw .invalid(field: "row on line \(line)", value: first,
                       expected: "it has \(fields.count) cells but the header has \(width); fix the row or put the rest in the notes")
    }
}
