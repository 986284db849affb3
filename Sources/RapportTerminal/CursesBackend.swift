import CNcursesw
import Foundation
import RapportTUI

/// The one file that touches curses: start and stop the screen, read keys, copy a frame.
/// Every call happens on the main thread, from the run loop.
final class CursesBackend {
    private let colors: Bool

    /// Takes over the terminal, or throws when the terminal type is unknown. `setlocale`
    /// comes first so that ncursesw reads and writes UTF-8; signals that end the program
    /// restore the terminal first.
    /// The environment's locale, with UTF-8 characters whatever it names: a locale the
    /// machine does not have (`LANG=zh_CN.UTF-8` where only C.UTF-8 is generated, as on a
    /// minimal Debian) leaves the C locale, in which ncursesw draws no Chinese at all.
    static func useUTF8() {
        setlocale(LC_ALL, "")
        guard String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" else { return }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "C.utf8") }
    }

    init(color: Bool) throws {
        Self.useUTF8()
        // newterm, not initscr: initscr exits the program itself on an unknown terminal.
        guard let terminal = newterm(nil, fdopen(STDOUT_FILENO, "w"), fdopen(STDIN_FILENO, "r")) else {
            throw TerminalUnavailable(term: ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
        set_term(terminal)
        cbreak()
        noecho()
        nonl()
        keypad(rapport_stdscr(), true)
        set_escdelay(25)
        colors = color && has_colors()
        if colors {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_RED), -1)
            init_pair(2, Int16(COLOR_YELLOW), -1)
            init_pair(3, Int16(COLOR_GREEN), -1)
            init_pair(4, Int16(COLOR_CYAN), -1)
        }
        // A parent may hand down these signals blocked (seen from test runners and sandboxes);
        // the terminal is restored only if they arrive.
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            sigaddset(&signals, signal)
            Foundation.signal(signal) { number in
                endwin()
                _exit(128 + number)
            }
        }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Gives the terminal back as it was.
    func stop() {
        curs_set(1)
        endwin()
    }

    var size: Size { Size(width: Int(rapport_cols()), height: Int(rapport_lines())) }

    /// Copies a frame to the screen; curses sends only what changed.
    func draw(_ buffer: ScreenBuffer) {
        let screen = rapport_stdscr()
        werase(screen)
        for run in buffer.runs {
            let text = run.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
            apply(run.style)
            wmove(screen, Int32(run.y), Int32(run.x))
            waddnwstr(screen, text, Int32(text.count))
        }
        apply(.normal)
        if let (x, y) = buffer.cursor {
            curs_set(1)
            wmove(screen, Int32(y), Int32(x))
        } else {
            curs_set(0)
        }
        wrefresh(screen)
    }

    /// Whether a key arrives within `milliseconds` (it stays queued for `readKey`).
    func keyArrives(within milliseconds: Int32) -> Bool {
        let screen = rapport_stdscr()
        wtimeout(screen, milliseconds)
        defer { wtimeout(screen, -1) }
        var code: wint_t = 0
        let result = wget_wch(screen, &code)
        guard result != ERR else { return false }
        if result == KEY_CODE_YES { ungetch(Int32(code)) } else { unget_wch(wchar_t(bitPattern: code)) }
        return true
    }

    /// Waits for a key; Chinese typed through an input method arrives as whole characters.
    func readKey() -> Key? {
        var code: wint_t = 0
        let result = wget_wch(rapport_stdscr(), &code)
        if result == KEY_CODE_YES { return functionKey(Int32(code)) }
        guard result == OK else { return nil }
        switch code {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(code) + 96)))
        default: return Unicode.Scalar(UInt32(code)).map { .char(Character($0)) }
        }
    }

    private func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case KEY_ENTER: .enter
        case rapport_key_resize(): .resize
        default: nil
        }
    }

    /// Colours when the terminal has them and NO_COLOR is unset; attributes otherwise.
    private func apply(_ style: CellStyle) {
        let (attributes, pair): (attr_t, Int16) = switch style {
        case .normal: (rapport_a_normal(), 0)
        case .title: (rapport_a_bold(), 0)
        case .header: (rapport_a_reverse(), 0)
        case .selected: (rapport_a_reverse() | rapport_a_bold(), 0)
        case .dim: (rapport_a_dim(), 0)
        case .alert: (rapport_a_bold(), colors ? 1 : 0)
        case .warning: (colors ? rapport_a_normal() : rapport_a_underline(), colors ? 2 : 0)
        case .good: (rapport_a_normal(), colors ? 3 : 0)
        case .error: (rapport_a_bold(), colors ? 1 : 0)
        case .bar: (rapport_a_normal(), colors ? 4 : 0)
        }
        wattr_set(rapport_stdscr(), attributes, pair, nil)
    }
}

/// The terminal cannot be driven (an unknown TERM); the caller falls back to text.
public struct TerminalUnavailable: Error, CustomStringConvertible {
    public var term: String

    public var description: String {
        "cannot use this terminal (TERM=\(term.isEmpty ? "unset" : term)) for the full-screen view"
    }
}
