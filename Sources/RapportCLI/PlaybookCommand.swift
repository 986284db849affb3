import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport playbook list|show|set`
struct PlaybookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "playbook",
        abstract: "After-sales playbooks: named sequences of follow-ups from a start day.",
        discussion: "Schedule one for a customer with `rapport followup plan <customer> onboarding`.",
        subcommands: [ListPlaybooks.self, ShowPlaybook.self, SetPlaybook.self],
        defaultSubcommand: ListPlaybooks.self
    )
}

extension PlaybookCommand {
    struct ListPlaybooks: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the playbooks.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let all = try global.session().database.playbooks()
            guard !all.isEmpty else {
                Terminal.write("No playbooks. Make one: rapport playbook set NAME '+1d first step' '+7d second step'\n")
                return
            }
            for p in all {
                Terminal.write(TerminalText.sanitized(p.name) + "  " + p.steps.map { "+\($0.offsetDays)d" }.joined(separator: " ") + "\n")
            }
        }
    }

    struct ShowPlaybook: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a playbook's steps.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The playbook, e.g. onboarding.") var name: String

        func run() throws {
            guard let p = try global.session().database.playbook(named: name) else {
                throw RapportError.notFound(what: "playbook", reference: name)
            }
            Terminal.write(p.steps.map { "  " + TerminalText.sanitized($0.description) }.joined(separator: "\n") + "\n")
        }
    }

    struct SetPlaybook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Create or replace a playbook.",
            discussion: HelpText.fitted("Example: rapport playbook set onboarding '+1d 服务启动通知' '+3d 使用指导' '+30d 月度价值回顾'")
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The playbook's name, one word.") var name: String
        @Argument(help: "Steps: an offset (+1d, +2w, or days) and a title, one argument each.") var steps: [String] = []

        func run() throws {
            let parsed = try steps.map { try PlaybookStep(parsing: $0) }
            let playbook = try Playbook.validated(name: name, steps: parsed)
            try global.session(.creating).database.savePlaybook(playbook)
            Terminal.write("Playbook \(TerminalText.sanitized(playbook.name)): \(playbook.steps.count) steps\n")
        }
    }
}
