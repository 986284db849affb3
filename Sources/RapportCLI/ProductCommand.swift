import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport product add|edit|list`
struct ProductCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product",
        abstract: "The product catalogue deals' line items are priced from.",
        subcommands: [AddProduct.self, EditProduct.self, ListProducts.self]
    )
}

extension ProductCommand {
    struct AddProduct: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a product.",
            discussion: "Example: rapport product add CRM-PRO CRM专业版 年度订阅 --price 4800"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "A short unique code, typed in line items (CRM-PRO).") var code: String
        @Argument(help: "The product's name.") var name: [String] = []
        @Option(parsing: .unconditional, help: ArgumentHelp("The unit price: 4800, 4,800.00 or 0.48万.", valueName: "amount")) var price: String
        @Option(help: ArgumentHelp("The currency code (default: the `currency` setting).", valueName: "code")) var currency: String?

        func run() throws {
            let session = try global.session(.creating)
            let db = session.database
            let code = try currency.map { try Currency(parsing: $0) } ?? db.settings().pipeline.currency
            let product = Product(code: self.code, name: name.joined(separator: " "), unitPrice: try PipelineInput.money(price, currency: code))
            let saved = try db.addProduct(try product.validated(), now: session.now)
            Terminal.write("Product \(TerminalText.sanitized(saved.code)): \(TerminalText.sanitized(saved.name)) · "
                           + "\(saved.unitPrice.formatted) \(saved.unitPrice.currency.code)\n")
        }
    }

    struct EditProduct: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a product's name or price, or stop offering it.",
            discussion: "Example: rapport product edit CRM-PRO --price 5200   rapport product edit OLD-1 --no-active"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The product's code.") var code: String
        @Option(help: "A new name.") var name: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("A new unit price (deals keep the prices they have).", valueName: "amount")) var price: String?
        @Flag(inversion: .prefixedNo, help: "Offer it again (--active), or stop offering it (--no-active).") var active: Bool?

        func run() throws {
            let session = try global.session()
            let db = session.database
            guard var product = try db.product(code: code) else { throw RapportError.notFound(what: "product", reference: code) }
            if let name { product.name = name }
            if let price { product.unitPrice = try PipelineInput.money(price, currency: product.unitPrice.currency) }
            if let active { product.active = active }
            try db.updateProduct(try product.validated())
            Terminal.write("Product \(TerminalText.sanitized(product.code)): \(TerminalText.sanitized(product.name)) · "
                           + "\(product.unitPrice.formatted) \(product.unitPrice.currency.code)\(product.active ? "" : " · not offered")\n")
        }
    }

    struct ListProducts: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the products on offer.")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Products no longer offered too.") var all = false

        func run() throws {
            let products = try global.session().database.products(includingInactive: all)
            guard !products.isEmpty else {
                Terminal.write("No products yet. Add one with `rapport product add CODE NAME --price 4800`.\n")
                return
            }
            var table = TextTable([.init(title: "Code"), .init(title: "Name", maxWidth: 40), .init(title: "Price", alignment: .right),
                                   .init(title: "")])
            for p in products {
                table.append([p.code, p.name, p.unitPrice.formatted + " " + p.unitPrice.currency.code, p.active ? "" : "not offered"])
            }
            Terminal.write(table.render())
        }
    }
}
