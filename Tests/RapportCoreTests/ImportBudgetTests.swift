import Testing
@testable import RapportCore

struct ImportBudgetTests {
    @Test(arguments: [
        (0, 0, 0),
        (100, 1, 3_072 + 200),
        (11_568_073, 100_001, 100_001 * 3_072 + 2 * 11_568_073),
        (Int.max / 2, 10, Int.max),
        (10, Int.max / 1_000, Int.max),
    ])
    func theEstimateIsEachRowsShareAndTheTextTwice(fileBytes: Int, lines: Int, expected: Int) {
        #expect(ImportBudget.estimate(fileBytes: fileBytes, lines: lines) == expected)
    }

    @Test func aFileThatFitsPasses() throws {
        try ImportBudget.check(file: "a.csv", fileBytes: 11_568_073, lines: 100_001, available: 400 << 20)
        try ImportBudget.check(file: "a.csv", fileBytes: 11_568_073, lines: 100_001, available: nil)
    }

    @Test func aFileTooLargeForTheMachineIsRefusedSayingHowManyLinesFit() {
        // 330,339,218 bytes needed (315 MB) against 300 MB; 3,072 + 231 bytes a line fit 95,238 lines
        #expect(throws: RapportError.invalid(field: "file", value: "big.csv", expected: "its 100,001 lines would need about 315 MB of memory "
                                             + "and this machine has 300 MB free; split it into files of at most 95,238 lines")) {
            try ImportBudget.check(file: "big.csv", fileBytes: 11_568_073, lines: 100_001, available: 300 << 20)
        }
    }

    @Test(arguments: [(0, "1 MB"), (1 << 20, "1 MB"), (315 << 20, "315 MB"), (1 << 30, "1 GB"), ((3 << 29), "2 GB"), (22 << 30, "22 GB")])
    func sizesAreRoundedToMegabytesOrGigabytes(bytes: Int, expected: String) {
        #expect(ImportBudget.megabytes(bytes) == expected)
    }
}
