import Foundation
import RapportCore

/// How the columns of a customer CSV become customer cards, and how cards become columns.
///
/// Headers are matched in English and Chinese, ignoring case, spaces, underscores and
/// hyphens; every value is read by `CustomerField`, the parser the CLI and the TUI use.
public struct CustomerColumns: Sendable {
    /// What a column fills.
    public enum Target: Hashable, Sendable, CustomStringConvertible {
        /// A field of the card, read as its form reads it. Never `.phones` or `.emails`.
        case field(CustomerField)
        /// Phone numbers, each given the label when the cell has none (`Mobile` → mobile).
        case phones(label: String?)
        /// Email addresses, each given the label when the cell has none.
        case emails(label: String?)
        /// The given name, joined with the family name when the row has no full name.
        case firstName
        /// The family name.
        case lastName
        /// A birthday written in three columns (Thunderbird): year, month, day of month.
        case birthYear, birthMonth, birthDayOfMonth

        public var description: String {
            switch self {
            case .field(let f): f.label
            case .phones(let label): label.map { "phones (\($0))" } ?? "phones"
            case .emails(let label): label.map { "emails (\($0))" } ?? "emails"
            case .firstName: "first name"
            case .lastName: "last name"
            case .birthYear: "birth year"
            case .birthMonth: "birth month"
            case .birthDayOfMonth: "birth day"
            }
        }

        /// Whether a row's name can come from this column (`read` falls back to the company,
        /// an email or a phone when there is no name).
        var canName: Bool {
            switch self {
            case .field(.name), .field(.company), .firstName, .lastName, .phones, .emails: true
            default: false
            }
        }

        /// Phones, emails, tags and notes gather every column that names them.
        var isRepeatable: Bool {
            switch self {
            case .phones, .emails, .field(.tags), .field(.notes): true
            default: false
            }
        }
    }

    /// The columns that fill the card, in file order.
    public let mapped: [MappedColumn<Target>]
    /// The columns nothing reads, for the import to report (or put in the notes).
    public let unmapped: [CSVColumn]
    private let mapping: ColumnMapping<Target>
    private let width: Int

    /// Matches a header row; `overrides` (header → field, from `--map`) win over the synonyms.
    /// An override naming a header the file lacks, or a field Rapport lacks, is an error.
    public init(header: [String], overrides: [String: String] = [:]) throws(RapportError) {
        // `Birth Day` and `Birthday` have one key: beside a `Birth Month` it is the day of the month.
        var synonyms = Self.synonyms
        if header.contains(where: { CSVColumn.key($0) == CSVColumn.key("Birth Month") }) {
            synonyms[CSVColumn.key("Birth Day")] = .birthDayOfMonth
        }
        mapping = try ColumnMapping(header: header, overrides: overrides, synonyms: synonyms,
                                    fieldNames: Self.fieldNames, repeatable: \.isRepeatable,
                                    preferred: [CSVColumn.key("Job Title")])
        mapped = mapping.mapped
        unmapped = mapping.unmapped
        width = header.count
        // Said once for the file, rather than as an empty name on its first row.
        guard mapped.contains(where: { $0.target.canName }) else {
            let shown = header.prefix(8).map(\.quotedForMessage).joined(separator: ", ") + (header.count > 8 ? ", …" : "")
            throw .conflict("no column of the file holds a name (its columns are \(shown)); "
                            + "say which one does with --map 'Header=name'")
        }
    }

    /// Reads `--map 'Header=field,Other Header=field'` into header → field; a field may be `ignore`.
    public static func parseMap(_ text: String) throws(RapportError) -> [String: String] {
        var map: [String: String] = [:]
        for entry in text.split(separator: ",") {
            let pair = String(entry).trimmingSpaces()
            guard !pair.isEmpty else { continue }
            guard let equals = pair.lastIndex(of: "=") else {
                throw .invalid(field: "--map entry", value: pair, expected: "write Header=field, as in 'Handy=phones,Firma=company'")
            }
            let header = String(pair[..<equals]).trimmingSpaces()
            let field = String(pair[pair.index(after: equals)...]).trimmingSpaces()
            guard !header.isEmpty, !field.isEmpty else {
                throw .invalid(field: "--map entry", value: pair, expected: "write Header=field, as in 'Handy=phones,Firma=company'")
            }
            guard map[header] == nil else {
                throw .invalid(field: "--map entry", value: pair, expected: "the column \(header.quotedForMessage) is mapped twice")
            }
            map[header] = field
        }
        return map
    }

    // MARK: - Reading a row

    /// The validated customer a record describes; `read(from:…)` without its warnings.
    public func customer(from fields: [String], line: Int, restToNotes: Bool, createdAt: LocalDateTime)
        throws(RapportError) -> Customer {
        try read(from: fields, line: line, restToNotes: restToNotes, createdAt: createdAt).customer
    }

    /// The validated customer a record describes, and what was kept otherwise than asked. A bad
    /// value is an error naming its column, the value and the line; a row without a name is an
    /// error naming the line. A phone cell without a digit (Google and Thunderbird export
    /// placeholders such as `pager`) is kept in the notes as `Header: value`, with a warning.
    /// With `restToNotes` every unmapped non-empty cell is added to the notes the same way;
    /// without it, non-empty cells past the header are an error.
    public func read(from fields: [String], line: Int, restToNotes: Bool, createdAt: LocalDateTime)
        throws(RapportError) -> (customer: Customer, warnings: [String]) {
        var warnings: [String] = []
        var c = Customer(name: "", createdAt: createdAt)
        var given = ""
        var family = ""
        var notes: [String] = []
        var birth: [Target: (column: CSVColumn, value: String)] = [:]
        for m in mapped {
            let value = ColumnMapping<Target>.cell(fields, m.column)
            guard !value.isEmpty else { continue }
            if m.target == .birthYear || m.target == .birthMonth || m.target == .birthDayOfMonth {
                birth[m.target] = (m.column, value)
                continue
            }
            if case .phones = m.target, !value.utf8.contains(where: { $0 &- UInt8(ascii: "0") < 10 }) {
                notes.append(m.column.header + ": " + value)
                warnings.append("line \(line): \(m.column.header.quotedForMessage) \(value.quotedForMessage) has no digits; kept in the notes")
                continue
            }
            do {
                try Self.apply(m.target, value, to: &c, given: &given, family: &family, notes: &notes)
            } catch {
                throw ColumnMapping<Target>.located(error, column: m.column, value: value, line: line)
            }
        }
        if let month = birth[.birthMonth], let day = birth[.birthDayOfMonth] {
            let text = (birth[.birthYear].map { $0.value + "-" } ?? "") + month.value + "-" + day.value
            do {
                try CustomerField.birthday.apply(text, to: &c)
            } catch {
                throw ColumnMapping<Target>.located(error, column: day.column, value: text, line: line)
            }
        }
        if restToNotes {
            notes += mapping.rest(fields, width: width)
        } else {
            try ColumnMapping<Target>.checkWidth(fields, width: width, line: line)
        }
        if c.name.isEmpty { c.name = PersonName.joined(given: given, family: family) }
        // A list of addresses or numbers alone still names someone, as address books do.
        if c.name.isEmpty { c.name = c.company ?? c.emails.first?.value ?? c.phones.first?.value ?? "" }
        guard !c.name.isEmpty else { throw .empty(field: "name on line \(line)") }
        c.notes = notes.isEmpty ? nil : notes.joined(separator: "\n")
        do {
            return (try c.validated(), warnings)
        } catch {
            throw blame(error, fields: fields, line: line, createdAt: createdAt)
        }
    }

    /// Fills one target from a non-empty cell.
    private static func apply(_ target: Target, _ value: String, to c: inout Customer, given: inout String,
                              family: inout String, notes: inout [String]) throws(RapportError) {
        switch target {
        case .birthYear, .birthMonth, .birthDayOfMonth:
            break  // read together once the row is done
        case .firstName:
            given = value
        case .lastName:
            family = value
        case .field(.notes):
            notes.append(value)
        case .field(.tags):
            // Google writes groups as `* myContacts ::: Friends`, Outlook separates categories with `;`.
            // Foundation's search is slow enough to matter on a big file; most cells have neither byte.
            let listed = value.utf8.contains(UInt8(ascii: ":")) || value.utf8.contains(UInt8(ascii: ";"))
                ? value.replacingOccurrences(of: ":::", with: ",").replacingOccurrences(of: ";", with: ",") : value
            let tags = CustomerField.list(listed).map { $0.hasPrefix("* ") ? String($0.dropFirst(2)).trimmingSpaces() : $0 }
            c.tags += tags.filter { !$0.isEmpty }
        case .phones(let label):
            c.phones += CustomerField.labeledList(value).map { LabeledValue($0.value, label: $0.label ?? label) }
        case .emails(let label):
            c.emails += CustomerField.labeledList(value).map { LabeledValue($0.value, label: $0.label ?? label) }
        case .field(let field):
            try field.apply(value, to: &c)
        }
    }

    /// Finds the column whose value the card's validation refused, by validating each column
    /// alone on a scratch card; this runs only once a row has failed, so the common path validates once.
    private func blame(_ error: RapportError, fields: [String], line: Int, createdAt: LocalDateTime) -> RapportError {
        for m in mapped {
            let value = ColumnMapping<Target>.cell(fields, m.column)
            guard !value.isEmpty else { continue }
            var scratch = Customer(name: "-", createdAt: createdAt)
            var given = ""
            var family = ""
            var notes: [String] = []
            do {
                try Self.apply(m.target, value, to: &scratch, given: &given, family: &family, notes: &notes)
                let joined = PersonName.joined(given: given, family: family)
                if !joined.isEmpty { scratch.name = joined }
                scratch.notes = notes.first
                _ = try scratch.validated()
            } catch {
                return ColumnMapping<Target>.located(error, column: m.column, value: value, line: line)
            }
        }
        // Only the columns together break a limit (a name from long parts, the notes joined).
        return .invalid(field: "row", value: "line \(line)", expected: error.description)
    }

    // MARK: - Synonyms

    /// Target by header key: every field's own name, then the headers spreadsheets and other
    /// CRMs write (Outlook, Google, Thunderbird, Salesforce, Chinese Excel templates). Outlook
    /// writes both `Title` (Mr., Dr.) and `Job Title`; the latter is preferred for the title.
    static let synonyms: [String: Target] = {
        var table: [String: Target] = [:]
        for field in CustomerField.allCases {
            table[CSVColumn.key(field.rawValue)] = field == .phones ? .phones(label: nil)
                : field == .emails ? .emails(label: nil) : .field(field)
        }
        let words: [(Target, [String])] = [
            (.field(.name), ["Full Name", "Display Name", "Contact", "Contact Name", "Customer", "Customer Name",
                             "姓名", "客户名称", "客户", "客户姓名", "联系人", "名称"]),
            (.field(.company), ["Organization", "Organisation", "Account", "Account Name", "Company Name",
                                "公司", "单位", "公司名称", "单位名称", "企业", "企业名称"]),
            (.phones(label: nil), ["Phone", "Phone Number", "Tel", "Telephone", "Primary Phone", "Other Phone",
                                   "电话", "联系电话", "电话号码"]),
            (.phones(label: "mobile"), ["Mobile", "Mobile Phone", "Mobile Number", "Home Mobile", "Cell", "Cell Phone",
                                        "手机", "手机号", "手机号码"]),
            (.phones(label: "work"), ["Business Phone", "Business Phone 2", "Work Phone", "Company Main Phone",
                                      "办公电话", "工作电话"]),
            (.phones(label: "home"), ["Home Phone", "Home Phone 2", "家庭电话"]),
            (.phones(label: "fax"), ["Fax", "Fax Number", "Business Fax", "Home Fax", "传真"]),
            (.phones(label: "pager"), ["Pager", "Pager Number"]),
            (.emails(label: nil), ["Email", "E-mail", "Email Address", "E-mail Address", "E-mail 2 Address",
                                   "E-mail 3 Address", "Primary Email", "Secondary Email", "Mail",
                                   "Email Other", "邮箱", "电子邮件", "电子邮箱", "邮件"]),
            (.emails(label: "home"), ["Email Home", "Home Email"]),
            (.emails(label: "work"), ["Email Work", "Work Email"]),
            (.field(.city), ["Town", "Billing City", "Business City", "城市", "所在城市"]),
            (.field(.region), ["Province", "State", "Billing State", "Business State", "省份", "省", "地区", "区域", "片区", "大区"]),
            (.field(.route), ["Route", "路线", "线路", "拜访路线"]),
            (.field(.kind), ["客户类型", "类型", "客户性质"]),
            (.field(.cadence), ["联系周期", "跟进周期", "回访周期"]),
            (.field(.channel), ["Preferred Channel", "偏好渠道", "首选渠道", "联系方式偏好"]),
            (.field(.creditLevel), ["Credit Rating", "信用等级", "信用级别", "信用评级"]),
            (.field(.creditLimit), ["Credit Limit", "信用额度", "授信额度"]),
            (.field(.address), ["Street", "Street Address", "Billing Street", "Business Street", "地址", "详细地址", "联系地址"]),
            (.field(.grade), ["Level", "等级", "级别", "客户等级"]),
            (.field(.tags), ["Tag", "Labels", "Label", "Categories", "Category", "Group Membership", "标签", "分类"]),
            (.field(.birthday), ["Birth Date", "Birthdate", "Date of Birth", "生日", "出生日期"]),
            (.field(.notes), ["Note", "Remarks", "Remark", "Description", "Comments", "备注", "说明"]),
            (.field(.title), ["Job Title", "Position", "职位", "职务", "头衔"]),
            (.field(.industry), ["行业", "所属行业"]),
            (.field(.source), ["Lead Source", "来源", "客户来源"]),
            (.field(.status), ["状态", "客户状态"]),
            (.field(.needs), ["需求", "客户需求"]),
            (.field(.concerns), ["顾虑", "顾虑点", "关注点"]),
            (.firstName, ["First Name", "Given Name", "Forename", "名"]),
            (.lastName, ["Last Name", "Family Name", "Surname", "姓"]),
            (.birthYear, ["Birth Year"]),
            (.birthMonth, ["Birth Month"]),
        ]
        for (target, headers) in words {
            for header in headers { table[CSVColumn.key(header)] = target }
        }
        // Google numbers its columns: `E-mail 1 - Value`, `Phone 3 - Value` (the types beside them are left out).
        for n in 1...9 {
            table[CSVColumn.key("E-mail \(n) - Value")] = .emails(label: nil)
            table[CSVColumn.key("Phone \(n) - Value")] = .phones(label: nil)
        }
        return table
    }()

    static let fieldNames = CustomerField.allCases.map(\.rawValue).joined(separator: ", ") + ", first name, last name"

    // MARK: - Export

    /// The header of a customer CSV export: one column per card field, each named so that
    /// this importer maps it back to the same field.
    public static let exportHeader: [String] = CustomerField.allCases.map { field in
        field.label.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// A customer's cells under `exportHeader`, each as its field's text.
    public static func exportRow(_ c: Customer) -> [String] {
        CustomerField.allCases.map { $0.text(of: c) }
    }
}
