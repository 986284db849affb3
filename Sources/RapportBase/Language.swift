import Synchronization

/// The language the seller reads: English or Simplified Chinese. A text's two forms sit
/// together where it is said (`Language.say`), so neither can be added without the other.
/// A run speaks one (`speak`, once its book's setting is read); a task can speak another for
/// what it does (`$bound`): tests render both languages side by side, and machine output —
/// JSON, export headers, rule ids — binds English for itself.
public enum Language: String, CaseIterable, Sendable {
    case en, zh

    /// The language of what the current task says, when it is not the run's.
    @TaskLocal public static var bound: Language?
    private static let run = Atomic<UInt8>(0)

    public static var current: Language { bound ?? (run.load(ordering: .relaxed) == 1 ? .zh : .en) }

    /// The language of the rest of the run.
    public static func speak(_ language: Language) {
        run.store(language == .zh ? 1 : 0, ordering: .relaxed)
    }

    /// The text in the current language; only that one is made.
    @inlinable
    public static func say(_ en: @autoclosure () -> String, _ zh: @autoclosure () -> String) -> String {
        current == .zh ? zh() : en()
    }

    /// The language a run speaks: `RAPPORT_LANG` when set (for one run), else the book's
    /// setting (`ui.language`) when it names one, else the first of `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` that is set (`zh…` is Chinese, anything else English, as gettext reads them).
    public static func chosen(setting: Language?, environment: [String: String]) -> Language {
        if let named = environment["RAPPORT_LANG"].flatMap(Language.init(locale:)) { return named }
        if let setting { return setting }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[variable], !value.isEmpty { return Language(locale: value) ?? .en }
        }
        return .en
    }

    /// `zh_CN.UTF-8`, `zh_TW`, `zh` → Chinese; `en_US.UTF-8`, `C`, `POSIX` → English;
    /// an empty value names none.
    public init?(locale: String) {
        guard !locale.isEmpty else { return nil }
        self = locale.lowercased().hasPrefix("zh") ? .zh : .en
    }
}

/// A text kept in both languages, said in the current one: for tables built once (the key
/// table) that must speak whichever language is current when they are read.
public struct Said: Hashable, Sendable {
    public let en: String
    public let zh: String

    public init(_ en: String, _ zh: String) {
        self.en = en
        self.zh = zh
    }

    public var text: String { Language.current == .zh ? zh : en }
}
