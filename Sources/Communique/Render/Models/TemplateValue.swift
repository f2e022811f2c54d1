/// What a template reads: a page model (a `Codable` value type of Render/Models) as the
/// tree of texts, numbers, flags, lists and objects its tags look up.
///
/// The one place page models become template data: `TemplateEncoder` makes this tree,
/// `mustacheContext` hands it to swift-mustache, and `TemplateFingerprint` hashes it.
/// Keys are the models' property names in snake case (`hasBreadcrumbs` → `has_breadcrumbs`).
indirect enum TemplateValue: Equatable, Sendable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// An optional the model does not have (nil).
    case absent

    /// For swift-mustache. An absent value is `false`, not a missing key: a missing key is
    /// looked up in the enclosing contexts, so a participant without a title would show the
    /// page's `title`.
    var mustacheContext: Any {
        switch self {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .list(let items): items.map(\.mustacheObject)
        case .object(let fields): fields.mapValues(\.mustacheContext)
        case .absent: false
        }
    }

    /// A list's item: swift-mustache iterates `[[String: Any]]` and `[Any]` alike.
    private var mustacheObject: Any { mustacheContext }

    /// The object's fields with `other`'s added (a page's frame and its own model).
    func merging(_ other: TemplateValue) -> TemplateValue {
        guard case .object(var fields) = self, case .object(let more) = other else { return other }
        fields.merge(more) { _, new in new }
        return .object(fields)
    }
}
