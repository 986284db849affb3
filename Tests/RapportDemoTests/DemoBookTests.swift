import Testing
import RapportCore
@testable import RapportDemo

struct DemoBookTests {
    static let today = Day(year: 2026, month: 11, day: 23)!

    static func entries(customers: Int, seed: UInt64) -> [DemoBook.Entry] {
        var out: [DemoBook.Entry] = []
        DemoBook(customers: customers, seed: seed, today: today).forEach { out.append($0) }
        return out
    }

    struct Fingerprint: Equatable, CustomStringConvertible {
        var name: String
        var grade: Grade?
        var interactions: Int
        var lastContact: LocalDateTime?
        var description: String { "\(name) \(grade?.rawValue ?? "-") \(interactions)" }
    }

    static func fingerprints(_ entries: [DemoBook.Entry]) -> [Fingerprint] {
        entries.map {
            Fingerprint(name: $0.customer.name, grade: $0.customer.grade, interactions: $0.interactions.count,
                        lastContact: $0.customer.lastContactAt)
        }
    }

    /// A mid-sized book shared by the property tests.
    static let book = entries(customers: 2_000, seed: 20_261_123)

    // MARK: - Determinism

    @Test(arguments: [UInt64(1), 42, 20_261_123])
    func sameSeedSameBook(seed: UInt64) {
        let first = Self.fingerprints(Self.entries(customers: 20, seed: seed))
        let second = Self.fingerprints(Self.entries(customers: 20, seed: seed))
        #expect(first.count == 20)
        #expect(first == second)
        // A longer book starts with the same customers.
        let longer = Self.fingerprints(Self.entries(customers: 40, seed: seed))
        #expect(Array(longer.prefix(20)) == first)
    }

    @Test(arguments: [(UInt64(1), UInt64(2)), (42, 43), (0, 20_261_123)])
    func differentSeedDifferentBook(a: UInt64, b: UInt64) {
        let first = Self.fingerprints(Self.entries(customers: 20, seed: a))
        let second = Self.fingerprints(Self.entries(customers: 20, seed: b))
        #expect(first != second)
        // Not merely one field: most of the names differ.
        let sameNames = zip(first, second).filter { $0.name == $1.name }.count
        #expect(sameNames < 10)
    }

    @Test func zeroCustomers() {
        #expect(Self.entries(customers: 0, seed: 1).isEmpty)
    }

    // MARK: - Every entry

    @Test func interactionsAreInTimeOrder() {
        // `Entry.interactions` is documented as "in time order".
        let unordered = Self.book.filter { e in
            !zip(e.interactions, e.interactions.dropFirst()).allSatisfy { $0.at <= $1.at }
        }.map(\.customer.name)
        #expect(unordered.count == 0, "\(unordered.count) of \(Self.book.count) entries out of order, e.g. \(unordered.prefix(3))")
    }

    @Test func interactionsLieBetweenCreationAndToday() {
        for e in Self.book {
            for i in e.interactions {
                #expect(i.at.day <= Self.today, "\(e.customer.name): \(i.at)")
                #expect(i.at.day >= e.customer.createdAt.day, "\(e.customer.name): \(i.at) before \(e.customer.createdAt)")
            }
            #expect(e.customer.createdAt.day <= Self.today)
        }
    }

    @Test func lastContactIsTheNewestContact() {
        for e in Self.book {
            var newest: LocalDateTime?
            for i in e.interactions where i.kind != .note {
                if newest == nil || newest! < i.at { newest = i.at }
            }
            #expect(e.customer.lastContactAt == newest, "\(e.customer.name)")
            // The newest day's entries include a real contact, so the last-contact day is the newest day.
            if let last = e.interactions.map(\.at.day).max() {
                #expect(e.customer.lastContactAt?.day == last, "\(e.customer.name)")
            }
        }
    }

    @Test func doneFollowUpsHaveDoneAt() {
        var done = 0
        for e in Self.book {
            for f in e.followUps {
                if f.status == .done {
                    done += 1
                    #expect(f.doneAt != nil)
                    if let at = f.doneAt { #expect(at.day <= Self.today) }
                } else {
                    #expect(f.doneAt == nil)
                }
            }
        }
        #expect(done > 0)
    }

    @Test func everyCustomerPassesValidation() {
        for e in Self.book {
            #expect(throws: Never.self) { _ = try e.customer.validated() }
        }
    }

    @Test func keysMatchTheCustomer() {
        for e in Self.book.prefix(200) {
            let c = e.customer
            #expect(e.keys == SearchKeys(name: c.name, company: c.company, phones: c.phones.map(\.value)))
        }
    }

    @Test func companiesHaveContactPersons() {
        for e in Self.book {
            if e.customer.kind == .company {
                #expect((1...3).contains(e.contacts.count), "\(e.customer.name)")
            } else {
                #expect(e.contacts.isEmpty)
            }
        }
    }

    // MARK: - The documented mix

    static func hasHan(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test func mixOfNames() {
        let han = Self.book.filter { Self.hasHan($0.customer.name) }.count
        // About 60 % Chinese names.
        #expect(han >= 1_000 && han <= 1_400, "\(han) of 2000")
        // The rest are Latin names of two words.
        let latin = Self.book.filter { !Self.hasHan($0.customer.name) }
        #expect(latin.allSatisfy { $0.customer.name.split(separator: " ").count >= 2 })
    }

    @Test func someNeverContacted() {
        let never = Self.book.filter { $0.interactions.isEmpty }
        // About 3 % never contacted.
        #expect(never.count >= 20 && never.count <= 120, "\(never.count) of 2000")
        #expect(never.allSatisfy { $0.customer.lastContactAt == nil })
        let contacted = Self.book.filter { !$0.interactions.isEmpty }
        #expect(contacted.allSatisfy { $0.customer.lastContactAt != nil })
    }

    @Test func gradesAndStatusesAreMixed() {
        let grades = Set(Self.book.map(\.customer.grade))
        #expect(grades == [.a, .b, .c, nil])
        let statuses = Set(Self.book.map(\.customer.status))
        #expect(statuses == Set(CustomerStatus.allCases))
    }
}
