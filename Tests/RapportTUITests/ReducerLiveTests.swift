import RapportCore
import Testing
@testable import RapportTUI

/// The open TUI follows the book and the clock: `u` asks for an undo, a write from another
/// terminal (the data version moves) or midnight reloads what is on screen.
struct ReducerLiveTests {
    @Test func uAsksForAnUndoAndTheAnswerReloadsTheView() {
        var s = Fx.todayState()
        #expect(s.type("u") == [.undo])
        let effects = s.send(.undone("Undid: logged call with 王建国 (#1) at 2026-11-23 09:00"))
        #expect(s.message?.text == "Undid: logged call with 王建国 (#1) at 2026-11-23 09:00")
        #expect(effects == [.loadToday(limit: 50)])
    }

    @Test func aWriteSaysUUndoesIt() {
        var s = Fx.todayState()
        _ = s.send(.saved("Logged call", customerID: 1))
        #expect(s.message?.text == "Logged call · u undoes it")
    }

    /// (version at the last tick, version now, the time now, reloads)
    @Test(arguments: [
        (nil, 3, Fx.at(11, 23, 9, 1), false),      // the first tick only learns the version
        (3, 3, Fx.at(11, 23, 9, 1), false),        // nothing happened
        (3, 4, Fx.at(11, 23, 9, 1), true),         // another terminal wrote
        (3, 3, Fx.at(11, 24, 0, 0), true),         // midnight
    ] as [(Int?, Int, LocalDateTime, Bool)])
    func aTickReloadsWhenTheBookOrTheDayChanged(last: Int?, version: Int, now: LocalDateTime, reloads: Bool) {
        var s = Fx.todayState()
        s.bookVersion = last
        let effects = s.send(.tick(now, bookVersion: version))
        #expect(effects == (reloads ? [.loadToday(limit: 50)] : []))
        #expect(s.bookVersion == version)
        #expect(s.now == now)
        #expect(s.today == now.day)
    }
}
