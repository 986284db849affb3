import Testing
@testable import RapportTUI

/// Where the panes go, for the sizes the tests and the snapshots use, worked out by hand: the
/// body is the rows between the header (0, 1) and the hint and status rows (the last two);
/// the list takes 11/20 of the width (at least 30), the border one column, the right pane
/// the rest; the funnel takes a row per stage lead … paid and one for the summary (8) but at
/// most half the body, the timeline the body less the funnel and its title row.
struct LayoutTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var size: Size
        var bodyHeight, hintRow, statusRow: Int
        var listWidth, rightX, rightWidth, listRows: Int
        var funnelHeight, timelineHeight, funnelTop: Int

        var testDescription: String { "\(size.width)x\(size.height)" }
    }

    @Test(arguments: [
        // 15 rows: body 11. 60·11/20 = 33. Funnel min(8, 11/2 = 5), timeline 11-5-1 = 5, from row 2+5+1.
        Expected(size: Size(width: 60, height: 15), bodyHeight: 11, hintRow: 13, statusRow: 14,
                 listWidth: 33, rightX: 34, rightWidth: 26, listRows: 10, funnelHeight: 5, timelineHeight: 5, funnelTop: 8),
        // 24 rows: body 20. 80·11/20 = 44. Funnel min(8, 10), timeline 20-8-1 = 11.
        Expected(size: Size(width: 80, height: 24), bodyHeight: 20, hintRow: 22, statusRow: 23,
                 listWidth: 44, rightX: 45, rightWidth: 35, listRows: 19, funnelHeight: 8, timelineHeight: 11, funnelTop: 14),
        // 30 rows: body 26. 100·11/20 = 55. Funnel 8, timeline 17.
        Expected(size: Size(width: 100, height: 30), bodyHeight: 26, hintRow: 28, statusRow: 29,
                 listWidth: 55, rightX: 56, rightWidth: 44, listRows: 25, funnelHeight: 8, timelineHeight: 17, funnelTop: 20),
        // 60 rows: body 56. 200·11/20 = 110. Funnel 8, timeline 47.
        Expected(size: Size(width: 200, height: 60), bodyHeight: 56, hintRow: 58, statusRow: 59,
                 listWidth: 110, rightX: 111, rightWidth: 89, listRows: 55, funnelHeight: 8, timelineHeight: 47, funnelTop: 50),
        // Smaller than the minimum: a body of at least a row, the list at least 30 cells (no room
        // for the right pane), no funnel, a timeline of one row.
        Expected(size: Size(width: 20, height: 3), bodyHeight: 1, hintRow: 1, statusRow: 2,
                 listWidth: 30, rightX: 31, rightWidth: 0, listRows: 1, funnelHeight: 0, timelineHeight: 1, funnelTop: 4),
    ])
    func panesForASize(_ e: Expected) {
        let layout = Layout(size: e.size)
        #expect(layout.bodyTop == 2)
        #expect(layout.bodyHeight == e.bodyHeight)
        #expect(layout.hintRow == e.hintRow)
        #expect(layout.statusRow == e.statusRow)
        #expect(layout.listWidth == e.listWidth)
        #expect(layout.rightX == e.rightX)
        #expect(layout.rightWidth == e.rightWidth)
        #expect(layout.listRows == e.listRows)
        #expect(layout.funnelHeight == e.funnelHeight)
        #expect(layout.timelineHeight == e.timelineHeight)
        #expect(layout.funnelTop == e.funnelTop)
    }
}
