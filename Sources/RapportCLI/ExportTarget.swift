// `stat` and its fields: once ZIPFoundation (which imports CoreFoundation) is in the build,
// a release build finds them there, and MemberImportVisibility asks for the import.
import CoreFoundation
import Foundation
import RapportBase
import RapportCore
import RapportStore

/// Where an export goes: stdout, or a file written under a private temporary name beside
/// it (`SiblingFile`) and renamed into place once complete, so a failed export never leaves
/// half a file and no other user's planted file or symlink receives the data.
final class ExportTarget {
    /// The target as the seller named it, for messages.
    private let name: String
    private let path: String?
    private let partial: SiblingFile?
    private let fd: Int32
    /// A terminal shows the text rather than keeping it: control characters and escape
    /// sequences from the book are removed there (a file or a pipe gets the exact text).
    private let isTerminal: Bool

    init(path: String?) throws {
        guard let path, path != "-" else {
            name = "standard output"
            self.path = nil
            partial = nil
            fd = STDOUT_FILENO
            isTerminal = isatty(STDOUT_FILENO) == 1
            return
        }
        name = path
        var status = stat()
        let exists = stat(path, &status) == 0
        if exists, status.st_mode & S_IFMT == S_IFDIR {
            throw RapportError.invalid(field: "output file", value: path, expected: "it is a directory; name a file inside it")
        }
        // A device or a pipe (/dev/null, a named pipe) is written in place: renaming a
        // file over it would replace the device itself.
        if exists, status.st_mode & S_IFMT != S_IFREG {
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else {
                throw RapportError.invalid(field: "output file", value: path, expected: "it cannot be written to (\(String(cString: strerror(errno))))")
            }
            self.path = nil
            partial = nil
            self.fd = fd
            isTerminal = isatty(fd) == 1
            return
        }
        let partial = try SiblingFile(beside: path, label: "partial")
        self.path = path
        self.partial = partial
        fd = partial.fd
        isTerminal = false
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard Terminal.writeAll(fd, bytes) else {
            let reason = errno == ENOSPC ? "the disk is full" : String(cString: strerror(errno))
            throw RapportError.invalid(field: "output", value: name, expected: "the write failed: \(reason); nothing was exported")
        }
    }

    /// Writes whole pieces of text (rows, cards), so an escape sequence is never split
    /// between two writes when it is removed for a terminal.
    func write(_ text: String) throws {
        var text = isTerminal ? TerminalText.sanitizedKeepingNewlines(text) : text
        try text.withUTF8 { try write($0) }
    }

    /// Puts the finished file in place.
    func finish() throws {
        guard let path, let partial else {
            if fd != STDOUT_FILENO { close(fd) }
            return
        }
        try partial.publish(as: path, replacing: true)
    }

    /// Removes an unfinished file.
    func abandon() {
        guard let partial else {
            if fd != STDOUT_FILENO { close(fd) }
            return
        }
        partial.discard()
    }
}
