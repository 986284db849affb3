import RapportCore
import RapportStore

/// The TUI's run loop: render, draw, read a key, reduce, run the effects.
public enum TUIApp {
    /// Runs the full-screen interface until the seller quits.
    public static func run(database: AppDatabase, settings: Settings, color: Bool,
                           clock: @escaping () -> LocalDateTime) throws {
        let backend = try CursesBackend(color: color)
        defer { backend.stop() }
        let runner = EffectRunner(database: database, settings: settings, clock: clock)
        var state = AppState(size: backend.size, now: clock(), settings: settings.reminders, pipeline: settings.pipeline,
                             todayLimit: firstLimit(backend.size))
        dispatch(Reducer.start(state), &state, runner)
        backend.draw(Renderer.render(state))
        let tick = { Event.tick(clock(), bookVersion: (try? database.dataVersion()) ?? 0) }
        dispatch(Reducer.reduce(&state, tick()), &state, runner)
        // Idle time after the first frame: load the filter's search keys before the first `/`.
        if !backend.keyArrives(within: 100) { runner.preloadSearch() }
        while !state.quitting {
            backend.draw(Renderer.render(state))
            // A second without a key: another terminal may have written, the day may have turned.
            guard backend.keyArrives(within: 1000) else {
                dispatch(Reducer.reduce(&state, tick()), &state, runner)
                continue
            }
            guard let key = backend.readKey() else { continue }
            let event: Event = key == .resize ? .resized(backend.size) : .key(key)
            dispatch(Reducer.reduce(&state, event), &state, runner)
        }
    }

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
    static func firstLimit(_ size: Size) -> Int {
        max(10, Layout(size: size).bodyHeight)
    }

    /// Runs effects, feeding their events back, until nothing more is asked.
    static func dispatch(_ effects: [Effect], _ state: inout AppState, _ runner: EffectRunner) {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            for event in runner.run(effect) { queue += Reducer.reduce(&state, event) }
        }
    }
}
