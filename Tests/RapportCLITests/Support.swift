import RapportCore

/// A blank card for option-applying tests.
enum RapportCoreCustomer {
    static func blank(name: String) -> Customer {
        Customer(name: name, createdAt: LocalDateTime(day: Day(ordinal: 20_000), time: ClockTime(clampingHour: 9, minute: 0)))
    }
}
