import RapportCore

/// A column of a CSV file, by position and header, as the importers report them.
public struct CSVColumn: Hashable, Sendable {
    /// The 0-based position of the column in each record.
    public var index: Int
    /// The header text as the file has it.
    public var header: String

    /// The column at `index` (0-based) headed `header`.
    public init(index: Int, header: String) {
        self.index = index
        self.header = header
    }

    /// The header for messages and notes; a blank header is named by its position.
    public var name: String {
        let trimmed = header.trimmingSpaces()
        return trimmed.isEmpty ? "column \(index + 1)" : trimmed
    }

    /// The header as the synonym tables compare it: lower-cased, without spaces, underscores,
    /// hyphens or dots, so `E-mail Address`, `email_address` and `EmailAddress` are one header.
    static func key(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { !ignoredInKeys.contains($0) })
    }

    private static let ignoredInKeys: Set<Unicode.Scalar> = [" ", "_", "-", ".", "\t", "\u{3000}", "\u{FEFF}"]
}
