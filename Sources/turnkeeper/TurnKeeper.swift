import ArgumentParser

@main
struct TurnKeeper: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "turnkeeper")
    func run() throws {}
}
