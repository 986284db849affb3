import Foundation
import XCTest

/// Mutation fuzzing of the importers and the command-line value parsers, through the built
/// binary. Without FUZZ_SECONDS: a short fixed slice, bounded in cases and in time, that fails
/// on any serious finding (this is what `make test` runs). With FUZZ_SECONDS=N: a campaign of N seconds (`make fuzz`).
final class FuzzTests: XCTestCase {
    static let defaultSeed: UInt64 = 20_261_204
    /// Enough cases for every target to see a couple of dozen inputs, in well under a minute.
    static let sliceCases = 264
    /// No case of the slice starts after this, so a slow or loaded machine runs fewer cases
    /// instead of holding up `make test` (a case started in time may take its own timeout).
    static let sliceSeconds: Double = 90

    private var environment: [String: String] { ProcessInfo.processInfo.environment }

    private var seed: UInt64 { environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? Self.defaultSeed }

    private var trace: Bool { environment["FUZZ_TRACE"].map { !$0.isEmpty && $0 != "0" } ?? false }

    private var findings: URL {
        if let path = environment["FUZZ_OUT"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return FileManager.default.temporaryDirectory.appendingPathComponent("rapport-fuzz-findings")
    }

    /// One test, so `make test` runs the slice and nothing is skipped; FUZZ_SECONDS turns it
    /// into the campaign.
    func testFuzz() throws {
        if let seconds = environment["FUZZ_SECONDS"].flatMap(Double.init) {
            try campaign(seconds: seconds)
        } else {
            try slice()
        }
    }

    /// Only committed seeds and the demo book's exports, so a fresh clone runs the same cases.
    private func slice() throws {
        let campaign = try Campaign(seed: seed, trace: trace, findings: findings, testdata: nil)
        defer { campaign.cleanUp() }
        campaign.run(cases: Self.sliceCases, until: Date().addingTimeInterval(Self.sliceSeconds))
        let ran = campaign.casesRun
        let cut = ran < Self.sliceCases ? " (the time limit of \(Int(Self.sliceSeconds)) s stopped it)" : ""
        print(campaign.report(title: "Fuzz slice: seed \(seed), \(ran) of \(Self.sliceCases) cases\(cut)"))
        for finding in campaign.seriousFindings { XCTFail("fuzz finding: \(finding)") }
    }

    private func campaign(seconds: Double) throws {
        let testdata = environment["FUZZ_TESTDATA"].map { URL(fileURLWithPath: $0) }
            ?? Runner.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata")
        let present = FileManager.default.fileExists(atPath: testdata.path)
        let campaign = try Campaign(seed: seed, trace: trace, findings: findings, testdata: present ? testdata : nil)
        defer { campaign.cleanUp() }
        campaign.run(until: Date().addingTimeInterval(seconds))
        let report = campaign.report(title: "Fuzz campaign: seed \(seed), \(Int(seconds)) s on 2 lanes, seeds "
                                     + (present ? "committed + \(testdata.path)" : "committed only"))
        print(report)
        if let path = environment["FUZZ_REPORT"], !path.isEmpty {
            try Data(report.utf8).write(to: URL(fileURLWithPath: path))
        }
    }
}
