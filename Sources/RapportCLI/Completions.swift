import ArgumentParser
import Foundation
import RapportBase
import RapportCore
import RapportStore

/// What the shell completes beyond the command tree: the book's customers by name, stages
/// and kinds. The shell runs `rapport` to ask, so a completion reads the book and prints
/// nothing else; a book that cannot be read completes nothing. Names are sanitized: the shell
/// shows them on the terminal, and a line break in one would make two candidates.
enum Completions {
    /// The customers whose name, company, phone or pinyin the word typed matches (the
    /// filter's matching), best first; for nothing typed, who needs the seller soonest.
    @Sendable static func customers(_ words: [String], _ index: Int, _ typed: String) -> [String] {
        let option = words.firstIndex(of: "--db").flatMap { words.indices.contains($0 + 1) ? words[$0 + 1] : nil }
        guard let path = try? AppDatabase.path(option: option, environment: ProcessInfo.processInfo.environment),
              FileManager.default.fileExists(atPath: path),
              let book = try? AppDatabase.open(at: path, access: .existing) else { return [] }
        let rows: [CustomerRow]
        if typed.isEmpty {
            rows = (try? book.customerPage(order: .attention, offset: 0, limit: 50)) ?? []
        } else {
            guard let corpus = try? book.searchCorpus() else { return [] }
            rows = (try? book.customerRows(ids: corpus.matches(typed).prefix(50).map { corpus.ids[$0] })) ?? []
        }
        return rows.map { TerminalText.sanitized($0.summary.name) }
    }

    static let stages = CompletionKind.list(Stage.allCases.map(\.rawValue))
    static let kinds = CompletionKind.list(InteractionKind.allCases.map(\.rawValue))
}
