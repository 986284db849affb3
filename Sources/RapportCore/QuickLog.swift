import RapportBase

/// A log entry in the seller's words, typed at the TUI's log prompt or after `rapport log`
/// and `rapport call`: `call 谈了报价 next 周五`, `v met the CFO next +2w outcome reached`.
public struct QuickLog: Hashable, Sendable {
    public var kind: InteractionKind
    public var note: String
    public var next: When?
    public var outcome: Outcome?

    /// The kind when the line does not start with one: a seller mostly logs calls.
    public static let defaultKind = InteractionKind.call

    /// The words that introduce the next follow-up's date and the outcome.
    public static let nextWords: Set<String> = ["next", "下次", "下一次"]
    public static let outcomeWords: Set<String> = ["outcome", "结果"]

    /// An interaction in the words `parse` reads back: `call 谈了报价 outcome reached` (the
    /// note on one line), for correcting it in the log prompt.
    public static func line(kind: InteractionKind, note: String, outcome: Outcome?) -> String {
        ([kind.rawValue, note.split(whereSeparator: \.isNewline).joined(separator: " ")] + (outcome.map { ["outcome", $0.rawValue] } ?? []))
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Reads a log line. The kind comes first (a name, a one-letter shortcut, or 电话 …),
    /// else it is a call; `next WHEN` (one or two words) and `outcome X` are taken from
    /// anywhere; the rest is the note. A `next` not followed by a date and an `outcome` not
    /// followed by an outcome are words of the note (`boss decides next week`, `the outcome
    /// of the trial`), unless what follows is one mistyped (`next fridya`, `next 2026-02-30`,
    /// `outcome reachd`) or nothing does: those are errors, which name the mistake.
    public static func parse(_ line: String, today: Day) throws(QuickLogError) -> QuickLog {
        try parse(words: line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }).map(String.init), kind: nil, today: today)
    }

    /// Reads the words as the shell hands them over. `kind` is the one a command names
    /// (`rapport call`): then the first word is the note's, even `note` or `c`; without it
    /// the first word may name one, as in a typed line. A word with a space in it (quoted in
    /// the shell) is never `next` or `outcome`, so `"next steps"` stays in the note.
    public static func parse(words: [String], kind named: InteractionKind?, today: Day) throws(QuickLogError) -> QuickLog {
        var words = words
        var kind = named ?? defaultKind
        if named == nil, let first = words.first, let k = InteractionKind(text: first) {
            kind = k
            words.removeFirst()
        }
        var next: When?
        var outcome: Outcome?
        var note: [String] = []
        var i = 0
        while i < words.count {
            let word = words[i]
            if outcomeWords.contains(word.lowercased()), outcome == nil {
                guard i + 1 < words.count else { throw .missingOutcome }
                if let o = Outcome(text: words[i + 1]) {
                    outcome = o
                    i += 2
                    continue
                }
                if NearestWord.to(words[i + 1], among: Outcome.allCases.map(\.rawValue)) != nil { throw .unknownOutcome(words[i + 1]) }
            }
            if nextWords.contains(word.lowercased()), next == nil {
                if let (when, used) = date(in: words, after: i, today: today) {
                    next = when
                    i += 1 + used
                    continue
                }
                if i + 1 == words.count { throw .missingDate }
                if let mistake = mistypedDate(words[i + 1], today: today) { throw .date(mistake) }
            }
            note.append(word)
            i += 1
        }
        return QuickLog(kind: kind, note: note.joined(separator: " "), next: next, outcome: outcome)
    }

    /// The longest date (two words, then one) after position `i`.
    private static func date(in words: [String], after i: Int, today: Day) -> (When, Int)? {
        for used in stride(from: min(2, words.count - i - 1), through: 1, by: -1) {
            let text = words[(i + 1)...(i + used)].joined(separator: " ")
            if let when = try? DateExpression.parse(text, today: today) { return (when, used) }
        }
        return nil
    }

    /// Why a word after `next` is a date typed wrong (a day that does not exist, a date word
    /// misspelt); nil for a word that is no date at all, which the note keeps.
    private static func mistypedDate(_ word: String, today: Day) -> DateExpressionError? {
        do {
            _ = try DateExpression.parse(word, today: today)
            return nil
        } catch .unrecognized(let text) {
            return DateExpression.nearestForm(to: text) == nil ? nil : .unrecognized(text)
        } catch {
            return error
        }
    }

    public init(kind: InteractionKind, note: String, next: When?, outcome: Outcome?) {
        self.kind = kind
        self.note = note
        self.next = next
        self.outcome = outcome
    }
}

/// Why a log line could not be read; shown on the prompt line, the text kept.
public enum QuickLogError: Error, Equatable, Sendable, CustomStringConvertible {
    case date(DateExpressionError)
    case missingDate
    case missingOutcome
    case unknownOutcome(String)

    public var description: String {
        switch self {
        case .date(let e): e.description
        case .missingDate: Language.say("`next` needs a date: next 周五, next +2w, next tomorrow 14:00",
                                        "`next` 后面要写日期：next 周五、next +2w、next 明天 14:00")
        case .missingOutcome: Language.say("`outcome` needs one of ", "`outcome` 后面要写其中之一：") + Outcome.allCases.map(\.rawValue).joined(separator: ", ")
        case .unknownOutcome(let o):
            Language.say("unknown outcome \(o.quotedForMessage); use ", "没有这个结果 \(o.quotedForMessage)；可用 ")
                + Outcome.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }
}
