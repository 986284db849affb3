import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport merge <keep> <other> [--take city,grade]`
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge a duplicate customer into the one you keep.",
        discussion: """
            The other's timeline, follow-ups, contact persons, deals and contracts (with their
            payments) move to the kept customer; phones, emails and tags are added where the kept card
            lacks them; every other field stays the kept card's, and each one that differed is listed.
            Then the other customer is deleted. One change: `rapport undo` brings both back.
            Example: rapport merge 1 7 --take city,grade
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The customer to keep: #id, name, prefix, phone or pinyin.") var keep: String
    @Argument(help: "The customer merged into it and then deleted.") var other: String
    @Option(help: ArgumentHelp("Fields to take from the other card, comma-separated: \(CustomerField.takeable.map(\.optionName).joined(separator: ", ")).",
                               valueName: "fields"))
    var take: String?

    func run() throws {
        let taking = try CustomerField.taking(take ?? "")
        let session = try global.session()
        guard let keepID = try session.database.resolveCustomer(keep).id else { throw RapportError.customerNotFound(keep) }
        guard let otherID = try session.database.resolveCustomer(other).id else { throw RapportError.customerNotFound(other) }
        let merged = try session.database.mergeCustomers(keep: keepID, other: otherID, taking: taking, now: session.now)
        Terminal.write(TerminalText.sanitized(Self.told(merged)) + "\n")
        Terminal.write("`rapport undo` takes this back.\n")
    }

    /// `Merged #7 周敏 into #1 王建国: 3 interactions, 1 follow-up; phones +1; city differed: 上海 (kept) · 深圳 (#7)`.
    static func told(_ m: MergedCustomers) -> String {
        let other = "#\(m.other.id ?? 0)"
        var parts: [String] = []
        if !m.moved.isEmpty { parts.append(m.moved.map { ChangeWords.counted($0.count, $0.table) }.joined(separator: ", ")) }
        for (what, n) in [("phones", m.merge.phonesAdded), ("emails", m.merge.emailsAdded), ("tags", m.merge.tagsAdded),
                          ("custom fields", m.merge.customFieldsAdded)] where n > 0 {
            parts.append("\(what) +\(n)")
        }
        func shown(_ value: String) -> String { value.isEmpty ? "(none)" : value }
        for d in m.merge.differences {
            parts.append(d.taken ? "\(d.field) taken from \(other): \(shown(d.other)) (was \(shown(d.kept)))"
                                 : "\(d.field) differed: \(shown(d.kept)) (kept) · \(shown(d.other)) (\(other))")
        }
        let head = "Merged \(other) \(m.other.name) into #\(m.kept.id ?? 0) \(m.kept.name)"
        return parts.isEmpty ? head + "." : head + ": " + parts.joined(separator: "; ")
    }
}
