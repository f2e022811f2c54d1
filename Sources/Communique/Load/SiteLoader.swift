import CommuniqueJapanese
import Foundation
import Yams

/// Load stage: reads `Content/` (site.yml, releases and their section pages) into a
/// `SiteSource`. Runs first in every build; touches nothing but what it reads.
public struct SiteLoader: Sendable {
    public var includeDrafts: Bool
    /// A release as an earlier build loaded it from files whose key (`ReleaseFilesKey`) is
    /// `key`; nil to read it. Set by a build that keeps a `ReleaseCache`.
    var reuse: (@Sendable (_ id: String, _ key: String) -> Release?)?

    public init(includeDrafts: Bool = false) {
        self.includeDrafts = includeDrafts
    }

    public func load(root: URL) throws -> SiteSource {
        try load(root: root, only: nil)
    }

    /// The site's settings and only the releases `ids` (each must exist), without the
    /// glossary and topics: what comparing two releases needs, without reading the rest of
    /// the archive. (Topic ids in their front matter are not checked.)
    public func load(root: URL, releases ids: [String]) throws -> SiteSource {
        try load(root: root, only: ids)
    }

    private func load(root: URL, only ids: [String]?) throws -> SiteSource {
        let content = root.appendingPathComponent("Content")
        let config = try loadConfig(root: root)
        let releasesFolder = content.appendingPathComponent("releases")
        var releases: [Release] = []
        var problems: [Diagnostic] = []
        var curated: [CuratedTerm] = []
        var topics: [Topic] = []
        var topicIDs: Set<String>?
        if ids == nil {
            do {
                curated = try GlossaryLoader().load(root: root)
            } catch let error as CommuniqueError {
                problems += error.diagnostics
            }
            do {
                topics = try TopicsLoader().load(root: root)
                topicIDs = Set(topics.map(\.id))
            } catch let error as CommuniqueError {
                problems += error.diagnostics
            }
        }
        // Releases are read and parsed in parallel (front matter is YAML: a site of
        // hundreds of releases has thousands of pages), then taken in folder order.
        let folders: [URL]
        if let ids {
            // Only those folders, as `subfolders` would find them (an id is never a path).
            folders = Array(Set(ids)).sorted().filter(ReleaseID.isValid).map { releasesFolder.appendingPathComponent($0) }.filter {
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && isDirectory.boolValue
            }
            let found = Set(folders.map(\.lastPathComponent))
            for id in ids where !found.contains(id) {
                problems.append(Diagnostic(
                    .error, "no release '\(id)' (a release is a folder of Content/releases named by its id)",
                    at: SourceLocation(file: "Content/releases")))
            }
        } else {
            folders = try SiteFiles.subfolders(of: releasesFolder)
        }
        // What a release is made of besides its files: a kept one is reused only when these
        // are the same too (topics.yml broken: nothing is reused).
        let settings = topicIDs.map { ReleaseFilesKey.settings(config: config, topicIDs: $0) }
        let loaded = Parallel.map(folders.count) { index -> Result<(Release, key: String?), CommuniqueError> in
            do {
                let key = settings.flatMap { reuse == nil ? nil : ReleaseFilesKey.of(folders[index], settings: $0) }
                if let key, let kept = reuse?(folders[index].lastPathComponent, key) { return .success((kept, key)) }
                let release = try loadRelease(folder: folders[index], root: root, defaultLanguage: config.language, topicIDs: topicIDs)
                return .success((release, key))
            } catch let error as CommuniqueError {
                return .failure(error)
            } catch {
                return .failure(CommuniqueError("\(error)", at: SourceLocation(file: "Content/releases/\(folders[index].lastPathComponent)")))
            }
        }
        var keys: [String: String] = [:]
        for outcome in loaded {
            switch outcome {
            case .success(let (release, key)):
                guard !release.draft || includeDrafts else { continue }
                releases.append(release)
                keys[release.id] = key
            case .failure(let error):
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw CommuniqueError(problems) }
        releases.sort(by: Release.newestFirst)
        var site = SiteSource(config: config, releases: releases, curatedTerms: curated, topics: topics)
        site.releaseKeys = keys
        return site
    }

    /// `Content/site.yml` alone (`serve` needs the base path before anything else).
    public func loadConfig(root: URL) throws -> SiteConfig {
        let file = "Content/site.yml"
        let config = try YAMLNodes(file: file).mapping(root: root, notAMapping: "site.yml must be a mapping of keys to values")
        var problems = config.unknownKeys(known: FrontMatterKeys.site)
        let title = try config.text("title")
        if title == nil { problems.append(Diagnostic(.error, "missing 'title'", at: SourceLocation(file: file, line: 1))) }
        let baseURL = try config.text("base_url")
        if let baseURL, !Settings.isAbsoluteWebURL(baseURL) {
            problems.append(Diagnostic(
                .error, "'base_url' must be an absolute http(s) URL such as https://example.org/statements/ (it is '\(baseURL)')",
                at: config.node("base_url").map { config.nodes.at($0) }))
        }
        let language = try config.text("language") ?? "ja"
        if !LanguageTag.isValid(language) {
            problems.append(Diagnostic(
                .error, "'language' must be a language tag such as ja or en (it is '\(language)')",
                at: config.node("language").map { config.nodes.at($0) }))
        }
        func flag(_ key: String) -> Bool? {
            let value = config.node(key).map { $0.bool ?? FrontMatter.plainBool($0) }
            if case .some(nil) = value {
                problems.append(Diagnostic(.error, "'\(key)' must be true or false", at: config.node(key).map { config.nodes.at($0) }))
            }
            return value ?? nil
        }
        let allowRawHTML = flag("allow_raw_html")
        let compareReleases = flag("compare_releases")
        if !problems.isEmpty { throw CommuniqueError(problems) }
        return SiteConfig(
            title: title ?? "",
            description: try config.text("description") ?? "",
            language: language,
            baseURL: baseURL ?? "/",
            author: try config.text("author"),
            allowRawHTML: allowRawHTML ?? false, compareReleases: compareReleases ?? true)
    }

    /// `topicIDs`: the taxonomy's ids, to check a page's `topics:`/`not_topics:` against
    /// (nil when topics.yml itself is broken and already reported).
    func loadRelease(folder: URL, root: URL, defaultLanguage: String, topicIDs: Set<String>? = nil) throws -> Release {
        let id = folder.lastPathComponent
        let base = "Content/releases/\(id)"
        guard ReleaseID.isValid(id) else {
            throw CommuniqueError(
                "release folder name '\(id)' must be lowercase ASCII letters, digits and hyphens (it becomes the URL)",
                at: SourceLocation(file: base))
        }
        let indexFile = "\(base)/_index.md"
        let index = try FrontMatter(
            parsing: SiteFiles.readText(indexFile, in: root),
            file: indexFile)
        var indexProblems = index.unknownKeys(known: FrontMatterKeys.release)
        var date: CalendarDate?
        if let value = try index.string("date") {
            date = CalendarDate(iso: value)
            if date == nil {
                indexProblems.append(Diagnostic(
                    .error, "'date' must be a calendar date written yyyy-mm-dd (it is '\(value)')", at: index.location(of: "date")))
            }
        }
        var published: PublicationTime?
        if let value = try index.string("published") {
            published = PublicationTime(iso: value)
            if published == nil {
                indexProblems.append(Diagnostic(
                    .error,
                    "'published' must be a date or date-time written yyyy-mm-dd or yyyy-mm-ddThh:mm:ss+09:00 (it is '\(value)')",
                    at: index.location(of: "published")))
            }
        }
        if let language = try index.string("language"), !LanguageTag.isValid(language) {
            indexProblems.append(Diagnostic(
                .error, "'language' must be a language tag such as ja or en (it is '\(language)')", at: index.location(of: "language")))
        }
        let participantMappings = try index.mappings("participants")
        for mapping in participantMappings {
            indexProblems += YAMLKeys.unknown(in: mapping, known: FrontMatterKeys.participant, file: indexFile, lineOffset: 1)
        }
        let participants = try participantMappings.map { try Self.participant($0, file: indexFile) }

        var sections: [Section] = []
        var problems = indexProblems
        // Only pages without a `slug:` need readings: load MeCab's dictionary only then.
        lazy var reader = JapaneseReader()
        let pages = try SiteFiles.files(in: folder, withExtension: "md").filter { $0.lastPathComponent != "_index.md" }
        for (position, page) in pages.enumerated() {
            let file = "\(base)/\(page.lastPathComponent)"
            do {
                let matter = try FrontMatter(parsing: SiteFiles.readText(file, in: root), file: file)
                let unknown = matter.unknownKeys(known: FrontMatterKeys.section)
                if !unknown.isEmpty { throw CommuniqueError(unknown) }
                let title = try matter.requiredString("title")
                let order = try matter.int("order") ?? position + 1
                // It becomes the section's ids (`sec_2__para_3`).
                guard order >= 1 else {
                    throw CommuniqueError("'order' must be a whole number from 1 (it is \(order))", at: matter.location(of: "order"))
                }
                var slug = try matter.string("slug") ?? Slug.make(title, reader: reader)
                if slug.isEmpty { slug = "section-\(order)" }
                guard !Permalinks.reservedSlugs.contains(slug) else {
                    let page = slug == Permalinks.printSlug ? "the printable page" : "the page of changes since the previous meeting"
                    throw CommuniqueError("slug '\(slug)' is reserved for \(page); choose another", at: matter.location(of: "slug"))
                }
                guard ReleaseID.isValid(slug) else {
                    throw CommuniqueError("slug '\(slug)' must be lowercase ASCII letters, digits and hyphens", at: matter.location(of: "slug"))
                }
                sections.append(Section(
                    title: title, order: order, slug: slug,
                    body: MarkdownSource(
                        text: matter.body, file: file, firstLine: matter.bodyFirstLine,
                        addedTopics: try Self.topics("topics", in: matter, known: topicIDs),
                        removedTopics: try Self.topics("not_topics", in: matter, known: topicIDs))))
            } catch let error as CommuniqueError {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw CommuniqueError(problems) }
        sections.sort { ($0.order, $0.slug) < ($1.order, $1.slug) }
        try Self.checkUnique(sections.map(\.slug), what: "slug", in: sections)
        try Self.checkUnique(sections.map { String($0.order) }, what: "order", in: sections)

        return Release(
            id: id, title: try index.requiredString("title"), category: try index.string("category"),
            published: published, date: date, place: try index.string("place"),
            language: try index.string("language") ?? defaultLanguage, series: try index.string("series"),
            draft: try index.bool("draft") ?? false, source: try index.string("source"), participants: participants,
            body: MarkdownSource(
                text: index.body, file: indexFile, firstLine: index.bodyFirstLine,
                addedTopics: try Self.topics("topics", in: index, known: topicIDs),
                removedTopics: try Self.topics("not_topics", in: index, known: topicIDs)),
            sections: sections)
    }

    /// Topic ids listed under `key`, each one checked against the taxonomy.
    static func topics(_ key: String, in matter: FrontMatter, known: Set<String>?) throws -> [String] {
        let ids = try matter.strings(key)
        if let known, let unknown = ids.first(where: { !known.contains($0) }) {
            throw CommuniqueError("'\(key)' names '\(unknown)', which is not a topic id in Content/topics.yml", at: matter.location(of: key))
        }
        return ids
    }

    static func participant(_ mapping: Node.Mapping, file: String) throws -> Participant {
        guard let name = mapping["name"]?.string, !name.isEmpty else {
            throw CommuniqueError("a participant has no 'name'", at: SourceLocation(file: file, line: mapping.mark.map { $0.line + 1 }))
        }
        return Participant(
            name: name, reading: mapping["reading"]?.string, title: mapping["title"]?.string,
            english: mapping["english"]?.string, englishTitle: mapping["english_title"]?.string)
    }

    static func checkUnique(_ values: [String], what: String, in sections: [Section]) throws {
        var seen: [String: Section] = [:]
        for (value, section) in zip(values, sections) {
            if let first = seen[value] {
                throw CommuniqueError(
                    "two section pages have the \(what) '\(value)' (the other is \(first.body.file))",
                    at: SourceLocation(file: section.body.file, line: 1))
            }
            seen[value] = section
        }
    }
}

/// The shape every URL segment we make must have.
enum ReleaseID {
    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
