import ArgumentParser
import Communique
import CommuniqueServer
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it to preview it, and build again whenever Content/ or Templates/ change.")

    @OptionGroup var inputs: SiteBuildOptions

    @Option(help: "The address to listen on (0.0.0.0 to be reached from other machines).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Flag(inversion: .prefixedNo, help: "Build again when a file under Content/ or Templates/ changes.")
    var watch = true

    @Flag(inversion: .prefixedNo, help: "Reload pages open in a browser after each new build (with --watch).")
    var liveReload = true

    func run() async throws {
        let options = inputs.buildOptions(brokenLinks: .warning)
        // The watcher's snapshot is taken before the first build, so an edit made while
        // it runs is built next.
        let rebuilder = Rebuilder(options: options)
        let report = try reportingErrors {
            defer { ProgressLine.clear() }
            return try BuildPipeline().run(options)
        }
        Self.show(report)
        let basePath = try reportingErrors { try SiteLoader().loadConfig(root: options.root).basePath }
        let builds = watch && liveReload ? BuildCounter() : nil
        let server = PreviewServer(output: options.output, basePath: basePath, liveReload: builds)
        let watching = watch
        let host = self.host
        let output = options.output.path
        try await reportingErrors {
            try await server.run(host: host, port: port) { port in
                Self.say("Serving \(output) at http://\(host):\(port)\(server.basePath)"
                    + (watching ? ", building again when Content/ or Templates/ change" : "") + " (Ctrl-C to stop)")
                if watching { Self.watch(rebuilder, builds: builds) }
            }
        }
    }

    /// Checks the sources every half second on a thread of its own, building when they
    /// changed and moving the build count on for pages to reload.
    private static func watch(_ rebuilder: Rebuilder, builds: BuildCounter?) {
        Thread.detachNewThread {
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                guard let rebuild = rebuilder.check() else { continue }
                show(rebuild)
                if case .success = rebuild.outcome { builds?.increment() }
            }
        }
    }

    private static func show(_ report: BuildReport) {
        printWarnings(of: report)
        say("Built: \(report.summary)")
    }

    /// A line on standard output at once (not held in a buffer when it is a pipe): the
    /// person, or the script, watching the server reads it as it happens.
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private static func show(_ rebuild: Rebuilder.Rebuild) {
        let names = rebuild.changed.prefix(3).joined(separator: ", ") + (rebuild.changed.count > 3 ? " …" : "")
        say("Changed: \(names)")
        switch rebuild.outcome {
        case .success(let report):
            show(report)
        case .failure(let error as CommuniqueError):
            printDiagnostics(of: error)
            say("Build failed; still serving the last site that built.")
        case .failure(let error):
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            say("Build failed; still serving the last site that built.")
        }
    }
}
