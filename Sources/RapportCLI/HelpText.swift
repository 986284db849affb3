import RapportBase

/// Help texts with Chinese in them, wrapped to display cells: argument-parser wraps by
/// characters, so its lines of two-cell characters run past the terminal. A text fitted
/// here has lines short enough in characters too, which argument-parser leaves as they are.
enum HelpText {
    /// Each paragraph's lines joined and filled again to `width` cells, breaking at spaces
    /// only (`客户名称` stays whole); blank lines and indented lines (examples) stay as written.
    static func fitted(_ text: String, width: Int = 78) -> String {
        var out: [String] = []
        var words: [Substring] = []
        func flush() {
            var line = ""
            for word in words {
                if !line.isEmpty, line.displayWidth + 1 + word.displayWidth > width {
                    out.append(line)
                    line = ""
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            if !line.isEmpty { out.append(line) }
            words = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty || line.first == " " {
                flush()
                out.append(String(line))
            } else {
                words += line.split(separator: " ")
            }
        }
        flush()
        return out.joined(separator: "\n")
    }
}
