import Foundation

/// A hash of everything a build reads: every file of `Content/` and `Templates/` (path and
/// bytes), the options that change what is built, and the program. When it equals the one
/// the previous build recorded and that build's output is intact, the build has nothing to
/// do (the "nothing changed" build a preview server or a CI job makes most often).
enum InputsFingerprint {
    /// nil when the site holds something other than regular files and folders (a link):
    /// the full build decides about those.
    static func of(_ options: BuildOptions) -> String? {
        var hasher = StableHasher()
        hasher.combine(ProgramIdentity.current)
        hasher.combine(options.includeDrafts ? 1 : 0)
        hasher.combine(options.brokenLinks.rawValue)
        for folder in SourceSnapshot.folders {
            guard hash(options.root.appendingPathComponent(folder).path, as: folder, into: &hasher) else { return nil }
        }
        return hasher.hex
    }

    /// Every file under `path` but hidden ones (which builds do not read), in name order;
    /// false at a link or anything but a file or folder.
    private static func hash(_ path: String, as name: String, into hasher: inout StableHasher) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0 else { return true }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            hasher.combine("d " + name)
            for (entry, _) in SiteFiles.entries(of: path).sorted(by: { $0.0 < $1.0 }) where !entry.hasPrefix(".") {
                guard hash(path + "/" + entry, as: name + "/" + entry, into: &hasher) else { return false }
            }
            return true
        case S_IFREG:
            guard let data = FileManager.default.contents(atPath: path) else { return false }
            hasher.combine("f " + name)
            hasher.combine(data.count)
            data.withUnsafeBytes { hasher.combine(bytes: $0) }
            return true
        default:
            return false
        }
    }
}
