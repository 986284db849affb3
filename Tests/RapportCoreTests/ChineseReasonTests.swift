import RapportBase
import Testing
@testable import RapportCore

/// Reasons in Chinese, written out by hand: a day of today's year without its year, one of
/// another year with it (today is the due day plus the days overdue, or minus the days ahead).
struct ChineseReasonTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

    @Test(arguments: [
        (ReminderReason.overdue(due: When(day: day(2026, 11, 20)), title: "报价单"), 3, "逾期3天（11月20日到期）：报价单"),
        (.overdue(due: When(day: day(2025, 10, 7)), title: ""), 412, "逾期412天（2025年10月7日到期）"),
        (.upcoming(due: When(day: day(2027, 1, 2), time: ClockTime(hour: 9, minute: 30)), title: "回访"), 10,
         "10天后到期（2027年1月2日 09:30）：回访"),
        (.stale(due: day(2026, 8, 1), title: "寄样品"), 114, "已开114天（8月1日到期），此后没有任何记录：寄样品——关掉吗？"),
        (.renewal(contract: "HT-1", ends: day(2027, 1, 5)), 43, "合同 HT-1 43天后到期（2027年1月5日）——续约吗？"),
        (.payment(contract: "2026-001", position: 2, due: day(2026, 11, 13), remaining: Money(minorUnits: 1_788_000, currency: .yuan)), 10,
         "2026-001第2期 1.788万元 逾期10天（11月13日到期）"),
        (.forgotten(grade: nil, cadence: 60, own: false), 70, "未分级 · 70天未联系（周期60天）"),
    ] as [(ReminderReason, Int, String)])
    func aReasonInChinese(reason: ReminderReason, days: Int, text: String) {
        Language.$bound.withValue(.zh) { #expect(reason.text(days: days) == text) }
    }
}
