import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport config [set KEY VALUE | reset KEY]`
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show and change the settings: cadences, windows, urgency weights, stage probabilities and checklists.",
        subcommands: [ShowSettings.self, SetSetting.self, ResetSetting.self],
        defaultSubcommand: ShowSettings.self
    )
}

extension Config {
    struct ShowSettings: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "List every setting with its value and default.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let settings = try global.session().database.settings()
            var table = TextTable([.init(title: "Setting"), .init(title: "Value", alignment: .right),
                                   .init(title: "Default", alignment: .right), .init(title: "Meaning", maxWidth: 70)])
            var checklists = ""
            for s in Setting.all {
                let value = s.text(in: settings)
                let standard = s.text(in: .defaults)
                if case .checklist = s.kind {
                    // Checklists are lists of sentences: one item a line, below the table.
                    checklists += "\n" + Style.bold.apply(s.key) + (value == standard ? " (default)" : " (changed)") + "  " + s.help + "\n"
                    let items = value == "none" ? [] : value.split(separator: "|").map { $0.trimmingSpaces() }
                    if items.isEmpty { checklists += "  none\n" }
                    for (i, item) in items.enumerated() { checklists += "  \(i + 1). " + TerminalText.sanitized(item) + "\n" }
                    continue
                }
                table.append([s.key, value, standard, s.help], style: value == standard ? nil : .bold)
            }
            Terminal.write(table.render() + checklists)
        }
    }

    struct SetSetting: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Change a setting.",
            discussion: """
                Examples: rapport config set cadence.A 10   rapport config set cadence.C none   rapport config set probability.proposal 50
                          rapport config set checklist.closing "objections recorded | terms agreed | budget approved"
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The setting, as `rapport config` lists it.") var key: String
        @Argument(help: "The new value.") var value: String

        func run() throws {
            let setting = try Setting.named(key)
            let text = try setting.canonical(value)
            try global.session(.creating).database.setSetting(setting.key, to: text)
            Terminal.write("\(setting.key) = \(text)\n")
        }
    }

    struct ResetSetting: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset", abstract: "Put a setting back to its default.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The setting, as `rapport config` lists it.") var key: String

        func run() throws {
            let setting = try Setting.named(key)
            let text = setting.text(in: .defaults)
            try global.session(.creating).database.setSetting(setting.key, to: text)
            Terminal.write("\(setting.key) = \(text) (the default)\n")
        }
    }
}
