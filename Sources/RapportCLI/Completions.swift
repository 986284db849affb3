import ArgumentParser
import Foundation
import RapportCore
import RapportStore

/// What the shell completes beyond the command tree: the book's customers by name, stages
/// and kinds. The shell runs `rapport` to ask, so a completion reads the book and prints
/// nothing else; a book that cannot be read completes nothing.
enum Completions {
    /// The customers whose name, company, phone or pinyin the word typed matches (the
    /// filter's matching), best first; for nothing typed, who needs the seller soonest.
    @Sendable static func customers(_ words: [String], _ index: Int, _ typed: String) -> [String] {
        let option = words.firstIndex(of: "--db").flatMap { words.indices.contains($0 + 1) ? words[$0 + 1] : nil }
        guard let path = try? AppDatabase.path(option: option, environment: ProcessInfo.processInfo.environment),
              FileManager.default.fileExists(atPath: path),
              let book = try? AppDatabase.open(at: path, access: .existing) else { return [] }
        if typed.isEmpty { return (try? book.customerPage(order: .attention, offset: 0, limit: 50).map(\.summary.name)) ?? [] }
        guard let corpus = try? book.searchCorpus() else { return [] }
        let ids = Set(corpus.matches(typed).prefix(50).map { corpus.ids[$0] })
        return ((try? book.customerRows(ids: Array(ids))) ?? []).map(\.summary.name)
    }

    static let stages = CompletionKind.list(Stage.allCases.map(\.rawValue))
    static let kinds = CompletionKind.list(InteractionKind.allCases.map(\.rawValue))
}
