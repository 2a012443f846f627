import ArgumentParser
import Foundation
import MeetingRunner

/// `turnkeeper control`: steers a running meeting from another terminal or over ssh.
struct ControlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "control",
        abstract: "Steer the running meeting: next, pause, resume, extend 2m, arrive NAME, status, end.",
        discussion: """
            Talks to the meeting `turnkeeper record` or `facilitate` is running on this \
            computer, through its control socket, and prints the meeting's answer.

              next          end this slot now and start the next
              pause/resume  stop and restart the slot clock
              extend 2m     give this slot more time (default 1m)
              arrive Ana    mark Ana as arrived now (without a name: the next person not yet here)
              status        say whose turn it is
              end           end the meeting (it is stored as finished)
            """)

    @Argument(help: ArgumentHelp("The command and its argument, e.g. `extend 2m`.", valueName: "command"))
    var words: [String]

    @Option(
        help: ArgumentHelp(
            "The meeting's control socket. Default: $XDG_RUNTIME_DIR/turnkeeper.sock, else /tmp/turnkeeper-UID.sock.",
            valueName: "path"))
    var socket: String?

    func validate() throws {
        do {
            _ = try FacilitatorCommand(parsing: words.joined(separator: " "))
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let path = socket ?? ControlSocketServer.defaultPath(environment: ProcessInfo.processInfo.environment)
        let reply: String
        do {
            reply = try ControlClient.send(words.joined(separator: " "), path: path)
        } catch {
            throw CommandFailure(error.description)
        }
        if reply.hasPrefix("error ") { throw CommandFailure(String(reply.dropFirst(6))) }
        print(reply.hasPrefix("ok ") ? String(reply.dropFirst(3)) : reply)
    }
}
