/// A key as the state machine sees it, apart from the terminal's codes.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    case resize

    /// The key as the help screen writes it.
    public var name: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "C-" + String(c)
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .resize: "Resize"
        }
    }

    /// Reads a key script (`--keys`): characters are keys; `\r` Enter, `\e` Esc, `\t` Tab,
    /// `\b` Backspace, `\j` down, `\k` up.
    public static func script(_ text: String) -> [Key] {
        var keys: [Key] = []
        var escaped = false
        for c in text {
            if escaped {
                escaped = false
                switch c {
                case "r", "n": keys.append(.enter)
                case "e": keys.append(.escape)
                case "t": keys.append(.tab)
                case "b": keys.append(.backspace)
                case "j": keys.append(.down)
                case "k": keys.append(.up)
                default: keys.append(.char(c))
                }
            } else if c == "\\" {
                escaped = true
            } else {
                keys.append(.char(c))
            }
        }
        return keys
    }
}
