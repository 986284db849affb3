import Foundation
import RapportCore

/// Where an export goes: stdout, or a file written under a temporary name beside it and
/// renamed into place once complete, so a failed export never leaves half a file.
final class ExportTarget {
    private let path: String?
    private let partial: String?
    private let fd: Int32

    init(path: String?) throws {
        guard let path, path != "-" else {
            self.path = nil
            partial = nil
            fd = STDOUT_FILENO
            return
        }
        // A device or a pipe (/dev/null, a named pipe) is written in place: renaming a
        // file over it would replace the device itself.
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else {
                throw RapportError.invalid(field: "output file", value: path, expected: "a path you can write to")
            }
            self.path = nil
            partial = nil
            self.fd = fd
            return
        }
        let partial = path + ".partial-\(getpid())"
        let fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else {
            throw RapportError.invalid(field: "output file", value: path, expected: "a path in a directory you can write to")
        }
        self.path = path
        self.partial = partial
        self.fd = fd
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard Terminal.writeAll(fd, bytes) else {
            throw RapportError.invalid(field: "output file", value: path ?? "the output", expected: "the write failed (\(String(cString: strerror(errno))))")
        }
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write($0) }
    }

    /// Puts the finished file in place.
    func finish() throws {
        guard let path, let partial else {
            if fd != STDOUT_FILENO { close(fd) }
            return
        }
        close(fd)
        guard rename(partial, path) == 0 else {
            unlink(partial)
            throw RapportError.invalid(field: "output file", value: path, expected: "cannot be replaced (\(String(cString: strerror(errno))))")
        }
    }

    /// Removes an unfinished file.
    func abandon() {
        guard let partial else {
            if fd != STDOUT_FILENO { close(fd) }
            return
        }
        close(fd)
        unlink(partial)
    }
}
