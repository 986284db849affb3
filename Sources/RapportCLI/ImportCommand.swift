import ArgumentParser
import Foundation
import RapportBase
import RapportCore
import RapportExchange
import RapportStore
import Synchronization

/// What a CSV file holds.
enum ImportKind: String, ExpressibleByArgument, CaseIterable {
    case customers, interactions
}

extension DuplicatePolicy: ExpressibleByArgument {}
extension ConflictPolicy: ExpressibleByArgument {}

/// `rapport import FILE`
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring a book in: a spreadsheet's CSV, vCards, a call history, or a full JSON export.",
        discussion: """
            The format is read from the file's name (.csv, .vcf, .json). Everything goes in as one
            transaction: a bad row stops the whole import and names its line (or, with --skip-bad, is
            reported and left out). Duplicates — the same phone or email under a name that agrees
            (the same name, its pinyin, or none), or the same name and company — are skipped and
            reported unless --on-duplicate says otherwise; an update never renames a card. A row
            sharing a phone or email with a customer of another name is a conflict, added as new
            and reported unless --on-conflict skip. Try --dry-run first:
              rapport import contacts.csv --dry-run
              rapport import 客户.csv --encoding gbk --map '负责人=notes'
              rapport import calls.csv --kind interactions
              rapport import book.json --db new.db
            Columns are recognised by their headers in English or Chinese (Name/姓名/客户名称,
            Company/公司, Phone/手机/电话, Email/邮箱, City/城市, Grade/等级, Tags/标签, Birthday/生日,
            Notes/备注, First Name + Last Name, …).
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The file to import (.csv, .vcf or .json).", valueName: "file")) var file: String
    @Option(help: "For csv: customers (default) or interactions (customer, kind, date, outcome, note).")
    var kind: ImportKind = .customers
    @Option(help: ArgumentHelp("The file's text encoding when it is not detected: \(TextEncoding.acceptedNames).", valueName: "name"))
    var encoding: String?
    @Option(help: ArgumentHelp("Map headers to fields yourself, e.g. 'Mobile 2=phones,Owner=ignore'.", valueName: "header=field,…"))
    var map: String?
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
        let format = URL(fileURLWithPath: file).pathExtension.lowercased()
        let data = try Self.read(file)
        // A JSON book is restored row by row as it is read; the other formats are read whole.
        if format != "json" {
            try ImportBudget.check(file: file, fileBytes: data.count, lines: Self.lines(data), available: Self.availableMemory())
        }
        let session = try global.session(.creating)
        switch format {
        case "json":
            guard !dryRun else { throw RapportError.conflict("a JSON book goes into an empty book whole; --dry-run does not apply") }
            let restored = try session.database.restoreDump(data, file: file)
            let rows = restored.tables.reduce(0) { $0 + $1.rows }
            Terminal.write("Imported \(rows.grouped) rows in \(restored.tables.count) tables (schema \(restored.schema)) "
                           + "into \(TerminalText.sanitized(session.database.path)).\n")
        case "vcf", "vcard":
            Pinyin.warmUp()
            let (cards, refused) = try readRows(try VCardReader.entries(data, createdAt: session.now)) { try $0.get() }
            for card in cards {
                for warning in card.warnings { Terminal.error("rapport: card \(card.card) (line \(card.line)): \(warning)") }
            }
            try importCustomers(cards.map { ($0.line, $0.customer) }, refused: refused, session)
        case "csv":
            if kind == .customers { Pinyin.warmUp() }
            let text = try TextDecoding.decode(data, encoding: try encoding.map { try TextEncoding(parsing: $0) })
            var records = try CSV.records(text)
            guard !records.isEmpty else { throw RapportError.invalid(field: "file", value: file, expected: "it has no header row") }
            let header = records.removeFirst().fields
            if self.records {
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
                return
            }
            let overrides = try map.map { try CustomerColumns.parseMap($0) } ?? [:]
            switch kind {
            case .customers:
                let columns = try CustomerColumns(header: header, overrides: overrides)
                reportUnmapped(columns.unmapped.map(\.header))
                let (restToNotes, now) = (restToNotes, session.now)
                // Rows come out in the shape the import takes, so 100,000 cards are not copied again;
                // the few warnings are set aside on the way, each with its line.
                let warnings = Mutex<[(line: Int, text: String)]>([])
                let (rows, refused) = try readRows(records) { record in
                    let read = try columns.read(from: record.fields, line: record.line, restToNotes: restToNotes, createdAt: now)
                    if !read.warnings.isEmpty { warnings.withLock { $0 += read.warnings.map { (record.line, $0) } } }
                    return (line: record.line, customer: read.customer)
                }
                for warning in warnings.withLock({ $0 }).sorted(by: { $0.line < $1.line }) { Terminal.error("rapport: " + warning.text) }
                KeptUntilExit.keep(records)
                try importCustomers(rows, refused: refused, session)
                KeptUntilExit.keep(rows)
            case .interactions:
                let columns = try InteractionColumns(header: header, overrides: overrides)
                let restToNotes = restToNotes
                let (rows, refusedRows) = try readRows(records) { try columns.row(from: $0.fields, line: $0.line, restToNotes: restToNotes) }
                let (logged, unknown) = try session.database.importInteractions(rows, skippingUnknown: skipBad, dryRun: dryRun,
                                                                                 now: session.now)
                let refused = refusedRows + unknown
                for reason in refused { Terminal.write("refused: \(reason)\n") }
                Terminal.write((dryRun ? "Dry run: would log " : "Logged ") + "\(logged.grouped) interactions"
                               + (refused.isEmpty ? "" : "; refused \(refused.count) bad rows") + ".\n")
            }
        default:
            throw RapportError.invalid(field: "file", value: URL(fileURLWithPath: file).lastPathComponent,
                                       expected: "Rapport imports .csv, .vcf and .json files")
        }
    }

    /// Maps the file to import, or says what is wrong with it: missing, a directory, unreadable.
    static func read(_ file: String) throws -> Data {
        var status = stat()
        guard stat(file, &status) == 0 else {
            if errno == ENOENT { throw RapportError.notFound(what: "file", reference: file) }
            throw RapportError.invalid(field: "file", value: file, expected: "it cannot be reached (\(String(cString: strerror(errno))))")
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            throw RapportError.invalid(field: "file", value: file, expected: "it is a directory; name a file in it")
        }
        let fd = open(file, O_RDONLY)
        guard fd >= 0 else {
            throw RapportError.invalid(field: "file", value: file, expected: "it cannot be read (\(String(cString: strerror(errno))))")
        }
        close(fd)
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped)
        } catch {
            throw RapportError.invalid(field: "file", value: file, expected: "it cannot be read (\(error.localizedDescription))")
        }
    }

    /// How many line feeds the bytes hold, found with memchr (a byte loop costs tens of ms on a large file).
    static func lines(_ data: Data) -> Int {
        data.withUnsafeBytes { raw in
            guard var at = raw.baseAddress else { return 0 }
            let end = at + raw.count
            var count = 0
            while at < end, let found = memchr(at, 0x0A, end - at) {
                count += 1
                at = UnsafeRawPointer(found) + 1
            }
            return count
        }
    }

    /// The memory the kernel says is free for a new process (`MemAvailable`), when it says.
    static func availableMemory() -> Int? {
        guard let info = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
              let line = info.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return kilobytes * 1024
    }

    /// Reads each item into a row, on every core; the first bad one stops the import, or with
    /// --skip-bad each is left out and its reason kept for the report.
    private func readRows<Item: Sendable, Row: Sendable>(_ items: [Item], _ read: @Sendable (Item) throws -> Row)
        throws -> (rows: [Row], refused: [String]) {
        var results = items.concurrentMap { item in Result { try read(item) } }
        var refused: [String] = []
        for case .failure(let error) in results {
            guard skipBad, let error = error as? RapportError else { throw error }
            refused.append(error.description)
        }
        // The rows are moved out of the results from the back rather than copied: a copy retains
        // every string of every card, and freeing the results releases them all again.
        let rows = [Row](unsafeUninitializedCapacity: results.count - refused.count) { buffer, initialized in
            var slot = buffer.count
            while let result = results.popLast() {
                guard case .success(let row) = consume result else { continue }
                slot -= 1
                (buffer.baseAddress! + slot).initialize(to: row)
            }
            initialized = buffer.count
        }
        return (rows, refused)
    }

    private func reportUnmapped(_ headers: [String]) {
        guard !headers.isEmpty, !restToNotes else { return }
        let names = headers.map(\.quotedForMessage).joined(separator: ", ")
        Terminal.error("rapport: not imported: \(names) (map them with --map 'Header=field', or keep them with --rest-to-notes)")
    }

    private func importCustomers(_ rows: [(line: Int, customer: Customer)], refused: [String], _ session: Session) throws {
        let showProgress = Terminal.stderrIsTerminal && rows.count >= 5000
        let report = try session.database.importCustomers(rows, onDuplicate: onDuplicate, onConflict: onConflict, dryRun: dryRun,
                                                          now: session.now) { done in
            if showProgress { Terminal.errorInline("\r\(done.grouped) / \(rows.count.grouped) rows") }
        }
        if showProgress { Terminal.errorInline("\r\u{1B}[K") }
        var out = ""
        for line in report.lines {
            let name = TerminalText.sanitized(line.name)
            switch line.action {
            case .created(let id) where dryRun: out += "line \(line.line): create \(name) (would be #\(id))\n"
            case .created: break
            case let .updated(id, card, changes) where changes.isEmpty:
                out += "line \(line.line): #\(id) \(TerminalText.sanitized(card)) unchanged\n"
            case let .updated(id, card, changes):
                out += "line \(line.line): \(dryRun ? "update" : "updated") #\(id) \(TerminalText.sanitized(card)): "
                    + changes.map(Self.described).joined(separator: ", ") + "\n"
            case .skipped(let reason): out += "line \(line.line): \(dryRun ? "skip" : "skipped") \(name) (\(reason))\n"
            case let .conflict(id, other, shared, created):
                let outcome = switch (created, dryRun) {
                case (let new?, true): "would be imported as new (#\(new))"
                case (_?, false): "imported as new"
                case (nil, true): "would be skipped"
                case (nil, false): "skipped"
                }
                out += "line \(line.line): \(name) shares \(TerminalText.sanitized(shared)) with #\(id) \(TerminalText.sanitized(other)) — \(outcome)\n"
            }
        }
        for reason in refused { out += "refused: \(reason)\n" }
        out += (dryRun ? "Dry run, nothing written: would create " : "Created ") + "\(report.created.grouped), "
            + (dryRun ? "update " : "updated ") + "\(report.updated.grouped), " + (dryRun ? "skip " : "skipped ") + "\(report.skipped.grouped) duplicates"
            + (report.unchanged == 0 ? "" : ", \(report.unchanged.grouped) unchanged")
            + (report.conflicts == 0 ? "" : ", \(report.conflicts.grouped) conflicts " + (onConflict == .new ? "added as new" : "skipped"))
            + (refused.isEmpty ? "" : ", refused \(refused.count.grouped) bad rows") + ".\n"
        Terminal.write(out)
    }

    /// A field an update changes, as one line shows it: `city 上海 → 深圳`, `grade → B` when it was empty.
    static func described(_ change: FieldChange) -> String {
        [change.field, TerminalText.sanitized(change.before), "→", TerminalText.sanitized(change.after)]
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}
