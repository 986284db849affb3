/// A person or a company (a company has contact persons under it).
public enum CustomerKind: String, CaseIterable, Sendable, Codable {
    case person, company
}
