import Foundation
import Synchronization

/// One fuzzing run: the template books, the seeds, the counts and the findings kept so far.
final class Campaign: Sendable {
    enum Kind: String, CaseIterable {
        case crash, hang
        case silentChange = "silent-change"
        case unreadable
        case messy = "messy-error"

        /// The kinds that fail the slice; a messy message is reported but does not.
        var isSerious: Bool { self != .messy }
    }

    struct Tally {
        var cases = 0, crash = 0, hang = 0, refused = 0, accepted = 0
        var found: [Kind: Int] = [:]
    }

    /// One kind of finding (target, kind and the first line of what went wrong), with how
    /// often it came up and the folders kept for it.
    struct Signature {
        var count = 0
        var folders: [String] = []
    }

    /// The day, and the hour too: otherwise the time of day comes from the wall clock.
    static let today = "2026-11-23 12:00"
    /// Folders kept per signature; the rest are only counted.
    static let keptPerSignature = 3

    let seed: UInt64
    let timeout: Double
    /// Print one line per case (FUZZ_TRACE=1), to see what the mutations reach.
    let trace: Bool
    let findings: URL
    let workspace: URL
    let templates: [FuzzCase.Book: Data]
    let seeds: Seeds
    let targets = Target.all
    private let tallies = Mutex<[String: Tally]>([:])
    private let signatures = Mutex<[String: Signature]>([:])

    /// Makes the demo and empty books once, checks them, and gathers the seeds: the committed
    /// ones, the demo book's own exports, and `testdata` when given.
    init(seed: UInt64, timeout: Double = 10, trace: Bool = false, findings: URL, testdata: URL?) throws {
        self.seed = seed
        self.timeout = timeout
        self.trace = trace
        self.findings = findings
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        self.workspace = workspace
        let demo = workspace.appendingPathComponent("demo.db")
        let empty = workspace.appendingPathComponent("empty.db")
        let header = workspace.appendingPathComponent("header.csv")
        try Data("Name\n".utf8).write(to: header)
        func must(_ arguments: [String], _ book: URL) throws -> Data {
            let run = try Runner.run(arguments, in: workspace, environment: Self.environment(book: book), timeout: 60)
            guard run.status == 0, !run.signalled else {
                throw Failure("rapport \(arguments.joined(separator: " ")) exited \(run.status): \(String(decoding: run.stderr, as: UTF8.self))")
            }
            return run.stdout
        }
        _ = try must(["demo", "--customers", "20", "--seed", "1"], demo)
        // A dry run of a header-only file is the plainest way to have Rapport make an empty book.
        _ = try must(["import", header.path, "--dry-run"], empty)
        _ = try must(["check"], demo)
        _ = try must(["check"], empty)
        templates = [.demo: try Data(contentsOf: demo), .empty: try Data(contentsOf: empty)]

        var seeds = Seeds()
        let committed = Runner.packageRoot.appendingPathComponent("Tests/Fuzz/seeds")
        seeds.customers = try Self.files(in: committed.appendingPathComponent("customers"))
        seeds.interactions = try Self.files(in: committed.appendingPathComponent("interactions"))
        seeds.vcards = try Self.files(in: committed.appendingPathComponent("vcard"))
        seeds.exports = [Array(try must(["export", "--format", "json"], demo))]
        seeds.customers.append(Array(try must(["export", "--format", "csv"], demo)))
        seeds.interactions.append(Array(try must(["export", "--format", "csv", "--kind", "interactions"], demo)))
        seeds.vcards.append(Array(try must(["export", "--format", "vcard"], demo)))
        if let testdata {
            for (ext, bytes) in try Self.tree(testdata) {
                switch ext {
                case "csv": seeds.customers.append(bytes); seeds.interactions.append(bytes)
                case "vcf": seeds.vcards.append(bytes)
                case "json": seeds.exports.append(bytes)
                default: break
                }
            }
        }
        let listed = try JSONSerialization.jsonObject(with: try must(["list", "--json"], demo)) as? [[String: Any]] ?? []
        seeds.references = ["djg", "sj", "Aiko", "杜", "1", "#1", "15951426456", "159-5142-6456"]
        for customer in listed {
            if let id = customer["id"] as? Int { seeds.references.append("#\(id)") }
            if let name = customer["name"] as? String { seeds.references.append(name) }
            if let phone = customer["phone"] as? String { seeds.references.append(phone) }
        }
        self.seeds = seeds
        try FileManager.default.removeItem(at: demo)
        try FileManager.default.removeItem(at: empty)
        try FileManager.default.removeItem(at: header)
    }

    /// How many cases have run so far.
    var casesRun: Int {
        tallies.withLock { $0.values.reduce(0) { $0 + $1.cases } }
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: workspace)
    }

    /// Runs cases 0..<count on two lanes, starting none after `deadline`.
    func run(cases count: Int, until deadline: Date) {
        run { $0 < count && Date() < deadline }
    }

    /// Runs cases on two lanes until `deadline`.
    func run(until deadline: Date) {
        run { _ in Date() < deadline }
    }

    private func run(while more: @Sendable @escaping (Int) -> Bool) {
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard more(index) else { return }
                runCase(index)
            }
        }
    }

    // MARK: One case

    func runCase(_ index: Int) {
        var rng = SplitMix(seed: seed, index: index)
        let target = targets[index % targets.count]
        let fuzz = target.make(&rng, seeds)
        let directory = workspace.appendingPathComponent("case-\(index)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var tally = Tally()
        tally.cases = 1
        var found: [(kind: Kind, detail: String, steps: [[String]])] = []
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let book = directory.appendingPathComponent("book.db")
            let before = templates[fuzz.book]!
            try before.write(to: book)
            if let file = fuzz.file { try Data(file.bytes).write(to: directory.appendingPathComponent(file.name)) }
            let environment = Self.environment(book: book)
            let main = try Runner.run(fuzz.arguments, in: directory, environment: environment, timeout: timeout)
            let stderr = String(decoding: main.stderr, as: UTF8.self)
            if main.timedOut {
                tally.hang = 1
                found.append((.hang, "no exit after \(Int(timeout)) s", []))
            } else if main.signalled || main.status >= 128 || stderr.contains("Fatal error") {
                tally.crash = 1
                found.append((.crash, Self.describe(main), []))
            } else if main.status != 0 {
                tally.refused = 1
                if Self.changed(book, from: before) {
                    found.append((.silentChange, "refused (exit \(main.status)) but the book's bytes changed: "
                                  + Self.firstLine(stderr), []))
                }
                if main.stderr.isEmpty { found.append((.messy, "refused (exit \(main.status)) without a word", [])) }
            } else {
                tally.accepted = 1
                if fuzz.readsOnly, Self.changed(book, from: before) {
                    found.append((.silentChange, "a dry run or a read changed the book's bytes", []))
                }
                found += try readBack(in: directory, environment: environment, everyone: fuzz.book == .empty)
            }
            if Self.hasRawControl(main.stderr) {
                found.append((.messy, "raw control character on stderr: " + Self.visible(Self.firstLine(stderr)), []))
            }
            if !Self.printsJSON(fuzz.arguments), Self.hasRawControl(main.stdout) {
                found.append((.messy, "raw control character on stdout", []))
            }
            if trace {
                let outcome = tally.hang == 1 ? "hang" : tally.crash == 1 ? "crash" : tally.refused == 1 ? "refused" : "accepted"
                print("case \(index) \(target.name) \(outcome): rapport \(Self.visible(fuzz.arguments.joined(separator: " ").prefix(160).description))"
                      + " — \(Self.visible(Self.firstLine(stderr)))" + found.map { " [\($0.kind.rawValue): \($0.detail)]" }.joined())
            }
            for finding in found {
                tally.found[finding.kind, default: 0] += 1
                keep(finding, index: index, target: target.name, fuzz: fuzz, main: main)
            }
        } catch {
            // The harness itself failed (a full disk, say): counted as a crash so it is not missed.
            tally.crash = 1
            tally.found[.crash, default: 0] += 1
            record(signature: "\(target.name) | crash | the harness failed: \(error)", folder: nil)
        }
        tallies.withLock { all in
            var t = all[target.name] ?? Tally()
            t.cases += tally.cases
            t.crash += tally.crash
            t.hang += tally.hang
            t.refused += tally.refused
            t.accepted += tally.accepted
            for (kind, n) in tally.found { t.found[kind, default: 0] += n }
            all[target.name] = t
        }
    }

    /// After an accepted run, the commands a seller runs next must all read the book. `everyone`:
    /// show every customer, not just the newest, as any row of a restored book may be a mutated one.
    private func readBack(in directory: URL, environment: [String: String], everyone: Bool) throws -> [(kind: Kind, detail: String, steps: [[String]])] {
        var steps: [[String]] = [["check"], ["today"], ["funnel"], ["list", "--json"]]
        var found: [(kind: Kind, detail: String, steps: [[String]])] = []
        var i = 0
        while i < steps.count {
            let step = steps[i]
            i += 1
            let run = try Runner.run(step, in: directory, environment: environment, timeout: timeout)
            let done = Array(steps[..<i])
            guard !run.timedOut, !run.signalled, run.status == 0 else {
                let what = run.timedOut ? "no exit after \(Int(timeout)) s" : Self.describe(run)
                found.append((.unreadable, "then `rapport \(step.joined(separator: " "))`: \(what)", done))
                return found
            }
            if Self.hasRawControl(run.stderr) || (!Self.printsJSON(step) && Self.hasRawControl(run.stdout)) {
                found.append((.messy, "then `rapport \(step.joined(separator: " "))` printed a raw control character", done))
            }
            if step == ["list", "--json"] {
                guard let listed = try? JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]] else {
                    found.append((.unreadable, "then `rapport list --json` printed what is not a JSON array", done))
                    return found
                }
                // The newest customer is the one an import most likely just added.
                let ids = listed.compactMap { $0["id"] as? Int }.sorted()
                for id in everyone ? ids : Array(ids.suffix(1)) { steps.append(["show", "#\(id)"]) }
                steps.append(["export", "--format", "json"])
            }
        }
        return found
    }

    // MARK: Findings

    private func keep(_ finding: (kind: Kind, detail: String, steps: [[String]]), index: Int, target: String,
                      fuzz: FuzzCase, main: Runner.Outcome) {
        // A crash's site names its line; other details are blurred so one defect is one signature.
        let signature = "\(target) | \(finding.kind.rawValue) | "
            + (finding.kind == .crash ? finding.detail : Self.normalized(finding.detail))
        let keeping = signatures.withLock { $0[signature, default: Signature()].folders.count < Self.keptPerSignature }
        guard keeping else { return record(signature: signature, folder: nil) }
        let name = "\(target.replacingOccurrences(of: " ", with: "_").filter { $0.isLetter || $0 == "_" })"
            + "-\(finding.kind.rawValue)-seed\(seed)-case\(index)"
        let folder = findings.appendingPathComponent(name)
        do {
            let manager = FileManager.default
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try templates[fuzz.book]!.write(to: folder.appendingPathComponent("book.db"))
            if let file = fuzz.file { try Data(file.bytes).write(to: folder.appendingPathComponent(file.name)) }
            try main.stdout.write(to: folder.appendingPathComponent("stdout.txt"))
            try main.stderr.write(to: folder.appendingPathComponent("stderr.txt"))
            let command = "rapport " + fuzz.arguments.map(Self.quoted).joined(separator: " ")
            try Data("\(command)\n\nkind: \(finding.kind.rawValue)\ntarget: \(target)\nseed: \(seed), case \(index)\n\(finding.detail)\n".utf8)
                .write(to: folder.appendingPathComponent("finding.txt"))
            let replay = folder.appendingPathComponent("replay.sh")
            try Data(replayScript(fuzz: fuzz, steps: finding.steps, finding: finding.kind, target: target).utf8).write(to: replay)
            try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: replay.path)
            record(signature: signature, folder: folder.path)
        } catch {
            record(signature: signature + " (not kept: \(error))", folder: nil)
        }
    }

    private func record(signature: String, folder: String?) {
        signatures.withLock { all in
            all[signature, default: Signature()].count += 1
            if let folder { all[signature]!.folders.append(folder) }
        }
    }

    /// A script that runs the case again on a copy of its book, then the read-back commands
    /// up to the one that failed.
    private func replayScript(fuzz: FuzzCase, steps: [[String]], finding: Kind, target: String) -> String {
        var lines = [
            "#!/bin/sh",
            "# Replays this \(finding.rawValue) finding of the \(target) target: the command on a copy of",
            "# the book it started from, then the commands run after it. RAPPORT_BIN picks the binary.",
            "here=$(cd \"$(dirname \"$0\")\" && pwd)",
            "bin=${RAPPORT_BIN:-\(Self.quoted(Runner.binary.path))}",
            "work=$(mktemp -d)",
            "trap 'rm -rf \"$work\"' EXIT",
            "cp \"$here/book.db\" \"$work/book.db\"",
        ]
        if let file = fuzz.file { lines.append("cp \"$here/\(file.name)\" \"$work/\"") }
        lines += [
            "cd \"$work\"",
            "export RAPPORT_DB=\"$work/book.db\" RAPPORT_TODAY='\(Self.today)' NO_COLOR=1 TZ=UTC",
        ]
        for arguments in [fuzz.arguments] + steps {
            lines.append("\"$bin\" " + arguments.map(Self.quoted).joined(separator: " ") + " </dev/null; echo \"exit $?\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Report

    var seriousFindings: [String] {
        signatures.withLock { all in
            all.filter { entry in Kind.allCases.contains { $0.isSerious && entry.key.contains("| \($0.rawValue) |") } }
                .map { "\($0.key) ×\($0.value.count)" + ($0.value.folders.first.map { " → \($0)" } ?? "") }.sorted()
        }
    }

    func report(title: String) -> String {
        let all = tallies.withLock { $0 }
        var rows = targets.map { ($0.name, all[$0.name] ?? Tally()) }
        var total = Tally()
        for (_, t) in rows {
            total.cases += t.cases; total.crash += t.crash; total.hang += t.hang
            total.refused += t.refused; total.accepted += t.accepted
            for (kind, n) in t.found { total.found[kind, default: 0] += n }
        }
        rows.append(("total", total))
        let header = ["target", "cases", "crash", "hang", "refused", "accepted", "silent change", "unreadable", "messy error"]
        var table = [header]
        for (name, t) in rows {
            table.append([name, "\(t.cases)", "\(t.crash)", "\(t.hang)", "\(t.refused)", "\(t.accepted)",
                          "\(t.found[.silentChange] ?? 0)", "\(t.found[.unreadable] ?? 0)", "\(t.found[.messy] ?? 0)"])
        }
        let widths = header.indices.map { column in table.map { $0[column].count }.max()! }
        var text = title + "\n\n"
        for (i, row) in table.enumerated() {
            text += "| " + row.indices.map { c in c == 0 ? row[c].padding(toLength: widths[c], withPad: " ", startingAt: 0)
                : String(repeating: " ", count: widths[c] - row[c].count) + row[c] }.joined(separator: " | ") + " |\n"
            if i == 0 { text += "|" + widths.indices.map { c in c == 0 ? String(repeating: "-", count: widths[c] + 2)
                : String(repeating: "-", count: widths[c] + 1) + ":" }.joined(separator: "|") + "|\n" }
        }
        let found = signatures.withLock { $0 }.sorted { $0.key < $1.key }
        if found.isEmpty { return text + "\nNo findings.\n" }
        text += "\nFindings (target | kind | first line ×count → a kept folder), kept under \(findings.path):\n"
        for (signature, entry) in found {
            text += "- \(signature) ×\(entry.count)" + (entry.folders.first.map { " → \($0)" } ?? "") + "\n"
        }
        return text
    }

    // MARK: Helpers

    static func environment(book: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["RAPPORT_DB"] = book.path
        environment["RAPPORT_TODAY"] = today
        environment["NO_COLOR"] = "1"
        environment["TZ"] = "UTC"
        return environment
    }

    /// Whether the book differs from `before`, or holds writes still in its write-ahead log.
    static func changed(_ book: URL, from before: Data) -> Bool {
        let wal = (try? FileManager.default.attributesOfItem(atPath: book.path + "-wal")[.size] as? Int) ?? 0
        return wal > 0 || (try? Data(contentsOf: book)) != before
    }

    /// C0 controls other than the line feed, DEL, C1 controls and bidi overrides: what the
    /// product's sanitizer promises never reaches the terminal.
    static func hasRawControl(_ data: Data) -> Bool {
        String(decoding: data, as: UTF8.self).unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0A: false
            case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }

    /// JSON output is escaped by its writer, and the JSON rules allow C1 and bidi characters raw.
    static func printsJSON(_ arguments: [String]) -> Bool {
        arguments.contains("--json") || arguments.contains("--records") || arguments.first == "export"
    }

    static func describe(_ run: Runner.Outcome) -> String {
        let stderr = String(decoding: run.stderr, as: UTF8.self)
        let how = run.signalled ? "killed by signal \(run.status)" : "exit \(run.status)"
        return how + ": " + (crashSite(stderr) ?? firstLine(stderr))
    }

    /// Where the Swift runtime says it stopped: a fatal error's line, or a runtime failure
    /// (an overflow, say) with the first source line of its backtrace, free of addresses.
    static func crashSite(_ stderr: String) -> String? {
        let lines = stderr.split(separator: "\n").map(String.init)
        if let fatal = lines.first(where: { $0.contains("Fatal error") }) { return fatal }
        guard let at = lines.firstIndex(where: { $0.contains("Swift runtime failure: ") }) else { return nil }
        var failure = String(lines[at].split(separator: "Swift runtime failure: ", maxSplits: 1).last ?? "")
        if let cut = failure.range(of: " in rapport at ") { failure = String(failure[..<cut.lowerBound]) }
        let frame = lines[at...].lazy.compactMap { line in
            line.range(of: " at ", options: .backwards).map { String(line[$0.upperBound...]) }
        }.first { $0.contains(".swift:") }
        return failure + (frame.map { " at " + URL(fileURLWithPath: $0).lastPathComponent } ?? "")
    }

    static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", omittingEmptySubsequences: true).first ?? "").prefix(300).description
    }

    /// The detail with its numbers and quoted values blurred, so one defect is one signature.
    static func normalized(_ detail: String) -> String {
        var out = ""
        var quoted = false
        for ch in detail.prefix(200) {
            if ch == "\"" { quoted.toggle(); out.append(quoted ? "\"…" : "\""); continue }
            if quoted { continue }
            if ch.isNumber {
                if out.last != "#" { out.append("#") }
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// Controls and line breaks shown as \u{…}, so a report line is one line and cannot drive the terminal.
    static func visible(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            scalar == "\n" || hasRawControl(Data(String(scalar).utf8)) ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
    }

    static func quoted(_ argument: String) -> String {
        "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func files(in folder: URL) throws -> [[UInt8]] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .sorted { $0.path < $1.path }.map { Array(try Data(contentsOf: $0)) }
    }

    /// Every file under `folder` up to 1 MB, with its lower-cased extension, in a fixed order.
    static func tree(_ folder: URL) throws -> [(String, [UInt8])] {
        let paths = (FileManager.default.subpaths(atPath: folder.path) ?? []).sorted()
        return try paths.compactMap { path in
            let url = folder.appendingPathComponent(path)
            guard let size = try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int,
                  size <= Mutator.maximumSize,
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { return nil }
            return (url.pathExtension.lowercased(), Array(try Data(contentsOf: url)))
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
