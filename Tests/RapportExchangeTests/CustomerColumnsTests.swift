import RapportCore
import RapportFixtures
import Testing
@testable import RapportExchange

@Suite struct CustomerColumnsTests {
    typealias Target = CustomerColumns.Target

    // MARK: - Headers

    @Test(arguments: [
        (["姓名", "公司", "手机", "电话", "邮箱", "城市", "等级", "标签", "生日", "备注", "微信"],
         [(0, Target.field(.name)), (1, .field(.company)), (2, .phones(label: "mobile")), (3, .phones(label: nil)),
          (4, .emails(label: nil)), (5, .field(.city)), (6, .field(.grade)), (7, .field(.tags)), (8, .field(.birthday)),
          (9, .field(.notes))],
         [10]),
        (["full_name", "E-Mail Address", "JOB-TITLE", "Lead Source", "Given Name", "Surname", "Business Phone",
          "home phone", "Province", "Organization"],
         [(0, .field(.name)), (1, .emails(label: nil)), (2, .field(.title)), (3, .field(.source)), (4, .firstName),
          (5, .lastName), (6, .phones(label: "work")), (7, .phones(label: "home")), (8, .field(.region)), (9, .field(.company))],
         []),
        // A second column for a one-value field is reported, not dropped; notes gather;
        // Outlook's Title (Mr.) yields to Job Title.
        (["Name", "Contact", "Notes", "Description", "Title", "Job Title"],
         [(0, .field(.name)), (2, .field(.notes)), (3, .field(.notes)), (5, .field(.title))],
         [1, 4]),
        (["客户名称", "单位", "手机号", "联系电话", "电子邮件", "省份", "地址", "级别", "分类", "出生日期", "说明", "职务", "行业", "来源", "状态", "名", "姓"],
         [(0, .field(.name)), (1, .field(.company)), (2, .phones(label: "mobile")), (3, .phones(label: nil)),
          (4, .emails(label: nil)), (5, .field(.region)), (6, .field(.address)), (7, .field(.grade)), (8, .field(.tags)),
          (9, .field(.birthday)), (10, .field(.notes)), (11, .field(.title)), (12, .field(.industry)), (13, .field(.source)),
          (14, .field(.status)), (15, .firstName), (16, .lastName)],
         []),
        (["", "creditLimit", "credit_level", "Cadence", "channel", "route", "needs", "concerns", "kind", "Name"],
         [(1, .field(.creditLimit)), (2, .field(.creditLevel)), (3, .field(.cadence)), (4, .field(.channel)),
          (5, .field(.route)), (6, .field(.needs)), (7, .field(.concerns)), (8, .field(.kind)), (9, .field(.name))],
         [0]),
        // The fields a Chinese spreadsheet names that had no header before: 区域 and 片区 both region (the second
        // reported), 路线, 客户类型, 跟进周期, 首选渠道, 信用等级, 信用额度, 客户需求, 关注点.
        (["客户", "区域", "片区", "路线", "客户类型", "跟进周期", "首选渠道", "信用等级", "信用额度", "客户需求", "关注点"],
         [(0, .field(.name)), (1, .field(.region)), (3, .field(.route)), (4, .field(.kind)), (5, .field(.cadence)),
          (6, .field(.channel)), (7, .field(.creditLevel)), (8, .field(.creditLimit)), (9, .field(.needs)), (10, .field(.concerns))],
         [2]),
    ] as [([String], [(Int, Target)], [Int])])
    func mapsHeaders(_ header: [String], mapped: [(Int, Target)], unmapped: [Int]) throws {
        let columns = try CustomerColumns(header: header)
        #expect(columns.mapped.map(\.column.index) == mapped.map(\.0))
        #expect(columns.mapped.map(\.target) == mapped.map(\.1))
        #expect(columns.unmapped.map(\.index) == unmapped)
    }

    @Test(arguments: [["Name"], ["First Name"], ["姓"], ["Company"], ["手机"], ["Email"], ["Kontakt", "x"]])
    func aFileNeedsAColumnANameCanComeFrom(_ header: [String]) throws {
        _ = try CustomerColumns(header: header, overrides: header.first == "Kontakt" ? ["Kontakt": "name"] : [:])
    }

    @Test func aFileWithoutAnyIsRefusedOnceNamingItsColumns() {
        #expect(throws: RapportError.conflict("no column of the file holds a name (its columns are \"City\", \"Notes\"); "
                                              + "say which one does with --map 'Header=name'")) {
            try CustomerColumns(header: ["City", "Notes"])
        }
    }

    @Test func overridesWinAndIgnoreDropsAColumn() throws {
        let columns = try CustomerColumns(header: ["Handy", "Firma", "Name", "Kontakt"],
                                          overrides: ["Handy": "mobile", "Firma": "company", "Name": "ignore", "kontakt": "name"])
        #expect(columns.mapped.map(\.column.index) == [0, 1, 3])
        #expect(columns.mapped.map(\.target) == [.phones(label: "mobile"), .field(.company), .field(.name)])
        #expect(columns.unmapped.isEmpty)
    }

    @Test func anOverrideClaimsItsFieldBeforeTheSynonyms() throws {
        let columns = try CustomerColumns(header: ["Name", "Kontakt"], overrides: ["Kontakt": "name"])
        #expect(columns.mapped.map(\.column.index) == [1])
        #expect(columns.unmapped.map(\.header) == ["Name"])
    }

    @Test func overrideWithUnknownFieldIsRefused() {
        #expect(throws: RapportError.invalid(field: "field", value: "shoe size",
                                             expected: "map a column to one of " + CustomerColumns.fieldNames + " or ignore")) {
            try CustomerColumns(header: ["Name"], overrides: ["Name": "shoe size"])
        }
    }

    @Test func overrideWithUnknownHeaderIsRefused() {
        #expect(throws: RapportError.notFound(what: "column", reference: "Fax")) {
            try CustomerColumns(header: ["Name"], overrides: ["Fax": "phones"])
        }
    }

    @Test(arguments: [
        ("Handy=phones, Firma = company", ["Handy": "phones", "Firma": "company"]),
        ("A=ignore,", ["A": "ignore"]),
        ("", [:]),
        ("a=b=c", ["a=b": "c"]),
        ("手机号码=mobile", ["手机号码": "mobile"]),
    ])
    func parsesMap(_ text: String, expected: [String: String]) throws {
        #expect(try CustomerColumns.parseMap(text) == expected)
    }

    @Test(arguments: [
        ("Handy", RapportError.invalid(field: "--map entry", value: "Handy", expected: "write Header=field, as in 'Handy=phones,Firma=company'")),
        ("=phones", .invalid(field: "--map entry", value: "=phones", expected: "write Header=field, as in 'Handy=phones,Firma=company'")),
        ("A=name,A=company", .invalid(field: "--map entry", value: "A=company", expected: "the column \"A\" is mapped twice")),
    ])
    func refusesBadMap(_ text: String, error: RapportError) {
        #expect(throws: error) { try CustomerColumns.parseMap(text) }
    }

    // MARK: - Rows

    /// Every card field can be named by a Chinese header.
    @Test func everyFieldHasAChineseHeader() {
        func field(of target: Target) -> CustomerField? {
            switch target {
            case .field(let f): f
            case .phones: .phones
            case .emails: .emails
            default: nil
            }
        }
        let chinese = CustomerColumns.synonyms.filter { key, _ in key.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        for f in CustomerField.allCases {
            #expect(chinese.values.contains { field(of: $0) == f }, "no Chinese header names \(f)")
        }
    }

    @Test func readsChineseKindStatusAndChannelValues() throws {
        let columns = try CustomerColumns(header: ["客户名称", "客户类型", "客户状态", "首选渠道"])
        let c = try columns.customer(from: ["华信科技", "企业", "意向客户", "微信"], line: 2, restToNotes: false, createdAt: Fixtures.stamp)
        #expect(c.kind == .company && c.status == .prospect && c.preferredChannel == .wechat)
    }

    @Test func readsAChineseRow() throws {
        let columns = try CustomerColumns(header: ["姓名", "公司", "手机", "电话", "邮箱", "城市", "等级", "标签", "生日", "备注"])
        let c = try columns.customer(
            from: ["王建国", "华信科技有限公司", "138-0013-8000", "010-1234 5678", "wang@example.cn", "上海", "a", "vip, 渠道",
                   "1980-03-15", "谈了报价"],
            line: 2, restToNotes: false, createdAt: Fixtures.stamp)
        let expected = Fixtures.customer("王建国") {
            $0.company = "华信科技有限公司"
            $0.phones = [LabeledValue("138-0013-8000", label: "mobile"), LabeledValue("010-1234 5678")]
            $0.emails = [LabeledValue("wang@example.cn")]
            $0.city = "上海"
            $0.grade = .a
            $0.tags = ["vip", "渠道"]
            $0.birthday = Birthday(month: 3, day: 15, year: 1980)
            $0.notes = "谈了报价"
        }
        #expect(c == expected)
    }

    @Test(arguments: [
        (["", "Zoë", "Müller"], "Zoë Müller"),
        (["", "建国", "王"], "王建国"),
        (["", "", "王"], "王"),
        (["", "Anna", ""], "Anna"),
        (["", "Jianguo", "王"], "王Jianguo"),
        (["Wang Jianguo", "建国", "王"], "Wang Jianguo"),
        (["  ", " 秀英 ", " 彭 "], "彭秀英"),
    ])
    func joinsFirstAndLastNames(_ fields: [String], expected: String) throws {
        let columns = try CustomerColumns(header: ["Name", "First Name", "Last Name"])
        #expect(try columns.customer(from: fields, line: 2, restToNotes: false, createdAt: Fixtures.stamp).name == expected)
    }

    @Test(arguments: [
        (true, "老客户\n微信: lixia88\ncolumn 5: 夜里别打"),
        (false, "老客户"),
    ])
    func restGoesToNotesWhenAsked(_ restToNotes: Bool, notes: String) throws {
        let columns = try CustomerColumns(header: ["Name", "Notes", "微信", "QQ"])
        let fields = ["李霞", "老客户", "lixia88", "", "夜里别打"]
        if restToNotes {
            #expect(try columns.customer(from: fields, line: 3, restToNotes: true, createdAt: Fixtures.stamp).notes == notes)
        } else {
            #expect(throws: RapportError.invalid(field: "row on line 3", value: "夜里别打",
                                                 expected: "it has 5 cells but the header has 4; fix the row or put the rest in the notes")) {
                try columns.customer(from: fields, line: 3, restToNotes: false, createdAt: Fixtures.stamp)
            }
            #expect(try columns.customer(from: Array(fields.prefix(4)) + [""], line: 3, restToNotes: false,
                                         createdAt: Fixtures.stamp).notes == notes)
        }
    }

    @Test func shortRowsReadMissingCellsAsEmpty() throws {
        let columns = try CustomerColumns(header: ["Name", "Company", "City"])
        let c = try columns.customer(from: ["Anna"], line: 4, restToNotes: false, createdAt: Fixtures.stamp)
        #expect(c == Fixtures.customer("Anna"))
    }

    @Test func neutralizedCellsAreRestored() throws {
        let columns = try CustomerColumns(header: ["Name", "Phone"])
        let c = try columns.customer(from: ["'=cmd", "'+86 138 0013 8000"], line: 2, restToNotes: false, createdAt: Fixtures.stamp)
        #expect(c.name == "=cmd")
        #expect(c.phones == [LabeledValue("+86 138 0013 8000")])
    }

    @Test func googleGroupsAndOutlookCategoriesBecomeTags() throws {
        let columns = try CustomerColumns(header: ["Name", "Group Membership", "Categories"])
        let c = try columns.customer(from: ["A", "* myContacts ::: Friends", "VIP;Key"], line: 2, restToNotes: false,
                                     createdAt: Fixtures.stamp)
        #expect(c.tags == ["myContacts", "Friends", "VIP", "Key"])
    }

    @Test(arguments: [
        (["Name", "Grade"], ["A", "Z"], RapportError.invalid(field: "Grade", value: "Z", expected: "line 5: use A, B, C or none")),
        (["Name", "Birthday"], ["A", "01/02/1991"],   // the 1st of February or the 2nd of January
         .invalid(field: "Birthday", value: "01/02/1991", expected: "line 5: write 1980-03-15, 03-15 or 3月15日")),
        (["Name", "E-mail"], ["A", "not-an-email"],
         .invalid(field: "E-mail", value: "not-an-email", expected: "line 5: write it as name@example.com")),
        (["Name", "手机"], ["A", "12"],
         .invalid(field: "手机", value: "12", expected: "line 5: a phone number needs at least 3 digits")),
        (["Name", "Company"], ["A", String(repeating: "x", count: 201)],
         .invalid(field: "Company", value: String(repeating: "x", count: 201), expected: "line 5: it is 201 characters long; the limit is 200")),
        (["Name", "Status"], ["A", "hot"],
         .invalid(field: "Status", value: "hot", expected: "line 5: use lead, prospect, customer, dormant, lost")),
        (["Name", "Grade"], ["", "A"], .empty(field: "name on line 5")),   // nothing to name the customer by
        (["First Name", "Last Name"], [" ", ""], .empty(field: "name on line 5")),
    ])
    func badValuesNameColumnValueAndLine(_ header: [String], _ fields: [String], error: RapportError) throws {
        let columns = try CustomerColumns(header: header)
        #expect(throws: error) {
            try columns.customer(from: fields, line: 5, restToNotes: false, createdAt: Fixtures.stamp)
        }
    }

    @Test func headersReachMessagesWithoutTheirEscapeSequences() throws {
        let header = "Gr\u{1B}[31made\u{07}"
        let columns = try CustomerColumns(header: ["Name", header], overrides: [header: "grade"])
        #expect(throws: RapportError.invalid(field: "Grade", value: "Q", expected: "line 5: use A, B, C or none")) {
            try columns.customer(from: ["A", "Q"], line: 5, restToNotes: false, createdAt: Fixtures.stamp)
        }
    }

    // MARK: - Export

    @Test func exportHeaderNamesEveryField() throws {
        #expect(CustomerColumns.exportHeader == [
            "Name", "Company", "Title", "Kind", "Phones", "Emails", "Address", "City", "Region", "Route", "Industry",
            "Source", "Tags", "Grade", "Status", "Cadence", "Birthday", "Channel", "Credit Level", "Credit Limit",
            "Needs", "Concerns", "Notes",
        ])
        let columns = try CustomerColumns(header: CustomerColumns.exportHeader)
        #expect(columns.mapped.map(\.target) == CustomerField.allCases.map {
            $0 == .phones ? .phones(label: nil) : $0 == .emails ? .emails(label: nil) : .field($0)
        })
    }

    @Test func exportRowIsEachFieldsText() {
        let c = Fixtures.customer("王建国") {
            $0.phones = [LabeledValue("138-0013-8000", label: "mobile"), LabeledValue("010-1234")]
            $0.grade = .b
            $0.birthday = Birthday(month: 3, day: 15)
            $0.cadenceDays = 0
        }
        let row = CustomerColumns.exportRow(c)
        #expect(row.count == CustomerColumns.exportHeader.count)
        #expect(row[0] == "王建国")
        #expect(row[4] == "mobile:138-0013-8000, 010-1234")
        #expect(row[13] == "B")
        #expect(row[14] == "lead")
        #expect(row[15] == "none")
        // A birthday without its year as a spreadsheet writes it, not vCard's --03-15 (which a
        // spreadsheet would read as a formula and CSV export had to guard).
        #expect(row[16] == "03-15")
    }

    /// `EveryField`'s card, without the custom fields a CSV has no column for.
    static let everyField: Customer = {
        var c = try! EveryField.card(createdAt: Fixtures.stamp)
        c.customFields = [:]
        return c
    }()

    @Test(arguments: [
        everyField,
        Fixtures.customer("王建国") {
            $0.phones = [LabeledValue("+86 138-0013-8000", label: "mobile"), LabeledValue("010-1234")]
            $0.address = "浦东新区, 世纪大道 100 号"
            $0.birthday = Birthday(month: 2, day: 29)
            $0.needs = "=年度服务"
            $0.concerns = "价格, \"交期\""
            $0.notes = "-first line\nsecond, line\r\nthird"
        },
        Fixtures.customer("Nordwind GmbH") {
            $0.kind = .company
            $0.cadenceDays = 0
            $0.status = .dormant
            $0.birthday = Birthday(month: 12, day: 1, year: 1975)
            $0.creditLimit = Money(minorUnits: 800_000, currency: Currency(code: "USD"))
        },
    ])
    func exportedCSVImportsBackToTheSameCustomer(_ c: Customer) throws {
        // Through the file exactly as the export writes it: neutralized cells, CRLF lines.
        let text = CSV.line(CustomerColumns.exportHeader) + CSV.line(CustomerColumns.exportRow(c).map(CSV.neutralized))
        let records = try CSV.records(text)
        let columns = try CustomerColumns(header: records[0].fields)
        #expect(columns.unmapped.isEmpty)
        let back = try columns.customer(from: records[1].fields, line: records[1].line, restToNotes: false, createdAt: Fixtures.stamp)
        #expect(back == c)
    }

    @Test(arguments: [
        // (header, row, the name the customer gets)
        (["Company", "Email"], ["Acme", "a@acme.com"], "Acme"),               // no person named: the company
        (["E-mail Address", "E-mail 2 Address"], ["a@x.tld", "b@x.tld"], "a@x.tld"),  // an address list (Outlook)
        (["Mobile"], ["138-0013-8000"], "138-0013-8000"),
        (["Name", "Company"], ["Li", "Acme"], "Li"),
    ])
    func aRowWithoutAPersonsNameIsNamedByWhatItHas(header: [String], fields: [String], name: String) throws {
        let columns = try CustomerColumns(header: header)
        #expect(try columns.customer(from: fields, line: 2, restToNotes: false, createdAt: Fixtures.stamp).name == name)
    }

    @Test(arguments: [
        // Thunderbird splits the birthday; beside a Birth Month, Birth Day is the day of the month.
        (["Name", "Birth Year", "Birth Month", "Birth Day"], ["A", "1970", "11", "15"], "1970-11-15"),
        (["Name", "Birth Month", "Birth Day"], ["A", "3", "5"], "--03-05"),
        (["Name", "Birth Day"], ["A", "1980-03-15"], "1980-03-15"),   // alone it is the whole birthday
        (["Name", "Birthday"], ["A", "20/01/1991"], "1991-01-20"),   // day first, as Outlook writes outside the US
    ])
    func birthdaysInTheirSeveralColumns(header: [String], fields: [String], birthday: String) throws {
        let columns = try CustomerColumns(header: header)
        #expect(columns.unmapped.isEmpty)
        let c = try columns.customer(from: fields, line: 2, restToNotes: false, createdAt: Fixtures.stamp)
        #expect(c.birthday?.description == birthday)
    }

    @Test func googlesNumberedColumnsFillPhonesAndEmails() throws {
        let header = ["Name", "E-mail 1 - Type", "E-mail 1 - Value", "E-mail 2 - Value", "Phone 1 - Type", "Phone 1 - Value"]
        let columns = try CustomerColumns(header: header)
        #expect(columns.unmapped.map(\.header) == ["E-mail 1 - Type", "Phone 1 - Type"])
        let c = try columns.customer(from: ["Li", "* Home", "li@home.cn", "li@work.cn", "Mobile", "138-0013-8000"], line: 2,
                                     restToNotes: false, createdAt: Fixtures.stamp)
        #expect(c.emails.map(\.value) == ["li@home.cn", "li@work.cn"])
        #expect(c.phones.map(\.value) == ["138-0013-8000"])
    }

    /// Google and Thunderbird export placeholder words in phone columns: a cell without a digit
    /// is kept in the notes with a warning; one with too few digits is still an error.
    @Test func aPhoneCellWithoutDigitsGoesToTheNotes() throws {
        let columns = try CustomerColumns(header: ["Name", "Notes", "Work Phone", "Pager Number"])
        let read = try columns.read(from: ["Anna", "met at the fair", "phone work", "138-0013-8000"], line: 2,
                                    restToNotes: false, createdAt: Fixtures.stamp)
        #expect(read.customer.phones.map(\.value) == ["138-0013-8000"])
        #expect(read.customer.notes == "met at the fair\nWork Phone: phone work")
        #expect(read.warnings == [#"line 2: "Work Phone" "phone work" has no digits; kept in the notes"#])
        #expect(throws: RapportError.self) {
            try columns.read(from: ["Anna", "", "12", ""], line: 3, restToNotes: false, createdAt: Fixtures.stamp)
        }
    }
}
