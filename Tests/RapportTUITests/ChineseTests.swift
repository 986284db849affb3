import RapportBase
import RapportCore
import Testing
@testable import RapportTUI

/// The TUI in Chinese: every screen and overlay of `everyScreen` leaves no English word of
/// the interface, and still fits the terminal cell for cell.
struct ChineseTests {
    /// What may stay in letters: the fixtures' own data (names, companies, titles, emails,
    /// tags, the contract number), values a form holds as they are typed (`lead`), the
    /// default checklists (written in both languages), keys, the log grammar's words (typed
    /// as they are in either language), codes and commands.
    static let allowed = Set([
        // The fixtures' data.
        "Zo", "ller", "Li", "Ming", "Nordwind", "GmbH", "Amy", "Studio", "Stu", "Send", "contract", "contr", "HT",
        "ouyang", "zhonglian", "cn", "wechat", "vip", "trade", "show", "work", "mobile", "AA", "BD",
        // Typed values in the forms and the prompt (a mistyped day, and the form it is shown to mean).
        "lead", "person", "company", "prospect", "none", "gatekeeper", "fridya", "fri",
        // Keys and the grammar.
        "Enter", "Esc", "Tab", "PgDn", "PgUp", "Del", "Home", "End", "next", "outcome", "call", "email", "visit", "meeting", "message",
        "note", "reached", "sxm", "wjg",
        // Codes and commands.
        "Rapport", "rapport", "CNY", "EUR", "csv", "xlsx", "vcf", "db", "tmp", "demo", "history",
    ] + PipelineSettings.defaults.checklist.values.flatMap { $0.flatMap { englishWords($0) } })

    static func englishWords(_ text: String) -> Set<String> {
        Set(text.split { !($0.isASCII && $0.isLetter) }.map(String.init).filter { $0.count >= 2 })
    }

    @Test(arguments: [Fx.medium, Size(width: 100, height: 30)])
    func everyScreenSpeaksChinese(size: Size) {
        Language.$bound.withValue(.zh) {
            for (name, s) in RendererTests.everyScreen(size) {
                let left = Self.englishWords(s.buffer.text).subtracting(Self.allowed)
                #expect(left.isEmpty, "\(name): \(left.sorted())")
            }
        }
    }

    /// What a prompt says of a date, an amount or a log line it cannot read, in Chinese.
    @Test(arguments: [
        (QuickLogError.date(.unrecognized("fridya")), "看不懂的日期 \"fridya\"；是不是 \"fri\"？"),
        (.date(.unrecognized("someday")), "看不懂的日期 \"someday\"；可以写 明天、下周一、周五、15号、12-01、+3d 或 14:30"),
        (.date(.noSuchDay("2026-02-30")), "没有这一天：\"2026-02-30\""),
        (.missingDate, "`next` 后面要写日期：next 周五、next +2w、next 明天 14:00"),
        (.unknownOutcome("reachd"), "没有这个结果 \"reachd\"；可用 reached, no-answer, replied, no-reply"),
    ])
    func aTypingMistakeIsSaidInChinese(error: QuickLogError, said: String) {
        Language.$bound.withValue(.zh) { #expect(error.description == said) }
    }

    @Test func anAmountMistakeIsSaidInChinese() {
        Language.$bound.withValue(.zh) {
            #expect(MoneyError.negative("-500").description == "金额 \"-500\" 是负数；金额都是正数")
            #expect(MoneyError.otherCurrency("€12", named: Currency(code: "EUR"), expected: .yuan).description == "金额 \"€12\" 是 EUR，不是 CNY")
        }
    }

    /// Chinese is wider than English: every screen still fits, a wide character never cut.
    @Test(arguments: [Fx.small, Fx.medium, Size(width: 61, height: 16), Size(width: 100, height: 30)])
    func everyScreenFitsTheTerminalInChinese(size: Size) {
        Language.$bound.withValue(.zh) { RendererTests().everyScreenFitsTheTerminal(size: size) }
    }

    /// The Today frame at 80x24 in Chinese, worked out by hand: the header is " Rapport · 今天"
    /// (15 cells), then "11月23日 周一" (13 cells and a trailing blank) from x 66; the tallies
    /// are the rules' words before their counts.
    @Test func todayInChinese() {
        Language.$bound.withValue(.zh) {
            let lines = Fx.todayState(Fx.medium).buffer.lines
            #expect(lines[0] == " Rapport · 今天" + String(repeating: " ", count: 80 - 15 - 14) + "11月23日 周一")
            #expect(lines[1] == " 逾期7,288 · 今天到期1 · 被遗忘2")
            #expect(lines[2] == " 逾期的跟进（7,288）· 最急的在前")
        }
    }
}
