/// Values a command hands to the end of the process instead of freeing them: every command
/// exits as soon as it returns, and the system takes the memory back whole. Freeing 100,000
/// imported cards string by string took 0.1 s that bought nothing (clang's -disable-free
/// spares its syntax trees the same way).
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []

    static func keep(_ value: Any) {
        values.append(value)
    }
}
