import RapportCore

/// An import's dry run, read before anything is written: `y` imports the file.
public struct ImportPreview: Sendable, Equatable {
    /// The file, as the import reads it.
    public var path: String
    /// The totals, what the import noticed, then a line for each row it reports on; sanitized.
    public var lines: [String]
    /// Whether the import would write anything (a file of duplicates alone writes nothing).
    public var writes: Bool
    /// The first line shown.
    public var top = 0

    public init(path: String, lines: [String], writes: Bool) {
        self.path = path
        self.lines = lines
        self.writes = writes
    }

    /// The path a seller typed or pasted, as a file name: spaces around it, the quotes a
    /// terminal adds to a dropped file ('…' or "…") and the backslashes before its spaces
    /// go, and `~` is the home folder.
    public static func path(typed: String, home: String?) -> String {
        var path = typed.trimmingSpaces()
        if path.count >= 2, let first = path.first, first == "'" || first == "\"", path.last == first {
            path = String(path.dropFirst().dropLast())
        } else {
            path = path.replacing("\\ ", with: " ")
        }
        if let home, path == "~" || path.hasPrefix("~/") { path = home + path.dropFirst() }
        return path
    }
}
