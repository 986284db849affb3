import RapportCore

/// Where each part of a screen goes, for a size. The reducer (page heights) and the
/// renderer (drawing) both read it, so scrolling and drawing agree.
struct Layout {
    let size: Size

    /// Rows between the header line and the footer lines.
    var bodyTop: Int { 2 }
    var bodyHeight: Int { max(1, size.height - 4) }
    /// The key-hint line and the prompt/status line.
    var hintRow: Int { size.height - 2 }
    var statusRow: Int { size.height - 1 }

    /// The customer list takes a little over half the width.
    var listWidth: Int { max(30, size.width * 11 / 20) }
    var rightX: Int { listWidth + 1 }
    var rightWidth: Int { max(0, size.width - rightX) }
    /// The funnel pane at the bottom right: a bar per stage, lead … paid, and what is owed.
    var funnelHeight: Int { min(Stage.funnel.count + 1, bodyHeight / 2) }
    var timelineHeight: Int { max(1, bodyHeight - funnelHeight - 1) }
    var funnelTop: Int { bodyTop + timelineHeight + 1 }
    /// Customer list rows below its column titles.
    var listRows: Int { max(1, bodyHeight - 1) }
}
