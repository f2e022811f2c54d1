import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One line on the terminal that says which stage a long build is in, rewritten in
/// place. Only on a terminal: in CI, in pipes and in tests it says nothing.
enum ProgressLine {
    static var isShown: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
    }

    static func forStandardError() -> (@Sendable (String) -> Void)? {
        guard isShown else { return nil }
        return { stage in
            FileHandle.standardError.write(Data("\r\u{1B}[2K[communique] \(stage)…".utf8))
        }
    }

    static func clear() {
        guard isShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
