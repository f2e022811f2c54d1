/// What importing one statement produced, before anything is written.
public struct ImportResult {
    /// The release folder's name under `Content/releases/`.
    public var releaseID: String
    /// The files to write, in order, by path relative to the release folder:
    /// `_index.md`, the section pages `01-….md`…, and `_dropped.txt` when chrome was dropped.
    public var files: [(path: String, contents: String)]
    public var report: ImportReport
    /// Everything that was recognised, for callers that want more than the files.
    public var statement: Statement
}
