/// Where a customer came from.
///
/// Free text in the store, so a seller can name their own channels; these are the ones
/// the process guides name, offered in help and used by the demo book.
public enum SourceChannel {
    public static let known = ["trade-show", "referral", "website", "cold-call", "advertising", "social", "partner", "event"]
}
