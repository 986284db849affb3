import Foundation
import Testing

/// Runs the built `rapport` binary, as a seller's shell would.
struct RapportBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: Data
    }

    /// The debug build beside the tests (or `RAPPORT_BIN`).
    static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["RAPPORT_BIN"] { return URL(fileURLWithPath: path) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/rapport")
    }()

    /// A fresh directory and database path for one test, removed when the last copy of
    /// this value is gone.
    let directory: URL
    private let removal: Removal
    var database: String { directory.appendingPathComponent("book.db").path }
    var today = "2026-11-23"

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        removal = Removal(directory)
    }

    /// Removes a test's directory when the test no longer holds it.
    private final class Removal: Sendable {
        let directory: URL
        init(_ directory: URL) { self.directory = directory }
        deinit { try? FileManager.default.removeItem(at: directory) }
    }

    /// Runs `rapport ARGS` on this test's database with today fixed.
    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        environment["RAPPORT_DB"] = database
        environment["RAPPORT_TODAY"] = today
        environment["NO_COLOR"] = "1"
        // English unless a test asks for another, whatever the machine's locale.
        environment["RAPPORT_LANG"] = "en"
        for (k, v) in extra { environment[k] = v }
        return try Self.run(arguments, environment: environment)
    }

    static func run(_ arguments: [String], environment: [String: String]) throws -> Result {
        try runProgram(url.path, arguments, environment: environment)
    }

    /// Runs any program with stdin from /dev/null, reading its output whole.
    static func runProgram(_ path: String, _ arguments: [String],
                           environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting, so a large output cannot fill the pipe and stall the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self), stdoutBytes: stdout)
    }

    /// Runs and fails the test unless the command succeeded.
    @discardableResult
    func ok(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let result = try run(arguments, environment: environment)
        guard result.status == 0 else {
            throw Failure(description: "rapport \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result
    }

    /// The JSON a command printed.
    func json(_ arguments: [String]) throws -> Any {
        try JSONSerialization.jsonObject(with: ok(arguments).stdoutBytes)
    }

    /// The database file's bytes, to prove a failed command changed nothing.
    func snapshot() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: database))
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }
}

extension RapportBinary {
    /// Expects `arguments` to be refused with exit 2 and exactly `message` on stderr, nothing
    /// on stdout, and the book unchanged.
    func expectRefused(_ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try snapshot()
        let result = try run(arguments)
        #expect(result.status == 2, "\(arguments)", sourceLocation: sourceLocation)
        #expect(result.stderr == "rapport: " + message + "\n", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(try snapshot() == before, "a refused command changed the book", sourceLocation: sourceLocation)
    }
}
