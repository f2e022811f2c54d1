/// The report as `communique import` prints it: what was found, then what to check.
extension ImportReport: CustomStringConvertible {
    public var description: String {
        var out: [String] = []
        // A PDF's text comes from pdftotext, always UTF-8: its encoding says nothing.
        var notes = format == .pdf ? ["PDF, text from pdftotext"] : [encoding.rawValue, format.rawValue]
        if lineEnds != .lf { notes.append("\(lineEnds.rawValue) line ends") }
        out.append("Imported \(sourceFile) (\(notes.joined(separator: ", "))) as release \(releaseID)")
        func row(_ label: String, _ value: String?) {
            out.append("  " + label.padding(toLength: 13, withPad: " ", startingAt: 0) + (value ?? "(not found)"))
        }
        row("title", title)
        row("category", category)
        row("published", published)
        row("meeting date", date)
        row("place", place)
        row("language", language)
        row("series", series)
        if participants.isEmpty {
            row("participants", nil)
        } else {
            out.append("  participants")
            for p in participants {
                var line = "    " + p.name
                if let reading = p.reading { line += " (\(reading))" }
                if let title = p.title { line += ", \(title)" }
                let english = [p.english, p.englishTitle].compactMap { $0 }.joined(separator: ", ")
                if !english.isEmpty { line += " — \(english)" }
                out.append(line)
            }
        }
        row("lead", Self.count(leadCount, "paragraph"))
        if let innerTitle { row("inner title", innerTitle) }
        row("preamble", Self.count(preambleCount, "paragraph"))
        out.append("  sections")
        for s in sections {
            var parts: [String] = []
            if s.introCount > 0 { parts.append("intro " + Self.count(s.introCount, "line")) }
            if s.numberedCount > 0 {
                parts.append(Self.count(s.numberedCount, "numbered paragraph") + (s.numbering.map { " \($0)" } ?? ""))
                if s.subItemCount > 0 { parts.append(Self.count(s.subItemCount, "sub-item")) }
                let other = s.paragraphCount - s.numberedCount - s.subItemCount
                if other > 0 { parts.append(Self.count(other, "unnumbered paragraph")) }
            } else {
                parts.append(Self.count(s.paragraphCount, "paragraph"))
            }
            out.append("    \(s.file)  \(s.title): \(parts.joined(separator: ", "))")
        }
        if numberingProblems.isEmpty {
            out.append("  numbering    no gaps or repeats")
        } else {
            out.append("  numbering    \(Self.count(numberingProblems.count, "problem")) to check:")
            for problem in numberingProblems { out.append("    line \(problem.line): \(problem.message)") }
        }
        if !guesses.isEmpty {
            out.append("  guessed      \(Self.count(guesses.count, "thing")) to check:")
            for guess in guesses { out.append("    " + (guess.line.map { "line \($0): " } ?? "") + guess.message) }
        }
        if dropped.isEmpty {
            out.append("  dropped      nothing")
        } else {
            out.append("  dropped      \(Self.count(dropped.count, "line")) of page chrome (kept in _dropped.txt):")
            for line in dropped { out.append("    line \(line.number): \(line.text)") }
        }
        if let outcome {
            var what: [String] = []
            for (names, verb) in [(outcome.created, "created"), (outcome.updated, "updated"), (outcome.removed, "removed"), (outcome.unchanged, "unchanged")]
            where !names.isEmpty {
                what.append("\(names.count) \(verb)")
            }
            out.append("Wrote \(outcome.folder)/ in \(outcome.root): \(what.joined(separator: ", "))")
        }
        return out.joined(separator: "\n")
    }
}
