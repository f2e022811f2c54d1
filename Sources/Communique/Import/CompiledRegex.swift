/// A pattern of the importer, compiled once. Swift compiles a regex literal or `Regex(…)` every
/// time the expression runs (a fifth of an import's time went there), so the importer keeps its
/// patterns in `nonisolated(unsafe) static let`s made by this. Matching once here also lowers
/// the program before the value is shared (a `static let` is initialised once, under a lock),
/// so threads never race to do that; after it the regex is only read.
func compiledOnce<Output>(_ regex: Regex<Output>) -> Regex<Output> {
    _ = "".firstMatch(of: regex)
    return regex
}
