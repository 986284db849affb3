/// A customer as the duplicate search reads them: who they are and what they may share.
public struct DuplicateCandidate: Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var company: String?
    public var phones: [String]
    public var emails: [String]
    /// The day the card was added.
    public var addedOn: Day

    public init(id: Int64, name: String, company: String?, phones: [String], emails: [String], addedOn: Day) {
        self.id = id
        self.name = name
        self.company = company
        self.phones = phones
        self.emails = emails
        self.addedOn = addedOn
    }
}

/// Customers that are likely one: oldest first, with what they share in the seller's words
/// (`same phone 13800138000`).
public struct DuplicateGroup: Hashable, Sendable {
    public var customers: [DuplicateCandidate]
    public var reasons: [String]
}

extension DuplicateKeys {
    /// The book's likely duplicates: customers sharing a phone (as `phone(_:)` reads it), an
    /// email, or a name at the same company (as written, or a name and its spelling in letters
    /// agreeing by `namesAgree`), joined through any chain of these. `cards` come oldest first;
    /// the groups come largest first, then by their oldest customer.
    ///
    /// One pass over the keys in memory: pinyin is read only for the Han names at a company
    /// where a name in letters is also written, all of them in one go.
    public static func groups(_ cards: [DuplicateCandidate], memo: PinyinMemo = PinyinMemo()) -> [DuplicateGroup] {
        var sets = DisjointSets(count: cards.count)
        var holders: [String: Int] = [:]
        /// Each key two cards share, in the order found, at the first card holding it.
        var shared: [(key: String, card: Int, reason: String)] = []
        var told: Set<String> = []
        func link(_ a: Int, _ b: Int, key: String, reason: @autoclosure () -> String) {
            sets.join(a, b)
            if told.insert(key).inserted { shared.append((key, a, reason())) }
        }
        /// Card `card` holds `key`; `reason` says what it shares with the first card holding it.
        func hold(_ key: String, _ card: Int, reason: (_ first: Int) -> String) {
            if let first = holders[key] {
                if first != card { link(first, card, key: key, reason: reason(first)) }
            } else {
                holders[key] = card
            }
        }

        for (i, c) in cards.enumerated() {
            for phone in c.phones {
                if let key = phoneKey(phone) { hold(key, i) { _ in reason(key) } }
            }
        }
        for (i, c) in cards.enumerated() {
            for email in c.emails where !email.isEmpty {
                let key = "mail:" + email.lowercased()
                hold(key, i) { _ in reason(key) }
            }
        }

        // Names at one company: the same name as written, then names in letters and Han names
        // spelt alike (`namesAgree` decides each pair the spelling index proposes).
        var companies: [String: [Int]] = [:]
        for (i, c) in cards.enumerated() where namesSomeone(c.name.trimmingSpaces()) {
            companies[SearchKeys.fold((c.company ?? "").trimmingSpaces()), default: []].append(i)
        }
        func named(_ names: [Int], _ company: String?) -> String {
            let written = names.map { cards[$0].name.trimmingSpaces() }.joined(separator: " / ")
            guard let company = company?.trimmingSpaces(), !company.isEmpty else { return "same name " + written + ", no company" }
            return "same name and company " + written + " · " + company
        }
        var spelt: [[Int]] = []
        for members in companies.values.sorted(by: { $0[0] < $1[0] }) where members.count > 1 {
            for i in members {
                hold(nameKey(name: cards[i].name, company: cards[i].company), i) { first in named([first], cards[first].company) }
            }
            if members.contains(where: { !Pinyin.hasHan(cards[$0].name) }) { spelt.append(members) }
        }
        memo.learn(spelt.flatMap { $0.filter { Pinyin.hasHan(cards[$0].name) }.map { cards[$0].name.trimmingSpaces() } })
        for members in spelt {
            // Names in letters first, so each Han name meets the first of them spelt its way.
            let ordered = members.filter { !Pinyin.hasHan(cards[$0].name) } + members.filter { Pinyin.hasHan(cards[$0].name) }
            var bySpelling: [String: Int] = [:]
            for i in ordered {
                let name = cards[i].name.trimmingSpaces()
                for spelling in spellings(name, han: Pinyin.hasHan(name), memo: memo) where !spelling.isEmpty {
                    guard let first = bySpelling[spelling] else {
                        if !Pinyin.hasHan(name) { bySpelling[spelling] = i }
                        continue
                    }
                    let other = cards[first].name.trimmingSpaces()
                    guard SearchKeys.fold(other) != SearchKeys.fold(name), namesAgree(other, name, memo: memo) else { continue }
                    link(first, i, key: "spelt:\(first):\(SearchKeys.fold(name))", reason: named([min(first, i), max(first, i)], cards[first].company))
                }
            }
        }

        var members: [Int: [Int]] = [:]
        for i in cards.indices { members[sets.root(i), default: []].append(i) }
        var reasons: [Int: [String]] = [:]
        for s in shared { reasons[sets.root(s.card), default: []].append(s.reason) }
        return members.filter { $0.value.count > 1 }
            .sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.value[0] < $1.value[0] }
            .map { root, positions in DuplicateGroup(customers: positions.map { cards[$0] }, reasons: reasons[root] ?? []) }
    }
}

/// Positions joined into sets, each named by a root (union–find with path halving).
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func root(_ i: Int) -> Int {
        var i = i
        while parent[i] != i {
            parent[i] = parent[parent[i]]
            i = parent[i]
        }
        return i
    }

    /// Joins the sets holding `a` and `b`, under the older root so a set is named by its first position.
    mutating func join(_ a: Int, _ b: Int) {
        let (x, y) = (root(a), root(b))
        if x != y { parent[max(x, y)] = min(x, y) }
    }
}
