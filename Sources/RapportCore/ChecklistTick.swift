/// One ticked checklist item of a deal: the stage and the item's text as it was ticked
/// (a reworded item is a new item).
public struct ChecklistTick: Hashable, Sendable {
    public var stage: Stage
    public var item: String

    public init(stage: Stage, item: String) {
        self.stage = stage
        self.item = item
    }
}
