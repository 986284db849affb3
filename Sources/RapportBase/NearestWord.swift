/// The word a typo most likely meant, for "did you mean …?" (`tody` → `today`).
public enum NearestWord {
    /// The closest of `words` to `typed` by edit distance (a letter added, dropped, changed
    /// or two swapped), when it is close enough to be the one meant: at most one edit in four
    /// letters, and at least one. Ties go to the earlier word.
    public static func to(_ typed: String, among words: [String]) -> String? {
        let typed = Array(typed.lowercased())
        let allowed = max(1, typed.count / 4)
        var best: (word: String, distance: Int)?
        for word in words {
            let d = distance(typed, Array(word.lowercased()))
            if d <= allowed, d < (best?.distance ?? .max) { best = (word, d) }
        }
        return best?.word
    }

    /// Optimal string alignment distance: Levenshtein's, with a swap of neighbours as one edit.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
