import Foundation

/// Runs poppler's `pdftotext -tsv` on a PDF and returns what it printed: every word with
/// its page and position, which `PDFText` reads.
///
/// The only place the import stage starts a process. `pdftotext` is run directly (never
/// through a shell), on the file's absolute path (so a name starting with `-` cannot be
/// read as an option), with a time limit; its output goes to temporary files rather than
/// pipes, so a large PDF cannot fill a pipe and stall it.
struct PopplerTextExtractor {
    /// How long `pdftotext` may run before it is stopped: a statement takes well under a second.
    var timeLimit: TimeInterval = 60
    /// Where to look for `pdftotext`: the folders of `PATH`.
    var searchPath: [String] = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        .split(separator: ":").map(String.init)

    /// `pdftotext -tsv` of `path`, or an error naming the file: poppler missing, the PDF
    /// encrypted, damaged or unreadable, or the time limit passed.
    func extractWords(path: String) throws -> PopplerOutput {
        let location = SourceLocation(file: path)
        guard let tool = executable("pdftotext") else {
            throw CommuniqueError(
                "is a PDF, and reading PDFs needs poppler's pdftotext, which is not installed "
                    + "(apt-get install poppler-utils)", at: location)
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("communique-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stdoutURL = scratch.appendingPathComponent("words.tsv")
        let stderrURL = scratch.appendingPathComponent("messages.txt")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        process.arguments = ["-tsv", "-enc", "UTF-8", absolute, "-"]
        process.standardInput = FileHandle.nullDevice
        let out = try FileHandle(forWritingTo: stdoutURL)
        let err = try FileHandle(forWritingTo: stderrURL)
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardOutput = out
        process.standardError = err
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw CommuniqueError("could not run \(tool): \(error.localizedDescription)", at: location)
        }
        if finished.wait(timeout: .now() + timeLimit) == .timedOut {
            process.terminate()
            finished.wait()
            throw CommuniqueError(
                "pdftotext did not finish reading this PDF within \(Int(timeLimit)) seconds", at: location)
        }
        let messages = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
        let output = PopplerOutput(
            tsv: (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "",
            messages: messages.split(separator: "\n").map(String.init))
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw CommuniqueError(output.failureMessage(status: process.terminationStatus), at: location)
        }
        return output
    }

    private func executable(_ name: String) -> String? {
        searchPath.map { ($0 as NSString).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// What `pdftotext` printed: the words as TSV, and its messages (errors and warnings).
struct PopplerOutput: Sendable {
    var tsv: String
    var messages: [String]

    /// Poppler says "Command Line Error: Incorrect password" for a PDF that needs a password.
    var needsPassword: Bool { messages.contains { $0.localizedCaseInsensitiveContains("password") } }

    /// Poppler's complaints about the file's structure, which it repaired when it still
    /// exited 0 (a PDF whose cross-reference table is off, as after a bad edit or download).
    var syntaxErrors: [String] { messages.filter { $0.hasPrefix("Syntax Error") } }

    func failureMessage(status: Int32) -> String {
        if needsPassword {
            return "is an encrypted PDF that needs a password to open; remove the password "
                + "(save an unprotected copy) and import that"
        }
        // The last message names what finally failed ("Couldn't read xref table").
        let reason = (syntaxErrors.last ?? messages.last).map { ": poppler says “\($0)”" } ?? ""
        return "is a damaged PDF (truncated or corrupt) that poppler cannot read\(reason) (pdftotext exit status \(status))"
    }
}
