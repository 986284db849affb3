/// One record of a CSV file: its cells as written, and the line it starts on.
public struct CSVRecord: Hashable, Sendable {
    /// The cells in file order; a row may have more or fewer than the header.
    public var fields: [String]
    /// The 1-based line of the file the record starts on, for messages about it.
    public var line: Int

    /// A record of `fields` starting on `line`.
    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }
}
