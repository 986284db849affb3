import RapportCore

/// Values the exchange tests share.
enum Fixtures {
    static let stamp = LocalDateTime(day: day(2026, 11, 23), time: time(9, 0))

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day {
        guard let day = Day(year: y, month: m, day: d) else { preconditionFailure("no such day in a fixture") }
        return day
    }

    static func time(_ h: Int, _ m: Int) -> ClockTime {
        ClockTime(clampingHour: h, minute: m)
    }

    static func at(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int) -> LocalDateTime {
        LocalDateTime(day: day(y, mo, d), time: time(h, mi))
    }

    /// A customer with the given name and nothing else, created at `stamp`.
    static func customer(_ name: String, _ change: (inout Customer) -> Void = { _ in }) -> Customer {
        var c = Customer(name: name, createdAt: stamp)
        change(&c)
        return c
    }
}
