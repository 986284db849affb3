import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

/// `rapport deal add|edit|move|check|won|lost|show|list|rm`
struct DealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deal",
        abstract: "Deals through the stages: lead → qualified → needs → proposal → closing → won → paid (or lost).",
        discussion: """
            A deal is named by its number, or by its customer when they have one open deal.
              rapport deal add wjg 年度服务 --amount 1.2万 --close 月底
              rapport deal move wjg needs --note 确认了需求
              rapport deal won wjg --instalments 3 --playbook onboarding
            """,
        subcommands: [AddDeal.self, EditDeal.self, MoveDeal.self, CheckDeal.self, WinDeal.self, LoseDeal.self, ShowDeal.self,
                      ListDeals.self, RemoveDeal.self]
    )
}

/// The deal fields `add` and `edit` share.
struct DealFields: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("The amount: 12000, 12,000.50, 1.2万 or ¥12,000 (default: the line items' total).", valueName: "amount"))
    var amount: String?
    @Option(help: ArgumentHelp("The currency code (default: the `currency` setting, CNY).", valueName: "code"))
    var currency: String?
    @Option(help: ArgumentHelp("Its own win probability, e.g. --probability 35 (default: its stage's; `default` to go back).",
                               valueName: "percent"))
    var probability: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The expected close day, e.g. --close 月底, --close 2026-12-20 (`none` to clear).", valueName: "when"))
    var close: String?
    @Option(help: ArgumentHelp("A line item, repeatable: --item \"CRM-PRO x3 @12000 -10%\" (product code, quantity, price, discount).",
                               valueName: "line"))
    var item: [String] = []

    /// Applies the options to a deal; items replace the deal's lines and, unless an amount is
    /// given, set the amount to their total.
    func apply(to deal: inout Deal, products: [Product], today: Day) throws {
        // A new deal without --currency is in the currency its amount names (`--amount €1.200,50`).
        if let code = try currency.map({ try Currency(parsing: $0) })
            ?? (deal.id == nil && item.isEmpty ? amount.flatMap(Money.currency(in:)) : nil) {
            deal.amount = Money(minorUnits: deal.amount.minorUnits, currency: code)
        }
        if !item.isEmpty {
            deal.items = try item.map { try DealItem.parse($0, products: products, currency: deal.amount.currency) }
            if let total = try DealItem.total(deal.items) { deal.amount = total }
        }
        if let amount { deal.amount = try PipelineInput.money(amount, currency: deal.amount.currency) }
        if let probability { deal.probability = try PipelineInput.probability(probability) }
        if let close {
            deal.expectedClose = close.trimmingSpaces().lowercased() == "none" ? nil : try When(expression: close, today: today).day
        }
    }
}

extension DealCommand {
    /// `rapport deal add <customer> <title…> [--amount] [--stage] [--close] [--item]…`
    struct AddDeal: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Open a deal for a customer.",
            discussion: "Example: rapport deal add wjg 年度服务 --amount 1.2万 --close 2026-12-20 --item \"CRM-PRO x3\""
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The customer: #id, name, prefix, phone or pinyin.", completion: .custom(Completions.customers))
        var customer: String
        @Argument(parsing: .allUnrecognized, help: "What the deal is for.") var title: [String] = []
        @OptionGroup var fields: DealFields
        @Option(help: ArgumentHelp("The stage it starts in (default lead): lead, qualified, needs, proposal or closing.",
                                   valueName: "stage"))
        var stage: String?
        @Option(help: ArgumentHelp("A note for its first stage.", valueName: "text")) var note: String?

        func validate() throws {
            _ = try FreeText.words(title)
        }

        func run() throws {
            let session = try global.session()
            let db = session.database
            let settings = try db.settings()
            let start = try stage.map { try Stage(parsing: $0) } ?? .lead
            guard start.isOpen else {
                throw RapportError.invalid(field: "stage", value: stage ?? "", expected: "a deal starts in an open stage: lead … closing")
            }
            let target = try db.resolveCustomer(customer)
            guard let customerID = target.id else { throw RapportError.customerNotFound(customer) }
            let name = try FreeText.words(title).joined(separator: " ")
            var deal = Deal(customerID: customerID, title: name, amount: Money(minorUnits: 0, currency: settings.pipeline.currency),
                            stage: start, createdAt: session.now)
            try fields.apply(to: &deal, products: try db.products(includingInactive: true), today: session.today)
            if fields.amount == nil, fields.item.isEmpty {
                throw RapportError.invalid(field: "amount", value: "", expected: "give --amount 12000 or --item \"CODE x2\"")
            }
            let text = try FieldLimits.within(note ?? "", field: "note", limit: FieldLimits.longText)
            let saved = try db.addDeal(try deal.validated(), note: text, now: session.now)
            Terminal.write("Deal \(saved.id ?? 0) for \(TerminalText.sanitized(target.name)) (#\(customerID)): "
                           + DealText.headline(saved, pipeline: settings.pipeline) + "\n")
        }
    }

    /// `rapport deal edit <deal> [--title] [--amount] [--probability] [--close] [--item]…`
    struct EditDeal: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a deal's title, amount, probability, close day or line items.",
            discussion: "Example: rapport deal edit 12 --amount 15000 --close +2w   (stages move with `deal move`)"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The deal: its number, or a customer with one open deal.") var deal: String
        @Option(help: "A new title.") var title: String?
        @OptionGroup var fields: DealFields
        @Flag(name: .customLong("clear-items"), help: "Remove every line item (the amount stays).") var clearItems = false

        func run() throws {
            let session = try global.session()
            let db = session.database
            var found = try PipelineInput.deal(deal, in: db, openOnly: false)
            if let title { found.title = title }
            if clearItems { found.items = [] }
            try fields.apply(to: &found, products: try db.products(includingInactive: true), today: session.today)
            try db.updateDeal(try found.validated(), now: session.now)
            Terminal.write("Deal \(found.id ?? 0): " + DealText.headline(found, pipeline: try db.settings().pipeline) + "\n")
        }
    }
}
