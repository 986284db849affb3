import RapportBase

/// What reading a CSV or vCard file will take in memory, so that a file too large for the
/// machine is refused with a message before it is read, rather than the process being
/// killed by the kernel halfway through.
public enum ImportBudget {
    /// Memory per row while a file is imported: its record, its card and the card's keys.
    /// Measured on 2026-12-03: 100,000 rows (11.6 MB) peaked at 296 MB, about 3 KB a row.
    public static let bytesPerRow = 3_072

    /// The memory an import of a file of `fileBytes` bytes and `lines` lines will need: each
    /// row's share, and the file's text decoded once beside its mapped bytes.
    public static func estimate(fileBytes: Int, lines: Int) -> Int {
        let (rows, rowsOverflow) = lines.multipliedReportingOverflow(by: bytesPerRow)
        let (text, textOverflow) = fileBytes.multipliedReportingOverflow(by: 2)
        let (total, totalOverflow) = rows.addingReportingOverflow(text)
        return rowsOverflow || textOverflow || totalOverflow ? Int.max : total
    }

    /// Refuses a file whose import would need more than `available` bytes of memory (the
    /// machine's free memory, when it is known), saying how many rows would fit.
    public static func check(file: String, fileBytes: Int, lines: Int, available: Int?) throws(RapportError) {
        guard let available else { return }
        let needed = estimate(fileBytes: fileBytes, lines: lines)
        guard needed > available else { return }
        let perLine = bytesPerRow + 2 * fileBytes / max(lines, 1)
        let fitting = max(1, available / perLine)
        throw .invalid(field: "file", value: file, expected: "its \(lines.grouped) lines would need about \(megabytes(needed)) of memory "
                       + "and this machine has \(megabytes(available)) free; split it into files of at most \(fitting.grouped) lines")
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 30 ? "\((bytes + (1 << 29)) >> 30) GB" : "\(max(1, (bytes + (1 << 19)) >> 20)) MB"
    }
}
