import Testing
@testable import RapportBase

struct LanguageTests {
    @Test(arguments: [
        (nil, [:], Language.en),
        (nil, ["LANG": "zh_CN.UTF-8"], .zh),
        (nil, ["LANG": "en_US.UTF-8"], .en),
        (nil, ["LANG": "C"], .en),
        (nil, ["LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"], .zh),
        (nil, ["LC_ALL": "", "LC_MESSAGES": "zh_CN", "LANG": "en_US.UTF-8"], .zh),
        (nil, ["LC_MESSAGES": "en_GB", "LANG": "zh_CN"], .en),
        (.zh, ["LANG": "en_US.UTF-8"], .zh),
        (.en, ["LANG": "zh_CN.UTF-8"], .en),
        (.en, ["RAPPORT_LANG": "zh"], .zh),
        (.zh, ["RAPPORT_LANG": "en_US"], .en),
        (nil, ["RAPPORT_LANG": "", "LANG": "zh_CN"], .zh),
    ] as [(Language?, [String: String], Language)])
    func aRunSpeaksRAPPORT_LANGThenTheSettingThenTheLocale(setting: Language?, environment: [String: String], expected: Language) {
        #expect(Language.chosen(setting: setting, environment: environment) == expected)
    }

    @Test func aTaskSpeaksWhatItBinds() {
        #expect(Language.$bound.withValue(.zh) { Language.say("today", "今天") } == "今天")
        #expect(Language.$bound.withValue(.en) { Said("today", "今天").text } == "today")
    }
}
