import CommuniqueCLI

/// Called from an async function, not from the top level: there, overload resolution
/// picks argument-parser's synchronous `main`, which cannot run an async command
/// (`serve`); here it picks the async one.
func runCommand() async {
    await CommuniqueCommand.main()
}

await runCommand()
