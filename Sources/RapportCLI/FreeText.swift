import ArgumentParser

/// Words of free text (a note, a title) taken with `.allUnrecognized`, so that `-10%` or
/// `-2d` is text rather than an unknown option. A word like `--nxt` or `-x` before any `--`
/// is still an option the seller mistyped and is refused; after `--`, every word is text.
enum FreeText {
    static func words(_ words: [String]) throws -> [String] {
        var text: [String] = []
        var literal = false
        for word in words {
            if !literal, word == "--" {
                literal = true
                continue
            }
            let second = word.dropFirst().first
            if !literal, word.hasPrefix("-"), second == "-" || second.map({ $0.isASCII && $0.isLetter }) == true {
                throw ValidationError("Unknown option '\(word)'; a word of text that begins with - goes after --")
            }
            text.append(word)
        }
        return text
    }
}
