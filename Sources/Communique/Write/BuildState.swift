import Foundation

/// Where a build keeps what it knows between builds: the site's `.communique/` folder,
/// beside `Content/` and never inside the output, so nothing of the build's internals
/// is uploaded or served. One manifest per output folder (`manifest-Public`).
///
/// Site folders come from other people's repositories, so every folder of ours is
/// checked with `lstat`: a symbolic link where one should be is refused, not followed.
struct BuildState {
    static let folderName = ".communique"

    let root: URL
    let output: URL

    init(root: URL, output: URL) {
        self.root = root.standardizedFileURL
        self.output = output.standardizedFileURL
    }

    var folder: URL { root.appendingPathComponent(Self.folderName) }

    /// `manifest-Public` for a folder directly in the site, else named by a hash of the
    /// output's path (`--output /srv/www`).
    var manifestName: String {
        let relative = output.path.hasPrefix(root.path + "/") ? String(output.path.dropFirst(root.path.count + 1)) : ""
        if !relative.isEmpty, !relative.contains("/"), SiteFiles.isPlainRelativePath(relative),
            relative.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || "0123456789-_".unicodeScalars.contains($0)) })
        {
            return "manifest-\(relative)"
        }
        var hasher = StableHasher()
        hasher.combine(output.path)
        return "manifest-\(hasher.hex)"
    }

    /// The manifest's path; the state folder must not be a link.
    func manifestFile() throws -> URL {
        try Self.refuseLink(folder)
        return folder.appendingPathComponent(manifestName)
    }

    var hasManifest: Bool { Self.exists(folder.appendingPathComponent(manifestName)) }

    /// Writes the manifest whole: a temporary file opened without following links, then
    /// renamed over the old one (a rename replaces a link, never writes through it).
    func writeManifest(_ text: String) throws {
        try Self.refuseLink(folder)
        if mkdir(folder.path, 0o755) != 0 && errno != EEXIST {
            throw CommuniqueError("cannot make the build's state folder: \(String(cString: strerror(errno)))", at: SourceLocation(file: folder.path))
        }
        let file = folder.appendingPathComponent(manifestName)
        let temporary = folder.appendingPathComponent(".\(manifestName).new")
        unlink(temporary.path)
        try SiteWriter.writeFile(temporary.path, Array(text.utf8), name: temporary.path)
        try SiteWriter.rename(temporary, to: file)
    }

    /// Refuses an output that would swap away the site itself or write into its sources,
    /// and one reached through a link inside the site (`out → /`).
    func checkOutputPlace() throws {
        let outputPath = output.path
        let rootPath = root.path
        func inside(_ folder: String) -> Bool { outputPath == folder || outputPath.hasPrefix(folder + "/") }
        if outputPath == rootPath || rootPath.hasPrefix(outputPath == "/" ? "/" : outputPath + "/") {
            throw CommuniqueError("the output folder would replace the site itself; choose a folder inside or beside it", at: SourceLocation(file: outputPath))
        }
        for source in ["Content", "Templates", Self.folderName] where inside(rootPath + "/" + source) {
            throw CommuniqueError("the output folder is inside the site's \(source)/; choose another", at: SourceLocation(file: outputPath))
        }
        guard outputPath.hasPrefix(rootPath + "/") else { return }
        var path = rootPath
        for component in outputPath.dropFirst(rootPath.count + 1).split(separator: "/").dropLast() {
            path += "/" + component
            try Self.refuseLink(URL(fileURLWithPath: path))
        }
    }

    /// True when something (a file, a folder, a link) is at `url`, without following links.
    static func exists(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0
    }

    static func refuseLink(_ url: URL) throws {
        var status = stat()
        guard lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return }
        let target = SiteFiles.realPath(url.path) ?? SiteFiles.linkTarget(url.path) ?? "?"
        let isOutput = !url.lastPathComponent.hasPrefix(".")
        throw CommuniqueError(
            "is a symbolic link (to \(target)); Communique "
                + (isOutput
                    ? "replaces its output folder as a whole and never builds through a link: build into the real folder with --output \(target), or remove the link"
                    : "keeps its own files there and never follows a link: remove it"),
            at: SourceLocation(file: url.path))
    }
}
