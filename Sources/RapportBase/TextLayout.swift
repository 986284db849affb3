/// Which side of a column text sticks to when it is padded.
public enum TextAlignment: Sendable {
    /// Text starts at the left edge; padding goes on the right.
    case left
    /// Text ends at the right edge; padding goes on the left.
    case right
}

extension String {
    /// Returns the string cut to at most `width` terminal cells, ending in "…" when anything was removed.
    ///
    /// Text that already fits is returned unchanged. Graphemes are never split, and a double-width
    /// character that would straddle the limit is dropped, so a cut result can be one cell narrower
    /// than `width`. A width of 0 or less gives "" and a width of 1 gives "…" when the text is cut.
    public func truncated(toWidth width: Int) -> String {
        // No character is wider than its UTF-8 encoding is long, so short strings fit without measuring.
        if utf8.count <= width || displayWidth <= width { return self }
        guard width > 0 else { return "" }
        let budget = width - 1  // one cell is kept for the ellipsis
        var used = 0
        var end = startIndex
        while end < endIndex {
            let characterWidth = DisplayWidth.of(self[end])
            if used + characterWidth > budget { break }
            used += characterWidth
            end = index(after: end)
        }
        return String(self[..<end]) + "…"
    }

    /// Returns the string truncated to `width` cells and padded with spaces to exactly `width` cells.
    ///
    /// Padding by cells rather than by characters is what keeps columns of CJK and Latin names aligned.
    /// A width of 0 or less gives "".
    public func padded(toWidth width: Int, alignment: TextAlignment = .left) -> String {
        guard width > 0 else { return "" }
        let fitted = truncated(toWidth: width)
        let padding = String(repeating: " ", count: width - fitted.displayWidth)
        switch alignment {
        case .left:
            return fitted + padding
        case .right:
            return padding + fitted
        }
    }

    /// Word-wraps the string into lines of at most `width` terminal cells.
    ///
    /// Lines break at spaces (U+0020) and between two double-width characters, so Chinese text wraps
    /// without spaces; a word wider than `width` is broken between graphemes. Every newline in the text
    /// starts a new line, so blank lines are kept as "". Spaces at a break are dropped, no line ends in
    /// a space, and spaces leading a paragraph are kept as indentation when the first word still fits.
    /// A double-width character cannot fit a width of 1 and is shown as "…" instead.
    /// Returns [] for an empty string or a width below 1.
    public func wrapped(toWidth width: Int) -> [String] {
        guard !isEmpty, width > 0 else { return [] }
        return split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .flatMap { wrapParagraph($0, width: width) }
    }
}

/// An unbreakable run of text and the spaces in front of it.
private struct Segment {
    var spaces: Int
    var text: String
    var width: Int
}

/// Splits one line of text at its break opportunities; trailing spaces are dropped.
private func segments(of paragraph: Substring) -> [Segment] {
    var result: [Segment] = []
    var current = Segment(spaces: 0, text: "", width: 0)
    var previousWasWide = false
    for character in paragraph {
        if character == " " {
            if !current.text.isEmpty {
                result.append(current)
                current = Segment(spaces: 0, text: "", width: 0)
            }
            current.spaces += 1
            previousWasWide = false
            continue
        }
        let width = DisplayWidth.of(character)
        // CJK text has no spaces, so a break is allowed between any two wide characters.
        if width == 2 && previousWasWide {
            result.append(current)
            current = Segment(spaces: 0, text: "", width: 0)
        }
        current.text.append(character)
        current.width += width
        previousWasWide = width == 2
    }
    if !current.text.isEmpty { result.append(current) }
    return result
}

/// Greedily fills lines of at most `width` cells with the segments of one paragraph.
private func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for segment in segments(of: paragraph) {
        // Spaces survive between words on a line and as the paragraph's indentation, never after a break.
        let startsParagraph = lines.isEmpty && line.isEmpty
        let spaces = line.isEmpty && !startsParagraph ? 0 : segment.spaces
        if lineWidth + spaces + segment.width <= width {
            line += String(repeating: " ", count: spaces) + segment.text
            lineWidth += spaces + segment.width
            continue
        }
        if !line.isEmpty {
            lines.append(line)
            line = ""
            lineWidth = 0
        }
        if segment.width <= width {
            line = segment.text
            lineWidth = segment.width
            continue
        }
        for character in segment.text {
            var piece = String(character)
            var pieceWidth = DisplayWidth.of(character)
            if pieceWidth > width {
                piece = "…"
                pieceWidth = 1
            }
            if lineWidth + pieceWidth > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            line += piece
            lineWidth += pieceWidth
        }
    }
    // A paragraph always yields at least one line, so blank lines in the text stay blank lines.
    lines.append(line)
    return lines
}
