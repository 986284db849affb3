/// A product of the seller's catalogue.
public struct Product: Hashable, Sendable {
    public var id: Int64?
    /// Short and unique, typed on the command line (`CRM-PRO`).
    public var code: String
    public var name: String
    public var unitPrice: Money
    public var active: Bool

    public init(code: String, name: String, unitPrice: Money, active: Bool = true) {
        self.code = code
        self.name = name
        self.unitPrice = unitPrice
        self.active = active
    }

    public func validated() throws(RapportError) -> Product {
        var p = self
        p.code = try FieldLimits.required(code, field: "product code", limit: 40)
        guard !p.code.contains(where: { $0 == " " || $0 == "\t" || $0 == "/" }) else {
            throw .invalid(field: "product code", value: code, expected: "a code has no spaces or slashes, e.g. CRM-PRO")
        }
        p.name = try FieldLimits.required(name, field: "product name")
        guard unitPrice.minorUnits >= 0 else {
            throw .invalid(field: "price", value: unitPrice.formatted, expected: "a price cannot be negative")
        }
        return p
    }
}
