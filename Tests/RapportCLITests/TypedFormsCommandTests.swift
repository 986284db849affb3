import Foundation
import Testing

/// Dates, amounts, phones and names as sellers type them, through the built binary on a
/// book of its own. Today is Monday 2026-11-23.
struct TypedFormsCommandTests {
    // MARK: - Dates

    @Test func datesAsPeopleTypeThem() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        // The 15th of November has passed: 15号 is December's.
        #expect(try r.ok(["followup", "add", "wjg", "15号", "回访"]).stdout.contains("Tue 2026-12-15"))
        // Next week's Monday is 11-30, the week after's 12-07; 下午3点 is 15:00.
        #expect(try r.ok(["followup", "add", "wjg", "下下周一", "下午3点", "报价"]).stdout.contains("Mon 2026-12-07 15:00"))
        #expect(try r.ok(["followup", "add", "wjg", "周五", "14：30", "电话"]).stdout.contains("Fri 2026-11-27 14:30"))
        #expect(try r.ok(["followup", "add", "wjg", "tomorrow", "2pm", "call"]).stdout.contains("Tue 2026-11-24 14:00"))
        #expect(try r.ok(["followup", "add", "wjg", "下月底", "续约"]).stdout.contains("Thu 2026-12-31"))
        // Both spellings of an option with a value that begins with a dash.
        #expect(try r.ok(["call", "wjg", "谈了", "--at=-2d"]).stdout.contains("at 2026-11-21 "))
        #expect(try r.ok(["call", "wjg", "又谈了", "--at", "-3d"]).stdout.contains("at 2026-11-20 "))
        #expect(try r.ok(["call", "wjg", "早上", "--at", "9点半"]).stdout.contains("at 2026-11-23 09:30"))
    }

    @Test func aMistypedDateIsRefusedInOneLineWithTheNearestForm() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try r.expectRefused(["call", "wjg", "x", "--next", "next tuesdy"], "unrecognized date \"next tuesdy\"; did you mean \"next tue\"?")
        try r.expectRefused(["call", "wjg", "x", "--next", "someday"],
                            "unrecognized date \"someday\"; try tomorrow, +3d, fri, next fri, 12-01, 明天, 下周一, 15号 or 14:30")
    }

    // MARK: - Amounts

    @Test func amountsAsPeopleTypeThem() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        for (i, typed) in ["12000元", "¥12,000", "￥12000", "1.2万元", "１２０００", "RMB 12000", "CNY 12000"].enumerated() {
            #expect(try r.ok(["deal", "add", "wjg", "单\(i)", "--amount", typed]).stdout.contains("12,000.00 CNY"), "\(typed)")
        }
        // A new deal is in the currency its amount names; the decimal comma is the euro's.
        #expect(try r.ok(["deal", "add", "wjg", "欧洲", "--amount", "€1.200,50"]).stdout.contains("1,200.50 EUR"))
        #expect(try r.ok(["deal", "add", "wjg", "欧洲二", "--amount", "1.200,50 EUR", "--currency", "EUR"]).stdout
                .contains("1,200.50 EUR"))
    }

    @Test func anAmountInAnotherCurrencyOrBelowZeroIsRefusedInOneLine() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国"])
        try r.ok(["deal", "add", "wjg", "欧洲", "--amount", "€100"])
        try r.expectRefused(["deal", "edit", "1", "--amount", "12000元"], "amount \"12000元\" is in CNY, not EUR")
        try r.expectRefused(["deal", "add", "wjg", "x", "--amount", "€100", "--currency", "CNY"], "amount \"€100\" is in EUR, not CNY")
        try r.expectRefused(["deal", "add", "wjg", "x", "--amount", "-500"], "amount \"-500\" is negative; amounts are positive")
        try r.expectRefused(["deal", "add", "wjg", "x", "--amount=-500"], "amount \"-500\" is negative; amounts are positive")
        try r.expectRefused(["product", "add", "P1", "x", "--price", "-5"], "amount \"-5\" is negative; amounts are positive")
    }

    // MARK: - Phones

    @Test func aPhoneTypedWithChinasCodeOrSpacesFindsTheNumberStoredWithDashes() throws {
        let r = try RapportBinary()
        try r.ok(["add", "王建国", "--phone", "138-0013-8000"])
        try r.ok(["add", "李娜", "--phone", "139-0000-1111"])
        for typed in ["+8613800138000", "8613800138000", "138 0013 8000", "+86 138 0013 8000"] {
            #expect(try r.ok(["show", typed]).stdout.hasPrefix("王建国  #1"), "\(typed)")
        }
    }

    @Test func aPhoneASpreadsheetWroteAsANumberIsRefusedNamingItsLine() throws {
        let r = try RapportBinary()
        let file = try ExchangeCommandTests.write("Name,Phone\n王建国,138-0013-8000\n李娜,1.3709E+10\n", to: "p.csv", in: r)
        let why = "a spreadsheet wrote it as a number and lost digits; format the column as text and save again"
        let dry = try r.run(["import", file, "--dry-run"])
        #expect(dry.status == 2)
        #expect(dry.stderr == "rapport: invalid Phone \"1.3709E+10\"; line 3: \(why)\n")
        let skipped = try r.ok(["import", file, "--skip-bad"]).stdout
        #expect(skipped.contains("refused: invalid Phone \"1.3709E+10\"; line 3: \(why)\n"))
        #expect(skipped.hasSuffix("Created 1, updated 0, skipped 0 duplicates, refused 1 bad rows.\n"))
        try r.expectRefused(["add", "张伟", "--phone", "1.38001E+10"], "invalid phone \"1.38001E+10\"; \(why)")
    }

    // MARK: - Surnames

    @Test func aSurnameReadItsOwnWayIsFoundAndSortedByThatReading() throws {
        let r = try RapportBinary()
        for name in ["赵六", "曾国藩", "王建国"] { try r.ok(["add", name]) }
        #expect(try r.ok(["show", "zeng"]).stdout.hasPrefix("曾国藩  #2"))
        #expect(try r.ok(["show", "zengguofan"]).stdout.hasPrefix("曾国藩  #2"))
        // wang, zeng, zhao: 曾 under Z, not under C as céng.
        let names = try r.ok(["list"]).stdout.split(separator: "\n").dropFirst().compactMap { line in
            ["王建国", "曾国藩", "赵六"].first { line.contains($0) }
        }
        #expect(names == ["王建国", "曾国藩", "赵六"])
    }
}
