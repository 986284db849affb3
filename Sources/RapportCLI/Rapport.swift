import ArgumentParser
import Foundation
import RapportBase
import RapportCore

/// The root of the command tree.
///
/// Every command names itself: left to ArgumentParser, each name would be derived with
/// `String(describing:)` of its type, a conformance search that costs milliseconds at
/// every launch of a large static binary.
public struct Rapport: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "A terminal CRM for the individual salesperson.",
        discussion: HelpText.fitted("""
            Record a call in one line, and open every morning on who to call today:

              rapport add 王建国 --company 华信科技 --phone 138-0013-8000 --grade A
              rapport call wjg 谈了报价 next 周五
              rapport today
              rapport deal add wjg 年度服务 --amount 1.2万 --close 月底
              rapport funnel

            Customers are named by #id, name, a prefix, a substring, a phone number, or pinyin
            (wangjianguo, wjg). Dates: \(DateExpression.acceptedForms).
            """),
        version: "0.1.0",
        subcommands: [
            Open.self, Today.self, Add.self, Edit.self, List.self, Show.self, Log.self,
            KindLog<CallKind>.self, KindLog<VisitKind>.self, KindLog<EmailKind>.self, KindLog<MeetingKind>.self, KindLog<MessageKind>.self,
            FollowUpCommand.self,
            ContactCommand.self, DealCommand.self, Pay.self, FunnelCommand.self, ContractCommand.self, ProductCommand.self,
            PlaybookCommand.self, ImportCommand.self, ExportCommand.self, BackupCommand.self, RestoreCommand.self,
            CheckCommand.self, Config.self, Demo.self, UndoCommand.self, RedoCommand.self, HistoryCommand.self,
            RemoveCommand.self, TrashCommand.self, RestoreCustomerCommand.self, DuplicatesCommand.self, MergeCommand.self,
            ManualCommand.self,
        ],
        defaultSubcommand: Open.self
    )

    public init() {}
}

/// Runs the command line: Rapport's own errors print as one line (plus the candidates when
/// a customer reference is ambiguous) and exit 2; argument errors go to ArgumentParser.
public enum RapportMain {
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        // Until a book is opened and its setting read, the environment's language.
        Language.speak(.chosen(setting: nil, environment: ProcessInfo.processInfo.environment))
        do {
            var command = try Rapport.parseAsRoot(try commandFirst(arguments))
            try command.run()
            NewBook.keep()
            exit(0)
        } catch let error as RapportError {
            NewBook.discardIfUnwritten()
            report(error)
            exit(2)
        } catch let error as CustomerCheckFailed {
            NewBook.keep()
            exit(error.status)
        } catch {
            if Rapport.exitCode(for: error) == .success { NewBook.keep() } else { NewBook.discardIfUnwritten() }
            // ArgumentParser's messages quote the bad value as typed: printed here rather
            // than by `Rapport.exit(withError:)`, so they are sanitized like Rapport's own.
            let code = Rapport.exitCode(for: error)
            let message = Rapport.fullMessage(for: error)
            if code == .success {
                Terminal.write(message.isEmpty ? "" : message + "\n")
            } else if !message.isEmpty {
                Terminal.error(message)
            }
            exit(code.rawValue)
        }
    }

    /// The arguments with `--db` and `--today` moved after the command's words, so that they
    /// work anywhere, as `git -C` does: `rapport --db X list` and `rapport deal --db X list`
    /// read as `rapport list --db X`. A first word that names no command is refused with the
    /// nearest one, rather than read as an argument of `open`, which takes none.
    static func commandFirst(_ arguments: [String]) throws(RapportError) -> [String] {
        var command: ParsableCommand.Type = Rapport.self
        var path: [String] = []
        var global: [String] = []
        var i = 0
        while i < arguments.count {
            let word = arguments[i]
            if ["--db", "--today"].contains(word), i + 1 < arguments.count {
                global += [word, arguments[i + 1]]
                i += 2
            } else if word.hasPrefix("--db=") || word.hasPrefix("--today=") {
                global.append(word)
                i += 1
            } else if let sub = command.configuration.subcommands.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) }) {
                command = sub
                path.append(word)
                i += 1
            } else {
                break
            }
        }
        if path.isEmpty, i < arguments.count, !arguments[i].hasPrefix("-"), arguments[i] != "help" {
            let word = arguments[i]
            let names = Rapport.configuration.subcommands.flatMap { [$0._commandName] + $0.configuration.aliases }
            throw .invalid(field: "command", value: word,
                           expected: NearestWord.to(word, among: names).map { "did you mean \($0.quotedForMessage)?" } ?? "see rapport --help")
        }
        return path + global + arguments[i...]
    }

    static func report(_ error: RapportError) {
        Terminal.error("rapport: " + error.description)
        guard case .ambiguousCustomer(let reference, let candidates) = error else { return }
        for c in candidates.prefix(10) {
            let who = TerminalText.sanitized(c.name) + (c.company.map { " (" + TerminalText.sanitized($0) + ")" } ?? "")
            Terminal.error("  " + (commandLine(naming: c.id, for: reference).map { $0 + "   # " + who } ?? "\(c.id)  " + who))
        }
        if candidates.count > 10 { Terminal.error("  … and \(candidates.count - 10) more") }
    }

    /// The command as typed with the reference replaced by the customer's number, ready to
    /// paste (a bare number, which no shell takes for a comment as it takes `#2`); nil when
    /// the reference is not one of the words typed.
    static func commandLine(naming id: Int64, for reference: String,
                            arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> String? {
        guard let at = arguments.firstIndex(of: reference) else { return nil }
        var words = arguments
        words[at] = String(id)
        return TerminalText.sanitized(Session.commandLine(["rapport"] + words))
    }
}

/// Exit status without a message, for `today --check`.
struct CustomerCheckFailed: Error {
    var status: Int32
}
