/// The site's glossary: every entry, in gojūon order, and one matcher for all their forms.
public struct Glossary: Sendable {
    /// Sorted by reading (gojūon, then A–Z).
    public let entries: [GlossaryEntry]
    /// Finds every entry's term and aliases in one pass over a text.
    public let matcher: TermMatcher
    /// Matcher pattern index → entry index.
    let patternEntry: [Int]
    /// A hash of every form the matcher finds and the entry index it links to: what term
    /// linking depends on (`ReleaseLinks` are kept between builds under it).
    let formsKey: String
    private let indexByForm: [String: Int]

    init(entries: [GlossaryEntry]) {
        self.entries = entries
        var patterns: [String] = []
        var owners: [Int] = []
        var byForm: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            for form in entry.forms where !form.isEmpty {
                patterns.append(form)
                owners.append(index)
                byForm[WidthFolding.fold(form)] = byForm[WidthFolding.fold(form)] ?? index
            }
        }
        matcher = TermMatcher(patterns: patterns)
        patternEntry = owners
        var hasher = StableHasher()
        for (pattern, owner) in zip(patterns, owners) {
            hasher.combine(pattern)
            hasher.combine(owner)
        }
        formsKey = hasher.hex
        indexByForm = byForm
    }

    /// The entry a text names (by term or alias, any width).
    public func entry(named name: String) -> GlossaryEntry? {
        indexByForm[WidthFolding.fold(name)].map { entries[$0] }
    }

    public func entryIndex(forPattern pattern: Int) -> Int { patternEntry[pattern] }
}
