import Foundation
import RapportCore

/// The file `rapport import` was given, mapped into memory, with the format its name says.
public struct ImportFile {
    /// The path as given, for messages.
    public let path: String
    /// The file's name without its folders, for messages that must not be cut short.
    public var name: String { URL(fileURLWithPath: path).lastPathComponent }
    /// The name's extension in lower case: `csv`, `vcf`, `json`, …
    public let format: String
    public let data: Data

    /// Maps the file, or says what is wrong with it: missing, a directory, unreadable. A file
    /// read whole (all but a JSON book, restored row by row) that would not fit in the free
    /// memory is refused here, before any book is opened; a workbook's lines are not its
    /// rows, so it is held to `Workbook.partLimit` for each part instead.
    public init(_ path: String) throws {
        self.path = path
        format = URL(fileURLWithPath: path).pathExtension.lowercased()
        data = try Self.read(path)
        if format != "json", format != "xlsx" {
            try ImportBudget.check(file: path, fileBytes: data.count, lines: Self.lines(data), available: Self.availableMemory())
        }
    }

    private static func read(_ file: String) throws -> Data {
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
    private static func lines(_ data: Data) -> Int {
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
    private static func availableMemory() -> Int? {
        guard let info = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
              let line = info.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return kilobytes * 1024
    }
}
