import RapportBase
@testable import RapportTUI

/// A terminal's screen as curses and xterm keep it, fed the runs the backend sends: a
/// double-width character takes its cell and the next, writing into either half erases the
/// whole character, and one that would start in the last column does not fit. Nothing is
/// cleared between frames, so each frame's runs must stand on whatever the last one left.
struct TerminalGrid {
    /// One cell: the left half of a wide character holds its text, the right half none.
    enum Half: Equatable {
        case narrow(String)
        case left(String)
        case right
    }

    let width: Int
    let height: Int
    private var halves: [Half]
    private var styles: [CellStyle]
    /// Text a terminal would have wrapped or dropped: past the right edge, or a wide
    /// character in the last column.
    private(set) var faults: [String] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        halves = Array(repeating: .narrow(" "), count: width * height)
        styles = Array(repeating: .normal, count: width * height)
    }

    /// Sends a frame: every run, in order.
    mutating func send(_ frame: ScreenBuffer) {
        for run in frame.runs { write(run) }
    }

    /// Moves to the run's start and writes its text scalar by scalar, as `waddnwstr` does.
    mutating func write(_ run: TerminalRun) {
        var x = run.x
        let row = run.y * width
        for scalar in run.text.unicodeScalars {
            let w = DisplayWidth.of(scalar)
            if w == 0 {
                join(scalar, before: x, row: row)
                continue
            }
            guard x + w <= width else {
                faults.append("\(scalar) at (\(x),\(run.y)) does not fit")
                if x < width { erase(row + x) }
                return
            }
            erase(row + x)
            if w == 2 { erase(row + x + 1) }
            halves[row + x] = w == 2 ? .left(String(scalar)) : .narrow(String(scalar))
            styles[row + x] = run.style
            if w == 2 {
                halves[row + x + 1] = .right
                styles[row + x + 1] = run.style
            }
            x += w
        }
    }

    /// Blanks cell i and, when it is half of a wide character, the other half too.
    private mutating func erase(_ i: Int) {
        switch halves[i] {
        case .left: halves[i + 1] = .narrow(" ")
        case .right: halves[i - 1] = .narrow(" ")
        case .narrow: break
        }
        halves[i] = .narrow(" ")
    }

    /// A zero-width scalar joins the character before the cursor, the whole of a wide one.
    private mutating func join(_ scalar: Unicode.Scalar, before x: Int, row: Int) {
        guard x > 0 else { return }
        let i = halves[row + x - 1] == .right ? row + x - 2 : row + x - 1
        switch halves[i] {
        case .narrow(let text): halves[i] = .narrow(text + String(scalar))
        case .left(let text): halves[i] = .left(text + String(scalar))
        case .right: break
        }
    }

    /// Where the screen differs from `frame`: each row whose text differs, then each cell
    /// whose style does, at most `limit` in all.
    func differences(from frame: ScreenBuffer, limit: Int = 5) -> [String] {
        let rows = zip(text.split(separator: "\n", omittingEmptySubsequences: false), frame.lines).enumerated()
            .filter { $0.element.0 != $0.element.1 }
            .map { "row \($0.offset): “\($0.element.0)”, the frame has “\($0.element.1)”" }
        let cells = frame.cells.indices.filter { styles[$0] != frame.cells[$0].style }
            .map { "(\($0 % width),\($0 / width)) is \(styles[$0]), the frame has \(frame.cells[$0].style)" }
        return Array((rows + cells).prefix(limit))
    }

    /// The screen as `ScreenBuffer.text` reads a frame: one line per row, trailing spaces trimmed.
    var text: String {
        (0..<height).map { y in
            var line = ""
            for half in halves[y * width..<(y + 1) * width] {
                switch half {
                case .narrow(let text), .left(let text): line += text
                case .right: break
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
