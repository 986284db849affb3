import ArgumentParser
import RapportCore

/// `rapport call <customer> [note…]`, and `visit`, `email`, `meeting`, `message` (or `c`,
/// `v`, `e`, `m`, `s`): `rapport log` with the kind in the command's name, the fewest keys
/// after a call. One command for the five, logging through `LogLine` as `log` does.
struct KindLog<Kind: LoggedKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        let name = Kind.kind.rawValue
        return CommandConfiguration(
            commandName: name,
            abstract: "Log \(Kind.what), as `rapport log CUSTOMER \(name) …` does.",
            discussion: "Example: rapport \(name) \(Kind.example)",
            aliases: [String(Kind.kind.shortcut)]
        )
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The customer: #id, name, prefix, phone or pinyin.", completion: .custom(Completions.customers))
        var customer: String
    @OptionGroup var line: LogLine

    func run() throws {
        try line.log(customer: customer, kind: Kind.kind, global: global)
    }
}

/// A kind of contact that is a command of its own: its name with its article, for the help,
/// and the line its help shows.
protocol LoggedKind {
    static var kind: InteractionKind { get }
    static var what: String { get }
    static var example: String { get }
}

enum CallKind: LoggedKind {
    static var kind: InteractionKind { .call }
    static var what: String { "a call" }
    static var example: String { "wjg 发了方案 next 周五 outcome reached" }
}

enum VisitKind: LoggedKind {
    static var kind: InteractionKind { .visit }
    static var what: String { "a visit" }
    static var example: String { "wjg 现场演示 next +2w --contact 李娜" }
}

enum EmailKind: LoggedKind {
    static var kind: InteractionKind { .email }
    static var what: String { "an email" }
    static var example: String { "zoe sent the proposal next fri" }
}

enum MeetingKind: LoggedKind {
    static var kind: InteractionKind { .meeting }
    static var what: String { "a meeting" }
    static var example: String { "wjg 年度预算评审 --at \"昨天 15:00\"" }
}

enum MessageKind: LoggedKind {
    static var kind: InteractionKind { .message }
    static var what: String { "a message" }
    static var example: String { "wjg 已发报价 outcome no-reply next 明天" }
}
