import Foundation
import RapportBase
import RapportCore
import RapportStore
import Testing
import WorkbookFixtures
@testable import RapportTUI

/// An empty book's Today, and `i`: a path, the dry run's report, then `y` imports the file
/// as one change that `u` takes back.
struct ImportTests {
    /// Thirteen lines, so that at 60x15 (ten rows for them) three are below the screen; in
    /// the language of the test, as the import's report is.
    static var preview: ImportPreview {
        ImportPreview(path: "/home/li/客户.csv",
                      lines: [Language.say("Dry run: would create 12, skip 1 duplicates.", "试运行：将新建 12，跳过重复 1。")]
                          + (2...13).map { Language.say("line \($0): create 客户\($0)", "第\($0)行：新建 客户\($0)") },
                      writes: true)
    }

    static func emptyToday(_ size: Size = Fx.small) -> AppState {
        Fx.todayState(size, report: Fx.emptyReport, emptyBook: true)
    }

    // MARK: - The first launch

    @Test func anEmptyBooksTodaySaysHowToBeginWithItsOwnKeys() {
        let s = Self.emptyToday()
        #expect(s.context == .start)
        #expect(s.todayRows.first == .empty("Your book is empty. To begin:"))
        #expect(s.todayRows.contains(.empty("  a  add a customer")))
        #expect(s.todayRows.contains(.empty("    rapport demo --db /tmp/demo.db")))
        // a, i, Tab, ?, q: 5 + 3 + 8 + 3 + 13 + 3 + 6 + 3 + 6 = 50 cells, within 60.
        #expect(Presentation.hints(s, width: 60) == "a add · i import · Tab customers · ? help · q quit")
    }

    @Test func aBookWithCustomersButNothingDueKeepsTheUsualToday() {
        let s = Fx.todayState(Fx.small, report: Fx.emptyReport)
        #expect(s.context == .today)
        #expect(s.todayRows == [.empty("Nothing due today, and nobody forgotten.")])
    }

    @Test func onAnEmptyBookAAddsACustomer() {
        var s = Self.emptyToday()
        s.press(.char("a"))
        #expect(s.form?.isNew == true)
    }

    /// Row 0 the header; rows 2… the steps, each after one blank cell (the longest, row 5 and
    /// row 6, 57 cells); the hint row the start footer (50 cells, see above).
    @Test func anEmptyBooksTodayAtTheMinimumSize() {
        let lines = Self.emptyToday().buffer.lines
        #expect(lines[2] == " Your book is empty. To begin:")
        #expect(lines[4] == "   a  add a customer")
        #expect(lines[5] == "   i  import a spreadsheet (.csv, .xlsx) or vCards (.vcf);")
        #expect(lines[6] == "      you read what it would do before anything is written")
        #expect(lines[8] == "   Or quit (q) and try a demo book:")
        #expect(lines[9] == "     rapport demo --db /tmp/demo.db")
        #expect(lines[10] == "     rapport --db /tmp/demo.db")
        #expect(lines[13] == "a add · i import · Tab customers · ? help · q quit")
    }

    // MARK: - The path

    @Test(arguments: [
        ("~/客户.csv", "/home/li", "/home/li/客户.csv"),
        ("~", "/home/li", "/home/li"),
        ("~li/a.csv", "/home/li", "~li/a.csv"),
        ("~/a.csv", nil, "~/a.csv"),
        ("  a.csv  ", "/home/li", "a.csv"),
        ("'/tmp/我的 客户.csv'", "/home/li", "/tmp/我的 客户.csv"),
        ("\"/tmp/a b.vcf\"", "/home/li", "/tmp/a b.vcf"),
        ("/tmp/我的\\ 客户.csv", "/home/li", "/tmp/我的 客户.csv"),
        ("'a.csv", "/home/li", "'a.csv"),
    ] as [(String, String?, String)])
    func aTypedOrDroppedPathIsReadAsTheFile(typed: String, home: String?, path: String) {
        #expect(ImportPreview.path(typed: typed, home: home) == path)
    }

    // MARK: - The keys

    @Test func iAsksForTheFileAndEnterAsksForItsDryRun() {
        var s = Self.emptyToday()
        s.press(.char("i"))
        #expect(s.prompt?.purpose == .importFile)
        #expect(s.press(.enter).isEmpty)
        #expect(s.prompt?.error == "name the file: ~/客户.csv, contacts.vcf")
        s.type("~/客户.csv")
        #expect(s.press(.enter) == [.previewImport(path: "~/客户.csv")])
        // The prompt stays until the report comes, so a bad path is said on it.
        s.send(.failed("no file matches /home/li/客户.csv"))
        #expect(s.prompt?.error == "no file matches /home/li/客户.csv")
        #expect(s.prompt?.field.text == "~/客户.csv")
    }

    @Test(arguments: [BindingContext.start, .today, .main, .timeline, .card])
    func iWorksWhereverACustomerCanBeAdded(context: BindingContext) {
        #expect(KeyBindings.action(for: .char("i"), in: context) == .importFile)
    }

    @Test func yImportsTheFileThePreviewRead() {
        var s = Self.emptyToday()
        s.press(.char("i"))
        s.type("~/客户.csv\r")
        s.send(.importPreviewed(Self.preview))
        #expect(s.prompt == nil)
        #expect(s.importPreview == Self.preview)
        #expect(s.press(.char("y")) == [.importFile(path: "/home/li/客户.csv")])
        #expect(s.modal == nil)
    }

    @Test(arguments: [Key.escape, .char("n"), .enter, .char("q")])
    func anyOtherKeyImportsNothing(key: Key) {
        var s = Self.emptyToday()
        s.send(.importPreviewed(Self.preview))
        #expect(s.press(key).isEmpty)
        #expect(s.modal == nil)
        #expect(s.message?.text == "nothing imported")
        #expect(!s.quitting)
    }

    @Test func aFileThatWouldWriteNothingIsNotImported() {
        var s = Self.emptyToday()
        s.send(.importPreviewed(ImportPreview(path: "/tmp/a.csv", lines: ["Dry run: would create 0, skip 3 duplicates."], writes: false)))
        #expect(s.press(.char("y")).isEmpty)
        #expect(s.message?.text == "the file adds and changes nothing: nothing imported")
    }

    /// Ten rows for lines at 60x15: thirteen lines scroll by three at most.
    @Test func jAndKScrollTheReportWithinIt() {
        var s = Self.emptyToday()
        s.send(.importPreviewed(Self.preview))
        s.type("jjjjj")
        #expect(s.importPreview?.top == 3)
        s.press(.char("k"))
        #expect(s.importPreview?.top == 2)
        s.press(.pageUp)
        #expect(s.importPreview?.top == 0)
    }

    /// At 60x15: row 1 the title (8 + 4 + 4 + 41 = 57 cells), rows 2…11 the first ten lines
    /// (the totals first), row 12 what is below, row 13 the keys.
    @Test func thePreviewAtTheMinimumSize() {
        var s = Self.emptyToday()
        s.send(.importPreviewed(Self.preview))
        let lines = s.buffer.lines
        #expect(lines[1] == " Import 客户.csv · a dry run: nothing is written until y")
        #expect(lines[2] == " Dry run: would create 12, skip 1 duplicates.")
        #expect(lines[3] == " line 2: create 客户2")
        #expect(lines[11] == " line 10: create 客户10")
        #expect(lines[12] == " … 3 more lines (j)")
        #expect(lines[13] == "y import · j/k scroll · any other key cancels")
        s.type("jjj")
        #expect(s.buffer.lines[2] == " line 4: create 客户4")
        #expect(s.buffer.lines[11] == " line 13: create 客户13")
        #expect(s.buffer.lines[12] == "")
    }

    // MARK: - Against a real book

    /// A file of two customers, a column no field takes and a row without a name.
    static let csv = "姓名,电话,城市,负责人\n王建国,13800138000,上海,李\n陈涛,13900139000,南京,李\n,bad,,\n"

    static func inFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-tui-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test func theDryRunWritesNothingTheImportIsOneChangeAndUndoEmptiesTheBookAgain() throws {
        try Self.inFolder { folder in
            let file = folder.appendingPathComponent("我的 客户.csv")
            try Self.csv.write(to: file, atomically: true, encoding: .utf8)
            let db = try AppDatabase.empty()
            let runner = EffectRunner(database: db, settings: try db.settings(), clock: { Fx.now })
            guard case .todayLoaded(_, _, let emptyBook)? = runner.run(.loadToday(limit: 50)).first else {
                Issue.record("no today")
                return
            }
            #expect(emptyBook)

            guard case .importPreviewed(let preview)? = runner.run(.previewImport(path: "'" + file.path + "'")).first else {
                Issue.record("no preview")
                return
            }
            #expect(preview.path == file.path)
            #expect(preview.writes)
            #expect(preview.lines == [
                "Dry run, nothing written: would create 2, update 0, skip 0 duplicates, refused 1 bad rows.",
                "not imported: \"负责人\"",
                "line 2: create 王建国 (would be #1)",
                "line 3: create 陈涛 (would be #2)",
                "refused: name on line 4 must not be empty",
            ])
            #expect(try db.customerCount() == 0)

            guard case .saved(let message, nil)? = runner.run(.importFile(path: preview.path)).first else {
                Issue.record("not imported")
                return
            }
            #expect(message == "Imported 我的 客户.csv: created 2, updated 0, skipped 0 duplicates, refused 1 bad rows")
            #expect(try db.customerCount() == 2)
            guard case .todayLoaded(_, _, false)? = runner.run(.loadToday(limit: 50)).first else {
                Issue.record("still an empty book")
                return
            }

            guard case .undone? = runner.run(.undo).first else {
                Issue.record("nothing undone")
                return
            }
            #expect(try db.customerCount() == 0)
        }
    }

    /// `i` reads a workbook as `rapport import` does: its first sheet's rows, by their headers.
    @Test func aWorkbookIsPreviewedAndImportedAsACSVIs() throws {
        try Self.inFolder { folder in
            let file = folder.appendingPathComponent("客户.xlsx")
            try WorkbookFile.write(WorkbookFile.parts(sheets: [("客户", WorkbookFile.sheet("""
                <row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>电话</t></is></c></row>\
                <row r="2"><c r="A2" t="inlineStr"><is><t>王建国</t></is></c><c r="B2"><v>13800138000</v></c></row>
                """))]), to: file)
            let db = try AppDatabase.empty()
            let runner = EffectRunner(database: db, settings: try db.settings(), clock: { Fx.now })
            guard case .importPreviewed(let preview)? = runner.run(.previewImport(path: file.path)).first else {
                Issue.record("no preview")
                return
            }
            #expect(preview.lines == ["Dry run, nothing written: would create 1, update 0, skip 0 duplicates.", "line 2: create 王建国 (would be #1)"])
            _ = runner.run(.importFile(path: file.path))
            #expect(try db.resolveCustomer("王建国").phones.map(\.value) == ["13800138000"])
        }
    }

    @Test func aMissingFileAndAJSONBookAreSaidNotImported() throws {
        try Self.inFolder { folder in
            let db = try AppDatabase.empty()
            let runner = EffectRunner(database: db, settings: try db.settings(), clock: { Fx.now })
            let missing = folder.appendingPathComponent("nope.csv").path
            guard case .failed(let notFound)? = runner.run(.previewImport(path: missing)).first else {
                Issue.record("a missing file read")
                return
            }
            // A long path is cut in the message; its start is kept.
            #expect(notFound.hasPrefix("no file \"" + missing.prefix(20)))
            let json = folder.appendingPathComponent("book.json")
            try "{}".write(to: json, atomically: true, encoding: .utf8)
            guard case .failed(let refused)? = runner.run(.previewImport(path: json.path)).first else {
                Issue.record("a JSON book read")
                return
            }
            #expect(refused.contains("rapport import FILE.json --db NEW.db"))
            #expect(try db.customerCount() == 0)
        }
    }
}
