import Foundation

/// A private tmux server driving the real binary in a real terminal: keys in with
/// send-keys, the screen out with capture-pane.
final class Tmux {
    /// The server's socket, by path, so that the test removes it: tmux leaves it behind when
    /// its server is killed.
    private let socket = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-tmux-\(UUID().uuidString.prefix(8))").path

    /// Starts a shell with a recognisable prompt in a window of the given size. It keeps no
    /// history: bash writes one as the server kills it, which raced the test's folder removal
    /// and left folders holding only a `.bash_history`.
    init(width: Int, height: Int, directory: URL) throws {
        let shell = "env -i HOME=\(directory.path) HISTFILE=/dev/null PATH=/usr/bin:/bin LANG=C.UTF-8 PS1='ready$ ' bash --norc --noprofile"
        try run(["new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height), shell])
        _ = try waitFor { $0.contains("ready$") }
    }

    deinit {
        _ = try? run(["kill-server"])
        unlink(socket)
    }

    /// Runs a tmux command and returns its output. Spawned and reaped by hand: the server
    /// that `new-session` starts inherits whatever Foundation's `Process` watches for the
    /// child's exit, and keeps it open for its whole life.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["/usr/bin/tmux", "-S", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The shell in tmux gets what a terminal emulator gives: no signal blocked, default
        // handlers (a test runner's threads block some, and children inherit that).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, argv, environ) == 0 else {
            throw RapportBinary.Failure(description: "cannot start tmux")
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// Named keys (`Enter`, `Tab`, `C-c`).
    func press(_ keys: String...) throws { try run(["send-keys", "-t", "main"] + keys) }

    /// Text typed as it is, Chinese included.
    func type(_ text: String) throws { try run(["send-keys", "-t", "main", "-l", text]) }

    var screen: String { (try? run(["capture-pane", "-t", "main", "-p"])) ?? "" }

    /// Polls the screen until `condition` holds, for at most `seconds`.
    func waitFor(seconds: Double = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let current = screen
            if condition(current) { return current }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw RapportBinary.Failure(description: "timed out; the screen was:\n" + screen)
    }
}
