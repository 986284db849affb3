import ArgumentParser
import RapportBase
import RapportCore
import RapportStore

extension DealCommand {
    /// `rapport deal rm <id>`
    struct RemoveDeal: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Delete a deal entered by mistake, with its line items, stage history and ticks (a lost one belongs in `deal lost`).",
            discussion: "Example: rapport deal rm 4   (a deal with a contract: `rapport contract cancel` it first)"
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The deal's number (as `deal list` prints it).") var id: Int64

        func run() throws {
            let session = try global.session()
            let db = session.database
            let removed = try db.removeDeal(id: id)
            let d = removed.deal
            Terminal.write("Removed deal \(id) of \(TerminalText.sanitized(removed.customerName)) (#\(d.customerID)): "
                           + DealText.headline(d, pipeline: try db.settings().pipeline)
                           + " (\(removed.stays) stage stay\(removed.stays == 1 ? "" : "s"))\n")
        }
    }
}
