import Foundation

// `communique-fuzz` runs in two ways from the same sources:
//
// - Built with `-sanitize=fuzzer,address -DFUZZING` (`make fuzz`, into `.build-fuzz`), it is a
//   libFuzzer binary for the target named by `COMMUNIQUE_FUZZ_TARGET`; every libFuzzer flag
//   and corpus folder on the command line is libFuzzer's.
// - Built normally, `communique-fuzz replay TARGET|all PATH…` feeds every file under each PATH
//   through the same checks, with no fuzzer runtime (`make test` replays Tests/fuzz/).
//
// SwiftPM links an executable on Linux with `--defsym main=<module>_main`, so libFuzzer's own
// `main` never runs: ours always does, and in a fuzzing build it hands over to libFuzzer's
// driver, `LLVMFuzzerRunDriver`.

#if FUZZING
@_extern(c, "LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif

/// libFuzzer's callback: one input through the current target. A broken invariant aborts,
/// which libFuzzer reports as a crash and saves the input for.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target = FuzzState.target else {
        FileHandle.standardError.write(Data("communique-fuzz: no target chosen\n".utf8))
        abort()
    }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        try target.test(bytes)
    } catch {
        FileHandle.standardError.write(Data("communique-fuzz: \(FuzzState.name): invariant broken: \(error)\n".utf8))
        abort()
    }
    return 0
}

/// A line on stdout, written at once: a sanitizer ends the process without flushing
/// buffered output.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// The target this process fuzzes or replays. Set once, before the first input.
enum FuzzState {
    nonisolated(unsafe) static var target: FuzzTarget?
    nonisolated(unsafe) static var name = ""
}

@main
enum FuzzMain {
    static let usage = """
        usage: communique-fuzz replay TARGET|all PATH…   replay files (a folder: every file in it; with
                                                          `all`, PATH/<target>/ for each target)
               communique-fuzz list                      the targets
               COMMUNIQUE_FUZZ_TARGET=TARGET communique-fuzz [libFuzzer flags] [CORPUS…]
                                                          fuzz (a build with -DFUZZING; see `make fuzz`)
        targets: \(FuzzTargets.names.joined(separator: " "))

        """

    static func main() {
        let arguments = CommandLine.arguments
        if arguments.count >= 2, arguments[1] == "replay" {
            exit(Replay.run(Array(arguments.dropFirst(2))))
        }
        if arguments.count == 2, arguments[1] == "list" {
            say(FuzzTargets.names.joined(separator: "\n"))
            exit(0)
        }
        #if FUZZING
        guard let name = ProcessInfo.processInfo.environment["COMMUNIQUE_FUZZ_TARGET"],
            let target = FuzzTargets.make(name)
        else {
            FileHandle.standardError.write(Data(("set COMMUNIQUE_FUZZ_TARGET\n" + usage).utf8))
            exit(2)
        }
        FuzzState.name = name
        FuzzState.target = target
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
        #endif
    }
}
