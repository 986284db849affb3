import ArgumentParser
import Foundation
import RapportBase
import RapportCore
import RapportDemo
import RapportStore

/// `rapport demo [--customers N] [--seed S]`
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill an empty database with a synthetic book to try Rapport on.",
        discussion: """
            The same seed always gives the same book. Example:
              rapport demo --db /tmp/demo.db --customers 500
              rapport today --db /tmp/demo.db
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "How many customers (default 200).") var customers = 200
    @Option(help: "The random seed; the same seed gives the same book.") var seed: UInt64 = 1
    @Option(name: .customLong("interactions"), help: "Mean interactions per contacted customer (default 10).")
    var interactionsPerCustomer = 10

    func validate() throws {
        guard (1...2_000_000).contains(customers) else { throw ValidationError("--customers must be between 1 and 2,000,000") }
        guard (1...200).contains(interactionsPerCustomer) else { throw ValidationError("--interactions must be between 1 and 200") }
    }

    func run() throws {
        let session = try global.session(.creating)
        let start = Date()
        let showProgress = Terminal.stderrIsTerminal && customers >= 5000
        try session.database.loadDemoBook(
            DemoBook(customers: customers, seed: seed, today: session.today, interactionsPerCustomer: interactionsPerCustomer)
        ) { done in
            if showProgress { Terminal.errorInline("\r\(done) / \(customers) customers") }
        }
        if showProgress { Terminal.errorInline("\r\u{1B}[K") }
        let counts = try session.database.bookCounts()
        let seconds = Date().timeIntervalSince(start)
        Terminal.write("Demo book: \(counts.customers) customers, \(counts.interactions) interactions, "
            + "\(counts.openFollowUps) open follow-ups in \(TerminalText.sanitized(session.database.path)) "
            + "(\(String(format: "%.1f", seconds)) s)\n")
    }
}
