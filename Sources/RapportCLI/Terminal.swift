import Foundation
import RapportBase
import RapportCore

/// Where output goes, and whether it may be coloured.
enum Terminal {
    /// Colour only on a terminal, never under NO_COLOR (https://no-color.org) or TERM=dumb.
    static let colorEnabled: Bool = {
        let env = ProcessInfo.processInfo.environment
        return isatty(STDOUT_FILENO) == 1 && env["NO_COLOR"].map(\.isEmpty) != false && env["TERM"] != "dumb"
    }()

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    /// Which of the customers a reference matches the seller meant, asked on standard error
    /// and read from standard input: the first nine by number; nil for any other answer.
    @Sendable static func whichCustomer(_ reference: String, _ candidates: [CustomerCandidate]) -> Int64? {
        let shown = candidates.prefix(9)
        error(Language.say("rapport: \(reference.quotedForMessage) matches \(candidates.count) customers:",
                           "rapport：\(reference.quotedForMessage) 匹配到 \(candidates.count) 位客户："))
        for (i, c) in shown.enumerated() {
            error("  \(i + 1). #\(c.id) \(TerminalText.sanitized(c.name))" + (c.company.map { " (" + TerminalText.sanitized($0) + ")" } ?? ""))
        }
        if candidates.count > shown.count {
            error(Language.say("  … and \(candidates.count - shown.count) more: name one by #id", "  … 还有 \(candidates.count - shown.count) 位：请用 #编号"))
        }
        errorInline(Language.say("which one? [1-\(shown.count)] ", "选哪一位？[1-\(shown.count)] "))
        guard let answer = readLine(), let n = Int(answer.trimmingSpaces()), (1...shown.count).contains(n) else { return nil }
        return shown[shown.startIndex + n - 1].id
    }

    /// The terminal's width when standard output is one (tables fit it); nil into a pipe or
    /// a file, where lines are whole for the program reading them.
    static let width: Int? = {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }()

    /// Writes text to stdout in one call (buffered output from `print` is slow for big lists).
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = writeAll(STDOUT_FILENO, $0) }
    }

    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { _ = writeAll(STDOUT_FILENO, $0) }
    }

    static func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        writeAll(STDOUT_FILENO, bytes)
    }

    /// Writes a line to stderr. Messages quote values from arguments and files, so the
    /// whole line is sanitized here, where it is printed, whatever built it.
    static func error(_ text: String) {
        var line = TerminalText.sanitizedKeepingNewlines(text) + "\n"
        line.withUTF8 { _ = writeAll(STDERR_FILENO, $0) }
    }

    /// Writes the whole buffer; false when the descriptor refuses (a full disk, a closed pipe).
    @discardableResult
    static func writeAll(_ fd: Int32, _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var base = buffer.baseAddress else { return true }
        var left = buffer.count
        while left > 0 {
            let n = Foundation.write(fd, base, left)
            if n <= 0 {
                if n < 0, errno == EINTR { continue }
                return false
            }
            base += n
            left -= n
        }
        return true
    }
}

/// SGR attributes for the few places colour helps; plain text when colour is off.
enum Style {
    case bold, dim, red, yellow, green, cyan

    private var code: String {
        switch self {
        case .bold: "1"
        case .dim: "2"
        case .red: "31"
        case .yellow: "33"
        case .green: "32"
        case .cyan: "36"
        }
    }

    /// The text wrapped in this style when colour is on. The text must already be sanitized.
    func apply(_ text: String) -> String {
        Terminal.colorEnabled ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text
    }
}

extension Terminal {
    /// Progress on stderr without a newline (the caller checked stderr is a terminal).
    static func errorInline(_ text: String) {
        var text = text
        text.withUTF8 { _ = writeAll(STDERR_FILENO, $0) }
    }
}
