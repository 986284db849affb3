import RapportBase
import RapportCore

/// A plain-text table whose columns are measured in display cells, so columns of Chinese
/// names line up with Latin ones. Every cell is sanitized: user text never reaches the
/// terminal as control characters or escape sequences.
struct TextTable {
    struct Column {
        var title: String
        var alignment: TextAlignment = .left
        /// Cells wider than this are truncated with an ellipsis.
        var maxWidth: Int = 40
    }

    var columns: [Column]
    var rows: [[String]] = []
    /// A style per row, applied after padding.
    var rowStyles: [Style?] = []

    init(_ columns: [Column]) {
        self.columns = columns
    }

    mutating func append(_ cells: [String], style: Style? = nil) {
        rows.append(cells.map { TerminalText.sanitized($0) })
        rowStyles.append(style)
    }

    /// The table as lines: a header, then the rows; trailing spaces trimmed. Wider than
    /// `width` (the terminal's, by default), the widest columns give up cells, their cells
    /// ending in "…", down to their title's width, rather than every row wrapping.
    func render(width: Int? = Terminal.width) -> String {
        var widths = columns.map { $0.title.displayWidth }
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], min(cell.displayWidth, columns[i].maxWidth))
            }
        }
        if let width {
            let floors = columns.map { max(4, $0.title.displayWidth) }
            while widths.reduce(2 * (widths.count - 1), +) > width,
                  let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) {
                widths[widest] -= 1
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() where i < columns.count {
                parts.append(cell.padded(toWidth: widths[i], alignment: columns[i].alignment))
            }
            return String(parts.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
        var out = Style.bold.apply(line(columns.map(\.title))) + "\n"
        for (row, style) in zip(rows, rowStyles) {
            let text = line(row)
            out += (style?.apply(text) ?? text) + "\n"
        }
        return out
    }
}
