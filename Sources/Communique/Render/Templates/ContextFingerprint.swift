/// A stable hash of everything a page is made from: its template value, the template's
/// name and the whole template set.
///
/// Two builds that give a page the same fingerprint give it the same bytes, so the
/// second need not render it (incremental builds). Keys are hashed in sorted order;
/// every value is tagged with its kind so `"1"` and `1` differ.
enum ContextFingerprint {
    /// Bumped when rendering changes in a way the value does not show (a new version of
    /// the Mustache library, say), so old fingerprints stop matching.
    static let renderVersion = 3

    /// `names`: the names the template reads; keys not among them are not hashed (a
    /// series count no template shows must not make every page of the series "changed").
    static func of(_ value: TemplateValue, template: String, templates: String, names: Set<String>? = nil) -> String {
        var hasher = StableHasher()
        hasher.combine(renderVersion)
        hasher.combine(templates)
        hasher.combine(template)
        combine(value, names: names, into: &hasher)
        return hasher.hex
    }

    static func combine(_ value: TemplateValue, names: Set<String>? = nil, into hasher: inout StableHasher) {
        switch value {
        case .text(let text):
            hasher.combine(1)
            hasher.combine(text)
        case .flag(let flag): hasher.combine(flag ? 2 : 3)
        case .absent: hasher.combine(3)
        case .number(let number):
            hasher.combine(4)
            hasher.combine(number)
        case .object(let fields):
            hasher.combine(6)
            hasher.combine(fields.count)
            for key in fields.keys.sorted() where names?.contains(key) ?? true {
                hasher.combine(key)
                combine(fields[key]!, names: names, into: &hasher)
            }
        case .list(let items):
            hasher.combine(7)
            hasher.combine(items.count)
            for item in items { combine(item, names: names, into: &hasher) }
        }
    }
}
