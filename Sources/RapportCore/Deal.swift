/// A sale being worked: what for, how much, how likely, and where it stands.
public struct Deal: Hashable, Sendable {
    public var id: Int64?
    public var customerID: Int64
    public var title: String
    /// The deal's value: the line items' total unless the seller set it.
    public var amount: Money
    public var stage: Stage
    /// The deal's own win probability in percent; nil for its stage's default.
    public var probability: Int?
    public var expectedClose: Day?
    public var items: [DealItem]
    public var lostReason: LostReason?
    public var lostNote: String?
    public var createdAt: LocalDateTime
    public var updatedAt: LocalDateTime
    /// When the deal entered its current stage.
    public var stageEnteredAt: LocalDateTime
    /// The last thing done on it: created, moved, edited, ticked, or its customer contacted.
    public var lastActivityAt: LocalDateTime

    public init(customerID: Int64, title: String, amount: Money, stage: Stage = .lead, createdAt: LocalDateTime) {
        self.customerID = customerID
        self.title = title
        self.amount = amount
        self.stage = stage
        self.items = []
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.stageEnteredAt = createdAt
        self.lastActivityAt = createdAt
    }

    /// `deal 12`, as messages name it.
    public var reference: String { "deal \(id ?? 0)" }

    /// The probability that counts: the deal's own, else its stage's.
    public func probability(_ pipeline: PipelineSettings) -> Int {
        stage.isOpen ? probability ?? pipeline.probability(of: stage) : pipeline.probability(of: stage)
    }

    /// Checks the deal's own fields; the amount may be zero (a deal not yet priced) but not negative.
    public func validated() throws(RapportError) -> Deal {
        var d = self
        d.title = try FieldLimits.required(title, field: "deal title")
        guard amount.minorUnits >= 0 else { throw .invalid(field: "amount", value: amount.formatted, expected: "an amount cannot be negative") }
        if let p = probability, !(0...100).contains(p) {
            throw .invalid(field: "probability", value: String(p), expected: "use a whole percentage from 0 to 100")
        }
        for item in items where item.unitPrice.currency != amount.currency {
            throw .invalid(field: "line item", value: item.description,
                           expected: "its price is in \(item.unitPrice.currency.code), the deal in \(amount.currency.code)")
        }
        d.lostNote = try FieldLimits.optional(lostNote, field: "lost note", limit: FieldLimits.longText)
        guard d.items.count <= FieldLimits.listItems else {
            throw .invalid(field: "line items", value: String(d.items.count), expected: "a deal has at most \(FieldLimits.listItems) lines")
        }
        return d
    }
}

/// One line of a deal: a product (or free text), how many, at what price, less a discount.
public struct DealItem: Hashable, Sendable {
    public var productID: Int64?
    /// The product's code and name when added, or the seller's own words.
    public var description: String
    public var quantity: Int
    public var unitPrice: Money
    /// The discount in hundredths of a percent (10 % is 1000).
    public var discountBasisPoints: Int

    public init(productID: Int64? = nil, description: String, quantity: Int, unitPrice: Money, discountBasisPoints: Int = 0) {
        self.productID = productID
        self.description = description
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.discountBasisPoints = discountBasisPoints
    }

    /// Quantity × price less the discount, rounded half up to the currency's minor unit.
    public func total() throws(RapportError) -> Money {
        let (gross, o1) = Int64(quantity).multipliedReportingOverflow(by: unitPrice.minorUnits)
        let (scaled, o2) = gross.multipliedReportingOverflow(by: Int64(10_000 - discountBasisPoints))
        let total = Money.divideRoundingHalfUp(scaled, by: 10_000)
        guard !o1, !o2, Money.isWithinBound(total) else { throw .invalid(field: "line item", value: description, expected: "its total is too large") }
        return Money(minorUnits: total, currency: unitPrice.currency)
    }

    /// The sum of the lines; nil for no lines.
    public static func total(_ items: [DealItem]) throws(RapportError) -> Money? {
        guard let first = items.first else { return nil }
        var sum: Int64 = 0
        for item in items {
            let (s, overflow) = sum.addingReportingOverflow(try item.total().minorUnits)
            guard !overflow, Money.isWithinBound(s) else {
                throw .invalid(field: "line items", value: item.description, expected: "their total is too large")
            }
            sum = s
        }
        return Money(minorUnits: sum, currency: first.unitPrice.currency)
    }

    /// Reads a line as typed: `CODE [x3] [@12,000] [-10%]` — a product code or name first,
    /// then in any order the quantity (`x3`, `×3`, `*3`), the unit price (`@1.2万`, else the
    /// product's) and a discount (`-10%`, `-2.5%`).
    public static func parse(_ text: String, products: [Product], currency: Currency) throws(RapportError) -> DealItem {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let name = words.first else { throw .empty(field: "line item") }
        let product = products.first { $0.code.lowercased() == name.lowercased() } ?? products.first { $0.name == name }
        var quantity = 1
        var price: Money? = product?.unitPrice
        var discount = 0
        for word in words.dropFirst() {
            if let first = word.first, "x×*X".contains(first) {
                guard let n = Int(word.dropFirst()), n > 0, n <= 1_000_000 else {
                    throw .invalid(field: "quantity", value: word, expected: "write x3 for three")
                }
                quantity = n
            } else if word.hasPrefix("@") {
                do {
                    price = try Money(parsing: String(word.dropFirst()), currency: product?.unitPrice.currency ?? currency)
                } catch { throw .money(error) }
            } else if word.hasPrefix("-"), word.hasSuffix("%") {
                discount = try percentBasisPoints(String(word.dropFirst().dropLast()), typed: word)
            } else {
                throw .invalid(field: "line item", value: word, expected: "write CODE x3 @12000 -10%")
            }
        }
        guard let unitPrice = price else {
            throw .invalid(field: "product", value: name, expected: "no product has this code; add it with `rapport product add`, or give a price: \(name) @12000")
        }
        let description = product.map { $0.code + " " + $0.name } ?? name
        return DealItem(productID: product?.id, description: description, quantity: quantity, unitPrice: unitPrice,
                        discountBasisPoints: discount)
    }

    /// `10` or `2.5` (percent) as basis points, 0 to 100 %.
    static func percentBasisPoints(_ text: String, typed: String) throws(RapportError) -> Int {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0,
              parts.count == 1 || (1...2).contains(parts[1].count) && parts[1].allSatisfy(\.isASCIIDigit)
        else { throw .invalid(field: "discount", value: typed, expected: "write -10% or -2.5%") }
        let fraction = parts.count == 2 ? Int(parts[1] + String(repeating: "0", count: 2 - parts[1].count)) ?? 0 : 0
        let points = whole * 100 + fraction
        guard points <= 10_000 else { throw .invalid(field: "discount", value: typed, expected: "a discount is at most 100%") }
        return points
    }
}

/// One stay of a deal in a stage: how it got there, with the seller's note, and when it left.
public struct StageStay: Hashable, Sendable {
    public var id: Int64?
    public var dealID: Int64
    public var stage: Stage
    /// The stage it came from; nil for the first stay.
    public var from: Stage?
    public var enteredAt: LocalDateTime
    public var note: String
    public var leftAt: LocalDateTime?
    public var leftTo: Stage?

    public init(dealID: Int64, stage: Stage, from: Stage?, enteredAt: LocalDateTime, note: String,
                leftAt: LocalDateTime? = nil, leftTo: Stage? = nil) {
        self.dealID = dealID
        self.stage = stage
        self.from = from
        self.enteredAt = enteredAt
        self.note = note
        self.leftAt = leftAt
        self.leftTo = leftTo
    }
}

extension Money {
    /// `value / divisor` rounded half away from zero, for a positive divisor.
    public static func divideRoundingHalfUp(_ value: Int64, by divisor: Int64) -> Int64 {
        let q = value / divisor
        let r = value % divisor
        if r.magnitude * 2 >= divisor.magnitude { return value < 0 ? q - 1 : q + 1 }
        return q
    }
}

/// Everything `rapport deal show` and the TUI's move form need about one deal.
public struct DealDetail: Hashable, Sendable {
    public var deal: Deal
    public var customer: CustomerSummary
    /// Its stays in stages, oldest first: the stage history.
    public var stays: [StageStay]
    public var ticks: Set<ChecklistTick>
    /// The contract that won it, with its instalments.
    public var contract: Contract?
    public var payments: [Payment]

    public init(deal: Deal, customer: CustomerSummary, stays: [StageStay], ticks: Set<ChecklistTick>, contract: Contract?,
                payments: [Payment]) {
        self.deal = deal
        self.customer = customer
        self.stays = stays
        self.ticks = ticks
        self.contract = contract
        self.payments = payments
    }
}

extension PipelineSettings {
    /// The refusal for a move that would leave `left` unticked. Items are numbered by their
    /// place in `listed` (every item of the stages left behind, `items(from:to:)`), as
    /// `--done` and `deal check` take them: the refused move wrote nothing, so the same
    /// numbers work on the next try.
    public func uncheckedRefusal(_ deal: Deal, to: Stage, listed: [ChecklistTick], left: [ChecklistTick]) -> RapportError {
        let stages = Stage.open.filter { s in left.contains { $0.stage == s } }.map(\.rawValue)
        let numbers = left.map { (listed.firstIndex(of: $0) ?? 0) + 1 }
        let items = zip(numbers, left).map { n, t in "\(n). \(t.item)" }.joined(separator: "; ")
        return .conflict("\(deal.reference) cannot leave \(stages.joined(separator: ", ")) for \(to.rawValue) with "
                         + "\(left.count) item\(left.count == 1 ? "" : "s") unticked: \(items) — "
                         + "tick them with --done \(numbers.map(String.init).joined(separator: ",")) or --done all, or move with --force")
    }
}
