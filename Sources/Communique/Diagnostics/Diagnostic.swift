/// Where a problem is: a file, and the line and column when there is one (1-based).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `Content/releases/x/01-soron.md:12:3`, the form compilers and editors understand.
    public var description: String {
        var s = file
        if let line {
            s += ":\(line)"
            if let column { s += ":\(column)" }
        }
        return s
    }
}

/// One problem found in the user's input, with where it is and what is wrong.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String

    public init(_ severity: Severity = .error, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// `file:line:col: error: message`
    public var description: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }
}

/// The error every stage throws for bad input: one or more diagnostics, all printed
/// before the command exits non-zero, so a single run shows every problem.
public struct CommuniqueError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ message: String, at location: SourceLocation? = nil) {
        self.diagnostics = [Diagnostic(.error, message, at: location)]
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
