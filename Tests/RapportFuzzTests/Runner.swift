import Foundation
import Synchronization

/// Runs the `rapport` binary once, with a deadline.
enum Runner {
    struct Outcome {
        var status: Int32
        /// Killed by a signal (`status` is then the signal's number).
        var signalled: Bool
        /// Killed by us when the deadline passed.
        var timedOut: Bool
        var stdout: Data
        var stderr: Data
    }

    /// The binary under test: `RAPPORT_BIN`, else the one built beside this test bundle
    /// (so `.build` and `--scratch-path .build-fuzz` both work), else `.build/debug/rapport`.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["RAPPORT_BIN"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let candidates = [Bundle.main.executableURL, Bundle(for: FuzzTests.self).bundleURL].compactMap { $0 }
        for url in candidates {
            let beside = url.deletingLastPathComponent().appendingPathComponent("rapport")
            if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        }
        return packageRoot.appendingPathComponent(".build/debug/rapport")
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs `arguments` in `directory` with stdin from /dev/null, killing the child after
    /// `timeout` seconds. Both pipes are drained while it runs, so a big output cannot stall it.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String],
                    timeout: Double) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        // Set under the lock once the child is reaped, so the watchdog never signals a reused pid.
        let state = Watch()
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            state.flags.withLock { flags in
                guard !flags.reaped else { return }
                flags.killed = true
                kill(pid, SIGKILL)
            }
        }
        let stderr = Collected()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            stderr.data.withLock { $0 = data }
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        reading.wait()
        process.waitUntilExit()
        let killed = state.flags.withLock { flags in
            flags.reaped = true
            return flags.killed
        }
        return Outcome(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                       timedOut: killed && process.terminationReason == .uncaughtSignal, stdout: stdout, stderr: stderr.data.withLock { $0 })
    }

    private final class Watch: Sendable {
        let flags = Mutex((reaped: false, killed: false))
    }

    private final class Collected: Sendable {
        let data = Mutex(Data())
    }
}
