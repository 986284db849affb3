import ArgumentParser
import RapportBase
import RapportCore
import RapportExchange
import RapportImport
import RapportStore

extension ImportPipeline.Kind: ExpressibleByArgument {}

extension CSV.Delimiter: ExpressibleByArgument {
    public init?(argument: String) { self.init(typed: argument) }
    public static var allValueStrings: [String] { [",", ";", "tab"] }
}
extension DuplicatePolicy: ExpressibleByArgument {}
extension ConflictPolicy: ExpressibleByArgument {}

/// `rapport import FILE`
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring a book in: a spreadsheet (CSV or .xlsx), vCards, a call history, or a full JSON export.",
        discussion: HelpText.fitted("""
            The format is read from the file's name (.csv, .xlsx, .vcf, .json); from a
            workbook, its first sheet (or --sheet) as a CSV of it would be. Everything goes in as one
            transaction: a bad row stops the whole import and names its line (or, with --skip-bad, is
            reported and left out). Duplicates — the same phone or email under a name that agrees
            (the same name, its pinyin, or none), or the same name and company — are skipped and
            reported unless --on-duplicate says otherwise; an update never renames a card. A row
            sharing a phone or email with a customer of another name is a conflict, added as new
            and reported unless --on-conflict skip. Try --dry-run first:
              rapport import contacts.csv --dry-run
              rapport import 客户.csv --encoding gbk --map '负责人=notes'
              rapport import 客户.xlsx --sheet 华东
              rapport import calls.csv --kind interactions
              rapport import book.json --db new.db
            Columns are recognised by their headers in English or Chinese (Name/姓名/客户名称,
            Company/公司, Phone/手机/电话, Email/邮箱, City/城市, Grade/等级, Tags/标签, Birthday/生日,
            Notes/备注, First Name + Last Name, …).
            """)
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The file to import (.csv, .xlsx, .vcf or .json).", valueName: "file")) var file: String
    @Option(help: "For csv: customers (default) or interactions (customer, kind, date, outcome, note).")
    var kind: ImportPipeline.Kind = .customers
    @Option(help: ArgumentHelp("The file's text encoding when it is not detected: \(TextEncoding.acceptedNames).", valueName: "name"))
    var encoding: String?
    @Option(help: ArgumentHelp("Map headers to fields yourself, e.g. 'Mobile 2=phones,Owner=ignore'.", valueName: "header=field,…"))
    var map: String?
    @Option(help: ArgumentHelp("For csv: what separates the cells — , ; or tab (default: the one the header line uses most).",
                               valueName: "char"))
    var delimiter: CSV.Delimiter?
    @Option(help: ArgumentHelp("For xlsx: the sheet to read, by its tab's name (default: the first).", valueName: "name"))
    var sheet: String?
    @Option(help: ArgumentHelp("The status of the customers the import creates (not of those it updates): lead, prospect, customer, dormant …",
                               valueName: "status"))
    var status: String?
    @Flag(help: "The customers the import creates are never chased (no cadence), as an address book's contacts need not be.")
    var noChase = false
    @Flag(help: "Put columns that map to no field into the notes as 'Header: value'.") var restToNotes = false
    @Flag(help: "Show what would be created, updated and skipped, and write nothing.") var dryRun = false
    @Option(help: "A row that duplicates a customer: skip (default), update the customer, or add it as new.")
    var onDuplicate: DuplicatePolicy = .skip
    @Option(help: "A row sharing a phone or email with a customer of another name: add it as new (default) or skip it.")
    var onConflict: ConflictPolicy = .new
    @Flag(help: "Leave bad rows out (and report them) instead of stopping the import.") var skipBad = false
    @Flag(help: "Print the CSV's rows as Rapport reads them (JSON, one object per row keyed by header) and import nothing.")
    var records = false

    func run() throws {
        let file = try ImportFile(self.file)
        let session = try global.session(.creating)
        let options = ImportPipeline.Options(kind: kind, encoding: encoding, map: map, restToNotes: restToNotes, dryRun: dryRun,
                                             onDuplicate: onDuplicate, onConflict: onConflict, skipBad: skipBad, recordsOnly: records,
                                             delimiter: delimiter, sheet: sheet,
                                             creating: NewCustomerTerms(status: try status.map(Self.status), chased: !noChase))
        let pipeline = ImportPipeline(database: session.database, now: session.now, options: options)
        switch try pipeline.run(file, notice: Self.printNotice) {
        case let .restored(schema, tables):
            let rows = tables.reduce(0) { $0 + $1.rows }
            Terminal.write("Imported \(rows.grouped) rows in \(tables.count) tables (schema \(schema)) "
                           + "into \(TerminalText.sanitized(session.database.path)).\n")
        case let .records(header, records):
            var w = JSONWriter()
            w.beginArray()
            for record in records {
                w.beginObject()
                for (name, value) in zip(header, record.fields) {
                    w.key(text: name)
                    w.string(value)
                }
                w.endObject()
            }
            w.endArray()
            w.newline()
            Terminal.write(w.bytes)
        case let .customers(report, rows, refused):
            if Self.showsProgress(rows) { Terminal.errorInline("\r\u{1B}[K") }
            printReport(report, refused: refused)
        case let .interactions(logged, refused):
            for reason in refused { Terminal.write("refused: \(reason)\n") }
            Terminal.write((dryRun ? "Dry run: would log " : "Logged ") + "\(logged.logged.grouped) interactions"
                           + (refused.isEmpty ? "" : "; refused \(refused.count) bad rows") + (dryRun && !logged.matches.isEmpty ? ":" : ".") + "\n")
            // Before anything is written, the seller sees whom each name in the file was read as.
            if dryRun { Terminal.write(Self.matchLines(logged.matches)) }
        }
    }

    /// `  wjg → 王建国 (#1): lines 2, 5`, a reference per line, at most five line numbers each.
    static func matchLines(_ matches: [AppDatabase.InteractionImport.Match]) -> String {
        matches.map { m in
            let lines = m.lines.prefix(5).map(String.init).joined(separator: ", ") + (m.lines.count > 5 ? " and \(m.lines.count - 5) more" : "")
            return "  " + TerminalText.sanitized(m.reference) + " → " + TerminalText.sanitized(m.name) + " (#\(m.customerID)): "
                + (m.lines.count == 1 ? "line " : "lines ") + lines + "\n"
        }.joined()
    }

    /// A count of rows on standard error while a large import is written, on a terminal only.
    private static func showsProgress(_ rows: Int) -> Bool {
        Terminal.stderrIsTerminal && rows >= 5000
    }

    /// What the import noticed, on standard error as it comes.
    private static func printNotice(_ notice: ImportPipeline.Notice) {
        switch notice {
        case .columnsLeftOut:
            Terminal.error("rapport: " + (notice.text ?? "") + " (map them with --map 'Header=field', or keep them with --rest-to-notes)")
        case .rowWarning, .cardWarning:
            Terminal.error("rapport: " + (notice.text ?? ""))
        case let .progress(written, rows):
            if showsProgress(rows) { Terminal.errorInline("\r\(written.grouped) / \(rows.grouped) rows") }
        }
    }

    /// Each row the store reported on, the bad rows, and the totals.
    private func printReport(_ report: ImportReport, refused: [String]) {
        let lines = report.rowLines(dryRun: dryRun, refused: refused)
            + [report.totals(dryRun: dryRun, onConflict: onConflict, refused: refused.count)]
        Terminal.write(lines.map { $0 + "\n" }.joined())
    }

    /// `--status` as typed, in English or in Chinese (`休眠`), or the statuses there are.
    static func status(_ text: String) throws -> CustomerStatus {
        guard let status = CustomerStatus(typed: text) else {
            throw RapportError.invalid(field: "--status", value: text, expected: "use " + CustomerStatus.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return status
    }
}
