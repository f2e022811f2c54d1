import Foundation

enum ProgramIdentity {
    /// The program building the site (its size, modification time and inode): a new
    /// version of Communique may read or render the same inputs differently, so what an
    /// earlier build kept (page fingerprints, the release cache) is keyed by it. Not
    /// guessable from a site's repository, so a cache shipped in one is never taken.
    static let current: String = {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return "unknown \(UUID())" }
        return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ino)"
    }()
}
