/// A stable hash of everything a page is made from: its template context, the
/// template's name and the whole template set.
///
/// Two builds that give a page the same fingerprint give it the same bytes, so the
/// second need not render it (incremental builds). Keys are hashed in sorted order;
/// every value is tagged with its kind so `"1"` and `1` differ.
enum ContextFingerprint {
    /// Bumped when rendering changes in a way the context does not show (a new
    /// version of the Mustache library, say), so old fingerprints stop matching.
    static let renderVersion = 1

    /// `names`: the names the template reads; keys not among them are not hashed (a
    /// series count no template shows must not make every page of the series "changed").
    static func of(_ context: [String: Any], template: String, templates: String, names: Set<String>? = nil) -> String {
        var hasher = StableHasher()
        hasher.combine(renderVersion)
        hasher.combine(templates)
        hasher.combine(template)
        combine(context, into: &hasher, names: names)
        return hasher.hex
    }

    private static func combine(_ value: Any, into hasher: inout StableHasher, names: Set<String>?) {
        switch value {
        case let text as String:
            hasher.combine(1)
            hasher.combine(text)
        case let flag as Bool:
            hasher.combine(flag ? 2 : 3)
        case let number as Int:
            hasher.combine(4)
            hasher.combine(number)
        case let dictionary as [String: String]:
            hasher.combine(5)
            hasher.combine(dictionary.count)
            for key in dictionary.keys.sorted() where names?.contains(key) ?? true {
                hasher.combine(key)
                hasher.combine(dictionary[key]!)
            }
        case let dictionary as [String: Any]:
            hasher.combine(6)
            hasher.combine(dictionary.count)
            for key in dictionary.keys.sorted() where names?.contains(key) ?? true {
                hasher.combine(key)
                combine(dictionary[key]!, into: &hasher, names: names)
            }
        case let array as [Any]:
            hasher.combine(7)
            hasher.combine(array.count)
            for item in array { combine(item, into: &hasher, names: names) }
        default:
            hasher.combine(8)
            hasher.combine(String(describing: value))
        }
    }
}
