import RapportBase
import RapportCore
import RapportStore

/// An import's report in words, the same in `rapport import` and in the TUI's import.
extension ImportReport {
    /// A line for each row the seller should read (created rows only in a dry run), then one
    /// for each bad row left out; the text is sanitized.
    public func rowLines(dryRun: Bool, refused: [String]) -> [String] {
        var out: [String] = []
        for line in lines {
            let name = TerminalText.sanitized(line.name)
            switch line.action {
            case .created(let id) where dryRun: out.append("line \(line.line): create \(name) (would be #\(id))")
            case .created: break
            case let .updated(id, card, changes) where changes.isEmpty:
                out.append("line \(line.line): #\(id) \(TerminalText.sanitized(card)) unchanged")
            case let .updated(id, card, changes):
                out.append("line \(line.line): \(dryRun ? "update" : "updated") #\(id) \(TerminalText.sanitized(card)): "
                    + changes.map(Self.described).joined(separator: ", "))
            case .skipped(let reason): out.append("line \(line.line): \(dryRun ? "skip" : "skipped") \(name) (\(reason))")
            case let .conflict(id, other, shared, created):
                let outcome = switch (created, dryRun) {
                case (let new?, true): "would be imported as new (#\(new))"
                case (_?, false): "imported as new"
                case (nil, true): "would be skipped"
                case (nil, false): "skipped"
                }
                out.append("line \(line.line): \(name) shares \(TerminalText.sanitized(shared)) with #\(id) \(TerminalText.sanitized(other)) — \(outcome)")
            }
        }
        return out + refused.map { "refused: " + TerminalText.sanitized($0) }
    }

    /// `Created 12, updated 0, skipped 1 duplicates.` — or, in a dry run, what would be.
    public func totals(dryRun: Bool, onConflict: ConflictPolicy, refused: Int) -> String {
        (dryRun ? "Dry run, nothing written: would create " : "Created ") + "\(created.grouped), "
            + (dryRun ? "update " : "updated ") + "\(updated.grouped), " + (dryRun ? "skip " : "skipped ") + "\(skipped.grouped) duplicates"
            + (unchanged == 0 ? "" : ", \(unchanged.grouped) unchanged")
            + (conflicts == 0 ? "" : ", \(conflicts.grouped) conflicts " + (onConflict == .new ? "added as new" : "skipped"))
            + (refused == 0 ? "" : ", refused \(refused.grouped) bad rows") + "."
    }

    /// A field an update changes, as one line shows it: `city 上海 → 深圳`, `grade → B` when it was empty.
    static func described(_ change: FieldChange) -> String {
        [change.field, TerminalText.sanitized(change.before), "→", TerminalText.sanitized(change.after)]
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}

extension ImportPipeline.Notice {
    /// What the import noticed, in words (a count of rows written has none): `not imported:
    /// "Owner"`, a value's warning, `card 2 (line 9): …`.
    public var text: String? {
        switch self {
        case .columnsLeftOut(let headers): "not imported: " + headers.map(\.quotedForMessage).joined(separator: ", ")
        case .rowWarning(let text): text
        case let .cardWarning(card, line, text): "card \(card) (line \(line)): \(text)"
        case .progress: nil
        }
    }
}
