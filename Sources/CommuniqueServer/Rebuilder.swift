import Communique
import Foundation

/// Builds the site again when its sources change: `serve`'s watch loop, one check at a
/// time. A build that fails leaves the last good site in place (the writer swaps in a
/// new site only once it is whole and checked), so the preview keeps working while the
/// person fixes what the error names.
///
/// A class used by one thread at a time (serve's watch thread), so unchecked Sendable.
public final class Rebuilder: @unchecked Sendable {
    public let options: BuildOptions
    private var snapshot: SourceSnapshot

    /// What a check found and did.
    public struct Rebuild {
        /// Files added, changed or removed, relative to the site root.
        public var changed: [String]
        public var outcome: Result<BuildReport, any Error>
    }

    /// `options` as the first build used them; sources as they are now.
    public init(options: BuildOptions) {
        self.options = options
        snapshot = SourceSnapshot(root: options.root)
    }

    /// Builds when a source changed since the last check (or the first build); nil when
    /// nothing did. Files that change while it builds are seen by the next check.
    public func check() -> Rebuild? {
        let now = SourceSnapshot(root: options.root)
        let changed = now.changes(since: snapshot)
        guard !changed.isEmpty else { return nil }
        snapshot = now
        return Rebuild(changed: changed, outcome: Result { try BuildPipeline().run(options) })
    }
}
