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
            let at = Language.say("line \(line.line): ", "第\(line.line)行：")
            switch line.action {
            case .created(let id) where dryRun: out.append(at + Language.say("create \(name) (would be #\(id))", "新建 \(name)（将是 #\(id)）"))
            case .created: break
            case let .updated(id, card, changes) where changes.isEmpty:
                out.append(at + "#\(id) \(TerminalText.sanitized(card)) " + Language.say("unchanged", "无变化"))
            case let .updated(id, card, changes):
                out.append(at + (dryRun ? Language.say("update", "更新") : Language.say("updated", "已更新")) + " #\(id) \(TerminalText.sanitized(card)): "
                    + changes.map(Self.described).joined(separator: ", "))
            case .skipped(let reason):
                out.append(at + (dryRun ? Language.say("skip", "跳过") : Language.say("skipped", "已跳过")) + " \(name) (\(reason))")
            case let .conflict(id, other, shared, created):
                let outcome = switch (created, dryRun) {
                case (let new?, true): Language.say("would be imported as new (#\(new))", "将作为新客户导入（#\(new)）")
                case (_?, false): Language.say("imported as new", "已作为新客户导入")
                case (nil, true): Language.say("would be skipped", "将被跳过")
                case (nil, false): Language.say("skipped", "已跳过")
                }
                out.append(at + Language.say("\(name) shares \(TerminalText.sanitized(shared)) with #\(id) \(TerminalText.sanitized(other)) — \(outcome)",
                                             "\(name) 与 #\(id) \(TerminalText.sanitized(other)) 共用 \(TerminalText.sanitized(shared))——\(outcome)"))
            }
        }
        return out + refused.map { Language.say("refused: ", "拒收：") + TerminalText.sanitized($0) }
    }

    /// `Created 12, updated 0, skipped 1 duplicates.` — or, in a dry run, what would be.
    public func totals(dryRun: Bool, onConflict: ConflictPolicy, refused: Int) -> String {
        if Language.current == .zh {
            return (dryRun ? "试运行，什么都没写入：将新建 " : "已新建 ") + created.grouped + (dryRun ? "，更新 " : "，已更新 ") + updated.grouped
                + (dryRun ? "，跳过重复 " : "，已跳过重复 ") + skipped.grouped + (unchanged == 0 ? "" : "，无变化 " + unchanged.grouped)
                + (conflicts == 0 ? "" : "，冲突 " + conflicts.grouped + (onConflict == .new ? "（作为新客户）" : "（已跳过）"))
                + (refused == 0 ? "" : "，拒收坏行 " + refused.grouped) + "。"
        }
        return (dryRun ? "Dry run, nothing written: would create " : "Created ") + "\(created.grouped), "
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
        case .columnsLeftOut(let headers): Language.say("not imported: ", "未导入：") + headers.map(\.quotedForMessage).joined(separator: ", ")
        case .rowWarning(let text): text
        case let .cardWarning(card, line, text): "card \(card) (line \(line)): \(text)"
        case .progress: nil
        }
    }
}
