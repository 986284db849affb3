/// The seller's A/B/C grading of a customer: A the most valuable, contacted most often.
public enum Grade: String, CaseIterable, Sendable, Codable {
    case a = "A", b = "B", c = "C"

    /// Reads `A`, `b`, … (case-insensitive); `none` and the empty string are not grades.
    public init?(text: String) {
        self.init(rawValue: text.uppercased())
    }
}
