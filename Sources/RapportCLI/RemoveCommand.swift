import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport rm <customer>`
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Move a customer, with everything under them, to the trash.",
        discussion: """
            The customer leaves every list, reminder, search and export; their timeline, follow-ups,
            contacts, deals, contracts and payments go with them and come back with them:
            rapport trash restore <id>. Example: rapport rm 周敏
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The customer: #id, name, prefix, phone or pinyin.", completion: .custom(Completions.customers))
        var customer: String

    func run() throws {
        let session = try global.session()
        guard let id = try session.database.resolveCustomer(customer).id else { throw RapportError.customerNotFound(customer) }
        let trashed = try session.database.trashCustomer(id: id)
        Terminal.write("Moved \(TrashCommand.told(trashed)) to the trash.\n")
        Terminal.write("`rapport trash restore \(id)` brings them back.\n")
    }
}

/// `rapport trash [list | restore <id> | empty [--older-than 30d]]`
struct TrashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trash",
        abstract: "The customers removed with `rapport rm`: list them, bring one back, or delete them for good.",
        subcommands: [ListTrash.self, RestoreFromTrash.self, EmptyTrash.self],
        defaultSubcommand: ListTrash.self
    )

    /// `王建国 (#1), with 12 interactions, 2 follow-ups`.
    static func told(_ t: TrashedCustomer) -> String {
        TerminalText.sanitized("\(t.name) (#\(t.customerID))" + (t.sweptAlong.isEmpty ? "" : ", with " + t.sweptAlong))
    }

    struct ListTrash: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the customers in the trash, last removed first.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try global.session()
            let trashed = try session.database.trash()
            guard !trashed.isEmpty else {
                Terminal.write("The trash is empty.\n")
                return
            }
            var table = TextTable([.init(title: "ID", alignment: .right), .init(title: "Name", maxWidth: 24), .init(title: "Removed"),
                                   .init(title: "With", maxWidth: 60)])
            for t in trashed {
                table.append([String(t.customerID), t.name, t.removedAt.text, t.sweptAlong])
            }
            Terminal.write(table.render())
        }
    }

    struct RestoreFromTrash: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore", abstract: "Bring a customer back from the trash whole, with their number.",
            discussion: "Example: rapport trash restore 12   (also: rapport restore-customer 12)")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The customer's number, as `rapport trash` lists it.") var id: Int64

        func run() throws { try Self.restore(id, global) }

        static func restore(_ id: Int64, _ global: GlobalOptions) throws {
            let session = try global.session()
            let restored = try session.database.restoreFromTrash(customer: id, now: session.now)
            Terminal.write("Restored \(TrashCommand.told(restored)).\n")
        }
    }

    struct EmptyTrash: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "empty", abstract: "Delete the customers in the trash for good (asks first on a terminal).",
            discussion: "Examples: rapport trash empty   rapport trash empty --older-than 30d --yes")

        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("older-than"), help: ArgumentHelp("Only those removed more than this long ago: 30d, 2w, 6m.", valueName: "age"))
        var olderThan: String?
        @Flag(help: "Do not ask.") var yes = false

        func run() throws {
            let session = try global.session()
            let before = try olderThan.map { LocalDateTime(day: try Self.cutoff($0, today: session.today), time: ClockTime(clampingHour: 0, minute: 0)) }
            let count = try session.database.trash().filter { t in before.map { t.removedAt < $0 } ?? true }.count
            guard count > 0 else {
                Terminal.write("Nothing to delete: " + (before.map { "nobody was removed before \($0.day.iso).\n" } ?? "the trash is empty.\n"))
                return
            }
            if !yes, PipelineInput.isInteractive, !PipelineInput.confirm("Delete \(count) customer\(count == 1 ? "" : "s") for good?") {
                Terminal.write("Nothing deleted.\n")
                return
            }
            let deleted = try session.database.emptyTrash(before: before)
            Terminal.write("Deleted \(deleted) customer\(deleted == 1 ? "" : "s") for good.\n")
        }

        /// The day before which removals go: `30d` is thirty days before today.
        static func cutoff(_ age: String, today: Day) throws -> Day {
            let t = age.trimmingSpaces().lowercased()
            let units: [(suffix: String, days: Int)] = [("d", 1), ("w", 7), ("m", 30), ("y", 365)]
            guard let unit = units.first(where: { t.hasSuffix($0.suffix) }), let n = Int(t.dropLast()), n >= 0, n <= 10_000 else {
                throw RapportError.invalid(field: "--older-than", value: age, expected: "use an age like 30d, 2w, 6m or 1y")
            }
            return today.adding(days: -n * unit.days)
        }
    }
}

/// `rapport restore-customer <id>`: the same as `rapport trash restore <id>`.
struct RestoreCustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore-customer", abstract: "Bring a customer back from the trash (as `rapport trash restore`).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The customer's number, as `rapport trash` lists it.") var id: Int64

    func run() throws { try TrashCommand.RestoreFromTrash.restore(id, global) }
}
