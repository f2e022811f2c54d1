/// The postings of the paragraphs' own text (words and Japanese bigrams and tails, not
/// topics, which follow the taxonomy), kept between builds so that a build tokenizes only
/// the releases that are new or changed. Paragraphs are numbered oldest release first, so
/// the releases before the first change keep their numbers, and their postings hold as
/// they are: a new release only appends.
public struct SearchTokens: Sendable, Equatable {
    public struct Release: Sendable, Equatable {
        public var id: String
        /// Its files' key (`SiteSource.releaseKeys`, which includes the program): the same
        /// key, the same text, the same tokens.
        public var key: String
        public var documentCount: Int

        public init(id: String, key: String, documentCount: Int) {
            self.id = id
            self.key = key
            self.documentCount = documentCount
        }
    }

    /// Oldest first, as numbered.
    public var releases: [Release] = []
    public var postings: [String: PostingList] = [:]

    public init(releases: [Release] = [], postings: [String: PostingList] = [:]) {
        self.releases = releases
        self.postings = postings
    }

    /// How many of `releases` (oldest first; nil key: not keepable) are as kept, from the
    /// first on, and the postings of their paragraphs alone.
    func reusable(for releases: [(id: String, key: String?)]) -> (releases: Int, postings: [String: PostingList]) {
        var count = 0
        var documents = 0
        while count < min(releases.count, self.releases.count), let key = releases[count].key,
            self.releases[count].id == releases[count].id, self.releases[count].key == key
        {
            documents += self.releases[count].documentCount
            count += 1
        }
        guard count > 0 else { return (0, [:]) }
        guard count < self.releases.count else { return (count, postings) }
        return (count, Self.postings(postings, below: Int32(documents)))
    }

    /// The postings of documents below `bound` alone, tokens left with none dropped.
    static func postings(_ postings: [String: PostingList], below bound: Int32) -> [String: PostingList] {
        postings.compactMapValues { list in
            let prefix = list.prefix(below: bound)
            return prefix.count > 0 ? prefix : nil
        }
    }
}

extension SearchTokens: BinaryCodable {
    /// Postings in token order, so the same tokens are the same bytes.
    func encode(to writer: inout BinaryWriter) {
        writer.write(releases.count)
        for release in releases {
            writer.write(release.id)
            writer.write(release.key)
            writer.write(release.documentCount)
        }
        writer.write(postings.count)
        for token in postings.keys.sorted() {
            writer.write(token)
            writer.write(bytes: postings[token]!.bytes)
        }
    }

    init(from reader: inout BinaryReader) throws {
        let releaseCount = try reader.count()
        var documents = 0
        for _ in 0..<releaseCount {
            let release = Release(id: try reader.string(), key: try reader.string(), documentCount: try reader.int())
            guard release.documentCount >= 0 else { throw BinaryReader.Malformed() }
            documents += release.documentCount
            releases.append(release)
        }
        let tokenCount = try reader.count()
        postings.reserveCapacity(tokenCount)
        for _ in 0..<tokenCount {
            let token = try reader.string()
            // Every list must be well formed and within the kept releases' paragraphs.
            guard let list = PostingList(encoded: try reader.rawBytes()), list.count > 0, list.last < documents,
                postings.updateValue(list, forKey: token) == nil
            else { throw BinaryReader.Malformed() }
        }
    }
}
