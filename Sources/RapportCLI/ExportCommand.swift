import ArgumentParser
import Foundation
import RapportCore
import RapportExchange
import RapportStore

/// The file formats Rapport writes.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json, vcard, ics
}

/// What a CSV export holds.
enum ExportKind: String, ExpressibleByArgument, CaseIterable {
    case customers, interactions, deals, followups
}

/// `rapport export --format csv|json|vcard|ics [--kind …] [-o FILE]`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Take the book out: CSV for spreadsheets, vCard for phones, iCalendar for calendars, JSON of everything.",
        discussion: """
            json      every table of the book with its schema version; `rapport import` restores it exactly
            csv       one kind per file (customers by default); cells that a spreadsheet would run as a
                      formula (=, +, -, @) are prefixed with '
            vcard     vCard 4.0 of the customers and their contact persons
            ics       iCalendar of the open follow-ups: to-dos with a due day, events when a time is set;
                      stable UIDs, so a calendar that imports it again updates instead of duplicating
            Examples:
              rapport export --format json -o book.json
              rapport export --format csv --kind interactions -o calls.csv
              rapport export --format ics -o followups.ics
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "csv, json, vcard or ics.") var format: ExportFormat
    @Option(help: "For csv: customers, interactions, deals or followups (default customers).") var kind: ExportKind?
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    func validate() throws {
        switch (format, kind) {
        case (.json, .some(let k)): throw ValidationError("--kind \(k.rawValue) does not apply to json: a json export is the whole book")
        case (.vcard, .some(let k)) where k != .customers: throw ValidationError("a vcard export holds customers, not \(k.rawValue)")
        case (.ics, .some(let k)) where k != .followups: throw ValidationError("an ics export holds follow-ups, not \(k.rawValue)")
        default: break
        }
    }

    func run() throws {
        let session = try global.session()
        let target = try ExportTarget(path: output)
        do {
            switch format {
            case .json:
                try session.database.dumpBook(now: session.now) { try target.write($0) }
            case .csv:
                try writeCSV(session.database, kind: kind ?? .customers, to: target)
            case .vcard:
                try session.database.forEachCustomer { customer, contacts in
                    try target.write(VCardWriter.card(customer, contacts: contacts))
                }
            case .ics:
                try target.write(ICalendarWriter.calendar(try session.database.openFollowUps(), stamp: Session.utcClock()))
            }
            try target.finish()
        } catch {
            target.abandon()
            throw error
        }
    }

    /// One kind of record as CSV for a spreadsheet: a UTF-8 byte-order mark so that Excel
    /// reads Chinese right, CRLF line ends, and every cell neutralized against formulas.
    private func writeCSV(_ db: AppDatabase, kind: ExportKind, to target: ExportTarget) throws {
        var buffer = "\u{FEFF}"
        func row(_ cells: [String]) throws {
            buffer += CSV.line(cells.map(CSV.neutralized))
            if buffer.utf8.count > 1 << 16 {
                try target.write(buffer)
                buffer = ""
            }
        }
        switch kind {
        case .customers:
            try row(CustomerColumns.exportHeader)
            try db.forEachCustomer { customer, _ in try row(CustomerColumns.exportRow(customer)) }
        case .interactions:
            try row(InteractionColumns.exportHeader)
            try db.forEachInteraction { interaction, customer in try row(InteractionColumns.exportRow(interaction, customer: customer)) }
        case .deals:
            try row(["Id", "Customer", "Company", "Title", "Stage", "Amount", "Currency", "Probability", "Expected Close", "Last Activity",
                     "Lost Reason", "Lost Note"])
            for d in try db.dealList(DealFilter(openOnly: false), limit: Int.max) {
                try row(["\(d.id)", d.customerName, d.company ?? "", d.title, d.stage.rawValue, d.amount.formatted, d.amount.currency.code,
                         d.probability.map(String.init) ?? "", d.expectedClose?.iso ?? "", d.lastActivityAt.text,
                         d.lostReason?.rawValue ?? "", d.lostNote ?? ""])
            }
        case .followups:
            try row(["Id", "Customer", "Due", "Time", "Title", "Promised On"])
            for f in try db.openFollowUps() {
                try row(["\(f.id)", f.customer.name, f.due.day.iso, f.due.time?.description ?? "", f.title, f.createdOn.iso])
            }
        }
        try target.write(buffer)
    }
}
