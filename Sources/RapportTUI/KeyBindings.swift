import RapportBase

/// Everything a seller can ask of the TUI, by name; keys map to these as data.
public enum Action: Hashable, Sendable {
    /// Go to a screen (what it loads the first time is the screen's `show`).
    case show(Screen)
    case quit, back
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case focusNext, focusPrevious
    case open, log, logFor, snooze, done, filter, cycleSort, edit, addCustomer
    case addDeal, moveDeal, winDeal, loseDeal, pay, toggleFunnel
    case undo, editEntry, removeEntry, mergeInto, importFile
    /// In a form or the chooser.
    case submit, cancel, nextField, previousField
    /// In the move form: to the line after the checklist, and back to the stage line.
    case pastChecklist, toStage
}

/// Where a binding applies: each screen has one, the customers screen two (`timeline` is
/// it with its timeline pane focused) and Today two (`start` is it on an empty book), each
/// screen's controller naming its own; and over them a form (the text forms and the move
/// form) and the deal chooser.
public enum BindingContext: String, CaseIterable, Sendable {
    case today, start, main, timeline, card, help
    case form, chooser

    /// The contexts of a modal rather than of a screen.
    static let modal: Set<BindingContext> = [.form, .chooser]
}

/// One line of the key table: keys, where they work, what they do, and the help text.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var contexts: Set<BindingContext>
    public var action: Action
    /// The word the footer shows after the key: `l log`.
    public var shortSaid: Said
    public var helpSaid: Said
    /// The help screen's section.
    public var sectionSaid: Said

    public var short: String { shortSaid.text }
    public var help: String { helpSaid.text }
    public var section: String { sectionSaid.text }

    init(keys: [Key], contexts: Set<BindingContext>, action: Action, short: Said, help: Said, section: Said) {
        self.keys = keys
        self.contexts = contexts
        self.action = action
        shortSaid = short
        helpSaid = help
        sectionSaid = section
    }
}

/// The one table that drives both input and the help screen.
public enum KeyBindings {
    /// Every screen's contexts; a form's keys are its own.
    private static let everywhere = Set(BindingContext.allCases).subtracting(BindingContext.modal)
    /// The customers screen, whichever pane has the focus.
    private static let customers: Set<BindingContext> = [.main, .timeline]

    public static let table: [KeyBinding] = [
        KeyBinding(keys: [.char("t")], contexts: everywhere, action: .show(.today), short: Said("today", "今天"), help: Said("today: who to call, who is forgotten", "今天：该联系谁，谁被遗忘了"), section: Said("Everywhere", "到处")),
        KeyBinding(keys: [.char("?")], contexts: [.today, .start, .main, .timeline, .card], action: .show(.help), short: Said("help", "帮助"), help: Said("this help", "本帮助"), section: Said("Everywhere", "到处")),
        KeyBinding(keys: [.char("q")], contexts: everywhere, action: .quit, short: Said("quit", "退出"), help: Said("quit", "退出"), section: Said("Everywhere", "到处")),
        KeyBinding(keys: [.char("u")], contexts: [.today, .start, .main, .timeline, .card], action: .undo, short: Said("undo", "撤销"),
                   help: Said("undo the last change (rapport history lists them)", "撤销上一次改动（rapport history 列出全部）"), section: Said("Everywhere", "到处")),
        KeyBinding(keys: [.char("j"), .down], contexts: everywhere, action: .moveDown, short: Said("down", "下"), help: Said("down", "下"), section: Said("Moving", "移动")),
        KeyBinding(keys: [.char("k"), .up], contexts: everywhere, action: .moveUp, short: Said("up", "上"), help: Said("up", "上"), section: Said("Moving", "移动")),
        KeyBinding(keys: [.pageDown, .ctrl("d")], contexts: everywhere, action: .pageDown, short: Said("page", "翻页"), help: Said("page down", "向下翻页"), section: Said("Moving", "移动")),
        KeyBinding(keys: [.pageUp, .ctrl("u")], contexts: everywhere, action: .pageUp, short: Said("page", "翻页"), help: Said("page up", "向上翻页"), section: Said("Moving", "移动")),
        KeyBinding(keys: [.char("g"), .home], contexts: everywhere, action: .top, short: Said("top", "顶部"), help: Said("top", "顶部"), section: Said("Moving", "移动")),
        KeyBinding(keys: [.char("G"), .end], contexts: everywhere, action: .bottom, short: Said("bottom", "底部"), help: Said("bottom", "底部"), section: Said("Moving", "移动")),
        KeyBinding(keys: [.enter], contexts: [.today], action: .open, short: Said("open", "打开"), help: Said("open the customer (on a “more” line: show more)", "打开客户（在“更多”行上：显示更多）"), section: Said("Today", "今天")),
        KeyBinding(keys: [.char("l")], contexts: [.today, .main, .timeline, .card], action: .log, short: Said("log", "记录"), help: Said("log a call, visit, … : c 谈了报价 Tab 周五 Enter", "记录电话、拜访……：c 谈了报价 Tab 周五 Enter"), section: Said("Today", "今天")),
        KeyBinding(keys: [.char("L")], contexts: [.today, .main, .timeline, .card], action: .logFor, short: Said("log for", "为谁记录"),
                   help: Said("log for anyone: sxm c 谈了报价 Tab 周五; 1–9 a recent one", "为任何客户记录：sxm c 谈了报价 Tab 周五；1–9 选最近的客户"), section: Said("Today", "今天")),
        KeyBinding(keys: [.char("s")], contexts: [.today], action: .snooze, short: Said("snooze", "推迟"), help: Said("snooze the follow-up to another day", "把跟进推迟到另一天"), section: Said("Today", "今天")),
        KeyBinding(keys: [.char("d")], contexts: [.today], action: .done, short: Said("done", "完成"), help: Said("mark the follow-up done (a stale one: close it)", "标记跟进完成（陈旧的：关掉它）"), section: Said("Today", "今天")),
        KeyBinding(keys: [.tab, .escape], contexts: [.today, .start], action: .show(.main), short: Said("customers", "客户"), help: Said("the customer list", "客户列表"), section: Said("Today", "今天")),
        KeyBinding(keys: [.tab], contexts: customers, action: .focusNext, short: Said("pane", "窗格"), help: Said("next pane", "下一个窗格"), section: Said("Customers", "客户")),
        KeyBinding(keys: [.backTab], contexts: customers, action: .focusPrevious, short: Said("pane", "窗格"), help: Said("previous pane", "上一个窗格"), section: Said("Customers", "客户")),
        KeyBinding(keys: [.enter], contexts: customers, action: .open, short: Said("open", "打开"), help: Said("open the customer card", "打开客户名片"), section: Said("Customers", "客户")),
        KeyBinding(keys: [.char("/")], contexts: [.main, .timeline, .today], action: .filter, short: Said("filter", "筛选"), help: Said("filter by name, company, phone, pinyin (wjg)", "按姓名、公司、电话、拼音（wjg）筛选"), section: Said("Customers", "客户")),
        KeyBinding(keys: [.char("o")], contexts: customers, action: .cycleSort, short: Said("sort", "排序"), help: Said("sort by attention, name, last contact", "按紧急程度、姓名、上次联系排序"), section: Said("Customers", "客户")),
        KeyBinding(keys: [.char("a")], contexts: [.start, .today, .main, .timeline, .card], action: .addCustomer, short: Said("add", "添加"), help: Said("add a customer", "添加客户"),
                   section: Said("Customers", "客户")),
        KeyBinding(keys: [.char("i")], contexts: [.start, .today, .main, .timeline, .card], action: .importFile, short: Said("import", "导入"),
                   help: Said("import a .csv, .xlsx or .vcf file: its dry run first, then y", "导入 .csv、.xlsx 或 .vcf 文件：先看试运行，再按 y"),
                   section: Said("Customers", "客户")),
        KeyBinding(keys: [.char("e")], contexts: [.main], action: .edit, short: Said("edit", "编辑"), help: Said("edit the customer", "编辑客户"), section: Said("Customers", "客户")),
        KeyBinding(keys: [.char("e")], contexts: [.timeline, .card], action: .editEntry, short: Said("correct", "更正"),
                   help: Said("correct the selected entry: card, person, deal, call, follow-up", "更正选中的条目：名片、联系人、商机、电话、跟进"),
                   section: Said("Customers", "客户")),
        KeyBinding(keys: [.char("x"), .delete], contexts: [.timeline, .card], action: .removeEntry, short: Said("remove", "删除"),
                   help: Said("remove the selected entry (asks; a payment is voided)", "删除选中的条目（会先询问；收款会被作废）"),
                   section: Said("Customers", "客户")),
        KeyBinding(keys: [.escape], contexts: customers, action: .back, short: Said("back", "返回"), help: Said("clear the filter", "清除筛选"), section: Said("Customers", "客户")),
        KeyBinding(keys: [.char("d")], contexts: [.main, .timeline, .card], action: .addDeal, short: Said("deal", "商机"), help: Said("add a deal for the customer", "为客户添加商机"), section: Said("Deals", "商机")),
        KeyBinding(keys: [.char("m")], contexts: [.today, .main, .timeline, .card], action: .moveDeal, short: Said("move", "推进"),
                   help: Said("move the deal to another stage, ticking its checklist", "把商机推进到另一阶段，勾选检查项"), section: Said("Deals", "商机")),
        KeyBinding(keys: [.char("w")], contexts: [.today, .main, .timeline, .card], action: .winDeal, short: Said("win", "赢单"),
                   help: Said("win the deal: contract, instalments, onboarding", "赢单：合同、分期、交付"), section: Said("Deals", "商机")),
        KeyBinding(keys: [.char("x")], contexts: [.today, .main], action: .loseDeal, short: Said("lose", "输单"), help: Said("lose the deal, with the reason", "输单，并写明原因"),
                   section: Said("Deals", "商机")),
        KeyBinding(keys: [.char("p")], contexts: [.today, .main, .timeline, .card], action: .pay, short: Said("paid", "回款"), help: Said("record a payment (回款) on the contract", "记录合同的回款"),
                   section: Said("Deals", "商机")),
        KeyBinding(keys: [.char("f")], contexts: customers, action: .toggleFunnel, short: Said("bars", "条形"), help: Said("funnel bars by amount or by count", "漏斗条形按金额或按数量"),
                   section: Said("Deals", "商机")),
        KeyBinding(keys: [.char("M")], contexts: [.card], action: .mergeInto, short: Said("merge", "合并"),
                   help: Said("merge a duplicate into this customer", "把重复的客户合并进来"), section: Said("Card and help", "名片与帮助")),
        KeyBinding(keys: [.escape, .char("h")], contexts: [.card, .help], action: .back, short: Said("back", "返回"), help: Said("back", "返回"), section: Said("Card and help", "名片与帮助")),
        KeyBinding(keys: [.char("?")], contexts: [.help], action: .back, short: Said("back", "返回"), help: Said("close the help", "关闭帮助"), section: Said("Card and help", "名片与帮助")),
        KeyBinding(keys: [.enter], contexts: [.form, .chooser], action: .submit, short: Said("save", "保存"), help: Said("save the form; take the deal chosen", "保存表单；选定商机"),
                   section: Said("In a form", "表单中")),
        KeyBinding(keys: [.escape], contexts: [.form, .chooser], action: .cancel, short: Said("cancel", "取消"), help: Said("cancel: nothing is written", "取消：什么都不写入"),
                   section: Said("In a form", "表单中")),
        KeyBinding(keys: [.tab, .down], contexts: [.form, .chooser], action: .nextField, short: Said("next field", "下一栏"), help: Said("next field", "下一栏"),
                   section: Said("In a form", "表单中")),
        KeyBinding(keys: [.backTab, .up], contexts: [.form, .chooser], action: .previousField, short: Said("previous", "上一栏"), help: Said("previous field", "上一栏"),
                   section: Said("In a form", "表单中")),
        KeyBinding(keys: [.pageDown], contexts: [.form], action: .pastChecklist, short: Said("past the checklist", "跳过检查项"),
                   help: Said("in the move form: the line after the checklist", "推进表单中：检查项之后的一行"), section: Said("In a form", "表单中")),
        KeyBinding(keys: [.pageUp], contexts: [.form], action: .toStage, short: Said("the stage", "阶段"),
                   help: Said("in the move form: back to the stage line", "推进表单中：回到阶段一行"), section: Said("In a form", "表单中")),
        KeyBinding(keys: [.char("j")], contexts: [.chooser], action: .nextField, short: Said("down", "下"), help: Said("the next deal (1–9 take one)", "下一个商机（1–9 直接选）"),
                   section: Said("In a form", "表单中")),
        KeyBinding(keys: [.char("k")], contexts: [.chooser], action: .previousField, short: Said("up", "上"), help: Said("the deal before", "上一个商机"),
                   section: Said("In a form", "表单中")),
    ]

    /// The action a key asks for in a context, if any.
    public static func action(for key: Key, in context: BindingContext) -> Action? {
        table.first { $0.contexts.contains(context) && $0.keys.contains(key) }?.action
    }

    /// `Enter save · Esc cancel · Tab/↓ next field · S-Tab/↑ previous`: a form's keys, from the table.
    static var formHints: String {
        [Action.submit, .cancel, .nextField, .previousField].compactMap { action in
            table.first { $0.action == action && $0.contexts.contains(.form) }.map { $0.keys.map(\.name).joined(separator: "/") + " " + $0.short }
        }.joined(separator: " · ")
    }

    /// `Enter win · Esc cancel · Tab/↓ next line · PgDn past the checklist`: the move form's keys.
    static func moveFormHints(verb: String) -> String {
        [(Action.submit, verb), (.cancel, nil), (.nextField, Language.say("next line", "下一行")), (.pastChecklist, nil)].compactMap { action, word in
            table.first { $0.action == action && $0.contexts.contains(.form) }.map { $0.keys.map(\.name).joined(separator: "/") + " " + (word ?? $0.short) }
        }.joined(separator: " · ")
    }

    /// `j ↓` — the keys of a binding as the help and the footer show them.
    public static func keyNames(_ binding: KeyBinding) -> String {
        binding.keys.map(\.name).joined(separator: " ")
    }
}
