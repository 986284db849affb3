import RapportCore
import RapportStore

/// The TUI driven from outside: a snapshot without a terminal here, the run loop on one in
/// RapportTerminal (`TUIApp.run`), both through `dispatch`.
public enum TUIApp {
    /// The screen after launch and an optional key script, as text, without touching
    /// curses: `rapport --snapshot 100x30` for tests, documentation and timing the first frame.
    public static func snapshot(database: AppDatabase, settings: Settings, size: Size, keys: [Key],
                                clock: @escaping () -> LocalDateTime) -> String {
        let runner = EffectRunner(database: database, settings: settings, clock: clock)
        var state = AppState(size: size, now: clock(), settings: settings.reminders, pipeline: settings.pipeline, todayLimit: firstLimit(size))
        dispatch(Reducer.start(state), &state, runner)
        for key in keys where !state.quitting {
            dispatch(Reducer.reduce(&state, .key(key)), &state, runner)
        }
        return Renderer.render(state).text
    }

    /// How many of each rule the first frame reads: a screenful (no group shows more), at
    /// least ten; a "more" line doubles it.
    public static func firstLimit(_ size: Size) -> Int {
        max(10, Layout(size: size).bodyHeight)
    }

    /// Runs effects, feeding their events back, until nothing more is asked.
    public static func dispatch(_ effects: [Effect], _ state: inout AppState, _ runner: EffectRunner) {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            for event in runner.run(effect) { queue += Reducer.reduce(&state, event) }
        }
    }
}
