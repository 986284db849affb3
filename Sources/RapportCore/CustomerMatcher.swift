/// A customer as the matcher sees it.
public struct CustomerCandidate: Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var company: String?
    public var keys: SearchKeys

    public init(id: Int64, name: String, company: String?, keys: SearchKeys) {
        self.id = id
        self.name = name
        self.company = company
        self.keys = keys
    }
}

/// How closely a candidate matches what the seller typed; earlier cases win. A match by
/// the name outranks one by the company, and an exact or leading match one inside the text.
public enum MatchTier: Int, Comparable, Sendable, CaseIterable {
    /// The name as typed, its beginning, or inside it.
    case exactName, namePrefix, nameSubstring
    /// A reading of the name in pinyin, or its initials, as typed (`wangjianguo`, `wjg`); or
    /// beginning with what was typed (`wang`, `wj`).
    case namePinyin, namePinyinPrefix
    /// The company, in its characters or in the same ways in pinyin.
    case company
    /// The digits of a phone.
    case phone
    /// Inside a reading or the initials (`jianguo`, `jg`).
    case pinyinPartial

    public static func < (lhs: MatchTier, rhs: MatchTier) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a customer reference resolved to.
public enum CustomerMatch: Equatable, Sendable {
    case one(CustomerCandidate)
    case several([CustomerCandidate])
    case none
}

/// The one matcher behind every customer reference (`rapport log wjg …`) and the TUI's filter.
public enum CustomerMatcher {
    /// The id a reference names: `#12` always, bare digits possibly (the store falls back to
    /// text matching when no customer has that id, so a phone number still works).
    public static func id(in reference: String) -> (id: Int64, explicit: Bool)? {
        let t = reference.trimmingSpaces()
        if t.hasPrefix("#"), let id = Int64(t.dropFirst()), id > 0 { return (id, true) }
        if !t.isEmpty, t.count <= 9, t.allSatisfy(\.isASCIIDigit), let id = Int64(t), id > 0 { return (id, false) }
        return nil
    }

    /// The folded form of a query, as `SearchKeys` stores its keys.
    public static func normalize(_ query: String) -> String {
        SearchKeys.fold(query.trimmingSpaces())
    }

    /// The tier at which a candidate matches a normalized query, or nil.
    ///
    /// Every match is a containment: the folded query in the name or company; the query
    /// without spaces in the pinyin initials (so `w` already finds 王建国 as the seller types,
    /// and `jg` finds 建国) or, from two letters on, in a full reading (`jianguo`); or a
    /// phone-like query's digits in a phone. `SearchCorpus` relies on exactly this to
    /// filter a whole book by substring search.
    public static func tier(of keys: SearchKeys, query q: String) -> MatchTier? {
        guard !q.isEmpty else { return nil }
        if keys.name == q { return .exactName }
        if keys.name.hasPrefix(q) { return .namePrefix }
        if keys.name.contains(q) { return .nameSubstring }
        let compact = self.compact(q)
        let names = keys.readings(ofCompany: false), company = keys.readings(ofCompany: true)
        if !compact.isEmpty {
            if names.pinyin.contains(compact) || names.initials.contains(compact) { return .namePinyin }
            if leads(compact, names) { return .namePinyinPrefix }
        }
        if keys.company.contains(q) { return .company }
        if !compact.isEmpty, company.pinyin.contains(compact) || company.initials.contains(compact) || leads(compact, company) {
            return .company
        }
        if let digits = phoneDigits(q), keys.phones.contains(where: { $0.contains(digits) }) { return .phone }
        guard !compact.isEmpty else { return nil }
        if keys.initials.contains(where: { $0.contains(compact) })
            || (compact.count >= 2 && keys.pinyin.contains(where: { $0.contains(compact) })) {
            return .pinyinPartial
        }
        return nil
    }

    /// Whether readings begin with the query: the initials from one letter, a full reading from two.
    private static func leads(_ compact: String, _ readings: (pinyin: ArraySlice<String>, initials: ArraySlice<String>)) -> Bool {
        readings.initials.contains { $0.hasPrefix(compact) } || (compact.count >= 2 && readings.pinyin.contains { $0.hasPrefix(compact) })
    }

    /// The query as pinyin is matched: spaces removed (`wang jian` → `wangjian`).
    public static func compact(_ q: String) -> String { q.filter { $0 != " " } }

    /// The digits of a query that looks like a phone number (digits with + - . ( ) and
    /// spaces), or nil; without China's +86, as `DuplicateKeys` compares numbers, so
    /// `+8613800138000` finds 138-0013-8000.
    public static func phoneDigits(_ q: String) -> String? {
        guard q.contains(where: \.isASCIIDigit), q.allSatisfy({ $0.isASCIIDigit || "+-.() ".contains($0) }) else { return nil }
        return DuplicateKeys.phone(q)
    }

    /// Resolves a reference among candidates: the best tier that has any match decides.
    public static func match(_ reference: String, among candidates: [CustomerCandidate]) -> CustomerMatch {
        let q = normalize(reference)
        var best: MatchTier?
        var found: [CustomerCandidate] = []
        for candidate in candidates {
            guard let tier = tier(of: candidate.keys, query: q) else { continue }
            if let b = best, tier > b { continue }
            if tier == best {
                found.append(candidate)
            } else {
                best = tier
                found = [candidate]
            }
        }
        switch found.count {
        case 0: return .none
        case 1: return .one(found[0])
        default: return .several(found.sorted { ($0.name, $0.id) < ($1.name, $1.id) })
        }
    }
}
