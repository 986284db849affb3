/// Which customers `rapport list` shows; nil fields do not filter.
public struct CustomerFilter: Hashable, Sendable {
    public enum GradeChoice: Hashable, Sendable {
        case grade(Grade)
        case ungraded
    }

    public var grade: GradeChoice?
    public var tag: String?
    public var city: String?
    public var status: CustomerStatus?

    public init(grade: GradeChoice? = nil, tag: String? = nil, city: String? = nil, status: CustomerStatus? = nil) {
        self.grade = grade
        self.tag = tag
        self.city = city
        self.status = status
    }
}
