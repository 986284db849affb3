import Foundation
import RapportBase
import RapportCore
import RapportExchange
import RapportStore
internal import RapportWorkbook
import Synchronization

/// An import from a file into the book: the file's format read, its rows read into cards on
/// every core, then written by the store in one transaction (rolled back for a dry run). It
/// says what it notices as it goes (`Notice`) and returns what it did (`Outcome`), and prints
/// nothing: `rapport import` does.
public struct ImportPipeline {
    /// What a CSV file holds.
    public enum Kind: String, CaseIterable, Sendable {
        case customers, interactions
    }

    /// How the file is read and its rows are written, as `rapport import` takes them.
    public struct Options: Sendable {
        public var kind: Kind
        /// The file's text encoding by name, when it is not detected.
        public var encoding: String?
        /// Headers mapped to fields: `Mobile 2=phones,Owner=ignore`.
        public var map: String?
        /// Columns no field takes go into the notes.
        public var restToNotes: Bool
        public var dryRun: Bool
        public var onDuplicate: DuplicatePolicy
        public var onConflict: ConflictPolicy
        /// Bad rows are left out and reported instead of stopping the import.
        public var skipBad: Bool
        /// A CSV's records are read and returned, and nothing is imported.
        public var recordsOnly: Bool
        /// What separates a CSV's cells, when not the one its header uses most.
        public var delimiter: CSV.Delimiter?
        /// The workbook's sheet to read, when not its first.
        public var sheet: String?
        /// What the customers the import creates are set to (`--status`, `--no-chase`).
        public var creating: NewCustomerTerms

        public init(kind: Kind = .customers, encoding: String? = nil, map: String? = nil, restToNotes: Bool = false,
                    dryRun: Bool = false, onDuplicate: DuplicatePolicy = .skip, onConflict: ConflictPolicy = .new,
                    skipBad: Bool = false, recordsOnly: Bool = false, delimiter: CSV.Delimiter? = nil, sheet: String? = nil,
                    creating: NewCustomerTerms = NewCustomerTerms()) {
            self.creating = creating
            self.delimiter = delimiter
            self.sheet = sheet
            self.kind = kind
            self.encoding = encoding
            self.map = map
            self.restToNotes = restToNotes
            self.dryRun = dryRun
            self.onDuplicate = onDuplicate
            self.onConflict = onConflict
            self.skipBad = skipBad
            self.recordsOnly = recordsOnly
        }
    }

    /// What the import notices before it is done, in order.
    public enum Notice: Sendable {
        /// Headers no field takes, left out of the import.
        case columnsLeftOut([String])
        /// A CSV value read with a warning (the line is in the text).
        case rowWarning(String)
        /// A vCard value read with a warning.
        case cardWarning(card: Int, line: Int, String)
        /// Customers written so far, of `rows`.
        case progress(written: Int, rows: Int)
    }

    /// What the import did.
    public enum Outcome {
        /// A JSON book restored: its schema and the rows of each table.
        case restored(schema: String, tables: [(name: String, rows: Int)])
        /// Only the CSV's records were asked for: its header and the rows after it.
        case records(header: [String], [CSVRecord])
        /// Customers from a CSV or vCards: the store's report on the `rows` read, and the bad
        /// rows left out.
        case customers(ImportReport, rows: Int, refused: [String])
        /// Interactions from a CSV: what the store logged, and the bad rows left out.
        case interactions(AppDatabase.InteractionImport, refused: [String])
    }

    public var database: AppDatabase
    /// The moment of the import: new cards are created at it.
    public var now: LocalDateTime
    public var options: Options

    public init(database: AppDatabase, now: LocalDateTime, options: Options) {
        self.database = database
        self.now = now
        self.options = options
    }

    /// Imports `file` by its format; `notice` hears what is noticed on the way.
    public func run(_ file: ImportFile, notice: (Notice) -> Void) throws -> Outcome {
        if options.sheet != nil, file.format != "xlsx" { throw RapportError.conflict("--sheet names a sheet of an .xlsx workbook") }
        // A workbook's text is always UTF-8 XML and its cells are its own: said, not ignored.
        if file.format == "xlsx", options.encoding != nil || options.delimiter != nil {
            throw RapportError.conflict("--encoding and --delimiter are for CSV files; a workbook's cells need neither")
        }
        switch file.format {
        case "json":
            guard !options.dryRun else { throw RapportError.conflict("a JSON book goes into an empty book whole; --dry-run does not apply") }
            let restored = try database.restoreDump(file.data, file: file.path)
            return .restored(schema: restored.schema, tables: restored.tables)
        case "vcf", "vcard":
            Pinyin.warmUp()
            let (cards, refused) = try readRows(try VCardReader.entries(file.data, createdAt: now)) { try $0.get() }
            for card in cards {
                for warning in card.warnings { notice(.cardWarning(card: card.card, line: card.line, warning)) }
            }
            return try importCustomers(cards.map { ($0.line, $0.customer) }, refused: refused, notice)
        case "csv":
            if options.kind == .customers { Pinyin.warmUp() }
            let text = try TextDecoding.decode(file.data, encoding: try options.encoding.map { try TextEncoding(parsing: $0) })
            return try importRecords(try CSV.records(text, delimiter: options.delimiter), of: file, notice)
        case "xlsx":
            if options.kind == .customers { Pinyin.warmUp() }
            return try importRecords(try Workbook.records(file.data, file: file.name, sheet: options.sheet), of: file, notice)
        default:
            throw RapportError.invalid(field: "file", value: file.name,
                                       expected: "Rapport imports .csv, .xlsx, .vcf and .json files")
        }
    }

    /// A CSV's records, or a sheet's read as a CSV's, from the header row on.
    private func importRecords(_ records: consuming [CSVRecord], of file: ImportFile, _ notice: (Notice) -> Void) throws -> Outcome {
        guard !records.isEmpty else { throw RapportError.invalid(field: "file", value: file.path, expected: "it has no header row") }
        let header = records.removeFirst().fields
        if options.recordsOnly { return .records(header: header, records) }
        let overrides = try options.map.map { try CustomerColumns.parseMap($0) } ?? [:]
        switch options.kind {
        case .customers:
            let columns = try CustomerColumns(header: header, overrides: overrides)
            let unmapped = columns.unmapped.map(\.header)
            if !unmapped.isEmpty, !options.restToNotes { notice(.columnsLeftOut(unmapped)) }
            let (restToNotes, now) = (options.restToNotes, now)
            // Rows come out in the shape the import takes, so 100,000 cards are not copied again;
            // the few warnings are set aside on the way, each with its line.
            let warnings = Mutex<[(line: Int, text: String)]>([])
            let (rows, refused) = try readRows(records) { record in
                let read = try columns.read(from: record.fields, line: record.line, restToNotes: restToNotes, createdAt: now)
                if !read.warnings.isEmpty { warnings.withLock { $0 += read.warnings.map { (record.line, $0) } } }
                return (line: record.line, customer: read.customer)
            }
            for warning in warnings.withLock({ $0 }).sorted(by: { $0.line < $1.line }) { notice(.rowWarning(warning.text)) }
            KeptUntilExit.keep(records)
            let outcome = try importCustomers(rows, refused: refused, notice)
            KeptUntilExit.keep(rows)
            return outcome
        case .interactions:
            let columns = try InteractionColumns(header: header, overrides: overrides)
            let restToNotes = options.restToNotes
            let (rows, refusedRows) = try readRows(records) { try columns.row(from: $0.fields, line: $0.line, restToNotes: restToNotes) }
            let logged = try database.importInteractions(rows, skippingUnknown: options.skipBad, dryRun: options.dryRun, now: now)
            return .interactions(logged, refused: refusedRows + logged.refused)
        }
    }

    /// Reads each item into a row, on every core; the first bad one stops the import, or with
    /// --skip-bad each is left out and its reason kept for the report.
    private func readRows<Item: Sendable, Row: Sendable>(_ items: [Item], _ read: @Sendable (Item) throws -> Row)
        throws -> (rows: [Row], refused: [String]) {
        var results = items.concurrentMap { item in Result { try read(item) } }
        var refused: [String] = []
        for case .failure(let error) in results {
            guard options.skipBad, let error = error as? RapportError else { throw error }
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

    private func importCustomers(_ rows: [(line: Int, customer: Customer)], refused: [String],
                                 _ notice: (Notice) -> Void) throws -> Outcome {
        let report = try database.importCustomers(rows, onDuplicate: options.onDuplicate, onConflict: options.onConflict,
                                                  creating: options.creating, dryRun: options.dryRun, now: now) { written in
            notice(.progress(written: written, rows: rows.count))
        }
        return .customers(report, rows: rows.count, refused: refused)
    }
}
