import RapportCore
import RapportStore
import RapportTUI

extension TUIApp {
    /// Runs the full-screen interface until the seller quits: render, draw, read a key,
    /// reduce, run the effects.
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
}
