import Testing
@testable import RapportBase

struct ByteSinkTests {
    @Test(arguments: [
        (0 as UInt, 1, "0"), (7, 1, "7"), (7, 2, "07"), (2026, 4, "2026"), (5, 4, "0005"),
        (123_456_789, 2, "123456789"), (UInt(UInt64.max), 1, "18446744073709551615"),
    ])
    func digits(value: UInt, width: Int, expected: String) {
        var sink = ByteSink(capacity: 1)
        sink.appendDigits(value, minimumWidth: width)
        #expect(sink.text == expected)
    }

    @Test(arguments: [(0, "0"), (-1, "-1"), (999, "999"), (1000, "1,000"), (7288, "7,288"), (-1_234_567, "-1,234,567")])
    func grouped(value: Int, expected: String) {
        #expect(value.grouped == expected)
    }

    @Test func growsPastItsCapacityWithoutLosingBytes() {
        var sink = ByteSink(capacity: 16)
        var expected = ""
        for i in 0..<1000 {
            sink.append("王\(i),")
            expected += "王\(i),"
        }
        sink.appendDecimal(-42)
        expected += "-42"
        #expect(sink.text == expected)
        #expect(sink.count == expected.utf8.count)
        sink.removeAll()
        #expect(sink.text.isEmpty)
    }
}
