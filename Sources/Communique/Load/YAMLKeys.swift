import Yams

/// Checks on the keys of YAML mappings that every file of `Content/` shares: a key
/// given twice and a key nobody reads (a misspelling such as `titel` would be silently
/// ignored), each at its own line.
enum YAMLKeys {
    /// Where a key given twice stands: Yams refuses the mapping and tells the first
    /// place of one duplicated key (or of another duplicate of the same mapping); the
    /// second place is the next line, at the same column, that holds `name:` again.
    static func linesOfKey(_ name: String, in yaml: String, from mark: Mark) -> (first: Int, second: Int) {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        var found: [Int] = []
        // libyaml also counts a bare "\r" (and NEL, LS, PS) as a line break, so the mark can
        // be past the last "\n" line: then there is nothing to look at (no range to crash on).
        for number in stride(from: max(1, mark.line), through: lines.count, by: 1) {
            let line = lines[number - 1].unicodeScalars
            guard line.count >= mark.column else { continue }
            let rest = String(String.UnicodeScalarView(line.dropFirst(mark.column - 1)))
            let key = rest.hasPrefix("- ") ? String(rest.dropFirst(2)) : rest
            if [name, "\"\(name)\"", "'\(name)'"].contains(where: { key.hasPrefix($0 + ":") }) { found.append(number) }
            if found.count == 2 { break }
        }
        return (found.first ?? mark.line, found.count > 1 ? found[1] : mark.line)
    }

    /// One error for each key of `mapping` not in `known`, suggesting the nearest known key.
    static func unknown(in mapping: Node.Mapping, known: Set<String>, file: String, lineOffset: Int = 0) -> [Diagnostic] {
        mapping.compactMap { key, _ in
            guard let name = key.string, !known.contains(name) else { return nil }
            let hint = nearest(to: name, in: known).map { "did you mean '\($0)'?" } ?? "known: \(known.sorted().joined(separator: ", "))"
            return Diagnostic(
                .error, "unknown key '\(name)' (\(hint))",
                at: SourceLocation(file: file, line: key.mark.map { $0.line + lineOffset }, column: key.mark?.column))
        }
    }

    /// The known key closest to `name` by edit distance, when it is close enough to be a
    /// misspelling (at most a third of the letters differ).
    static func nearest(to name: String, in known: Set<String>) -> String? {
        let scored = known.map { ($0, distance(name.lowercased(), $0)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let best = scored.first, best.1 <= max(1, best.0.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance, with a transposition (`titel` → `title`) counted as one edit.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
                }
            }
        }
        return rows[a.count][b.count]
    }
}
