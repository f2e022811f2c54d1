/// A stable hash of everything a page is made from: its template context, the
/// template's name and the whole template set.
///
/// Two builds that give a page the same fingerprint give it the same bytes, so the
/// second need not render it (incremental builds). Keys are hashed in sorted order;
/// every value is tagged with its kind so `"1"` and `1` differ.
enum ContextFingerprint {
    /// Bumped when rendering changes in a way the context does not show (a new
    /// version of the Mustache library, say), so old fingerprints stop matching.
    static let renderVersion = 2

    /// `names`: the names the template reads; keys not among them are not hashed (a
    /// series count no template shows must not make every page of the series "changed").
    /// Every key of the context, read or not, goes into `keys` (for `TemplateSet.check`):
    /// one walk over the context does both.
    static func of(
        _ context: [String: Any], template: String, templates: String, names: Set<String>? = nil, keys: inout Set<String>
    ) -> String {
        var walk = Walk(names: names, keys: keys)
        walk.hasher.combine(renderVersion)
        walk.hasher.combine(templates)
        walk.hasher.combine(template)
        walk.visit(context, hashing: true)
        keys = walk.keys
        return walk.hasher.hex
    }

    /// Every key of `value`, hashing nothing.
    static func collectKeys(of value: Any, into keys: inout Set<String>) {
        var walk = Walk(names: nil, keys: keys)
        walk.visit(value, hashing: false)
        keys = walk.keys
    }

    private struct Walk {
        let names: Set<String>?
        var keys: Set<String>
        var hasher = StableHasher()

        init(names: Set<String>?, keys: Set<String>) {
            self.names = names
            self.keys = keys
        }

        /// Casts are tried in the order contexts hold them most often: a failed cast to
        /// a collection type costs a conversion attempt, and this runs for every value
        /// of every page.
        mutating func visit(_ value: Any, hashing: Bool) {
            if let text = value as? String {
                guard hashing else { return }
                hasher.combine(1)
                hasher.combine(text)
            } else if let flag = value as? Bool {
                if hashing { hasher.combine(flag ? 2 : 3) }
            } else if let number = value as? Int {
                guard hashing else { return }
                hasher.combine(4)
                hasher.combine(number)
            } else if let array = value as? [[String: Any]] {
                if hashing {
                    hasher.combine(7)
                    hasher.combine(array.count)
                }
                for item in array { visit(item, hashing: hashing) }
            } else if let dictionary = value as? [String: Any] {
                if hashing {
                    hasher.combine(6)
                    hasher.combine(dictionary.count)
                }
                for key in dictionary.keys.sorted() {
                    keys.insert(key)
                    let hashed = hashing && (names?.contains(key) ?? true)
                    if hashed { hasher.combine(key) }
                    visit(dictionary[key]!, hashing: hashed)
                }
            } else if let array = value as? [Any] {
                if hashing {
                    hasher.combine(7)
                    hasher.combine(array.count)
                }
                for item in array { visit(item, hashing: hashing) }
            } else if hashing {
                hasher.combine(8)
                hasher.combine(String(describing: value))
            }
        }
    }
}
