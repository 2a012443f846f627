import ArgumentParser
import AudioIO

/// `turnkeeper devices`: the audio devices this machine has, as `arecord -L` lists them.
struct DevicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "List the microphones, speakers and sound cards you can name with --device and --chime-device.",
        discussion: """
            Each device is printed as the name to type, then ALSA's description indented below \
            it. `default` is usually right for a laptop; for one USB microphone per person, \
            give each microphone's `hw:` or `plughw:` name with its own --device, in the order \
            people sit.
            """)

    @Flag(name: .long, help: "Only devices that can record (microphones).")
    var capture = false

    @Flag(name: .long, help: "Only devices that can play (speakers, for chimes).")
    var playback = false

    func validate() throws {
        if capture && playback {
            throw ValidationError("--capture and --playback together list everything; give at most one")
        }
    }

    func run() throws {
        let all: [AudioDeviceInfo]
        do {
            all = try AudioDevices.list()
        } catch let error as AudioIOError {
            throw CommandFailure(error.description)
        }
        let pcms = all.filter { $0.kind == .pcm && (!capture || $0.canCapture) && (!playback || $0.canPlay) }
        let cards = all.filter { $0.kind == .card }
        print(Self.render(pcms: pcms, cards: cards), terminator: "")
    }

    /// The listing: PCM names with indented descriptions, then the cards, or a line saying
    /// there is none and what to check.
    static func render(pcms: [AudioDeviceInfo], cards: [AudioDeviceInfo]) -> String {
        var out = ""
        for device in pcms {
            let direction =
                device.canCapture && device.canPlay ? "" : device.canCapture ? " (capture only)" : " (playback only)"
            out += device.name + direction + "\n"
            for line in device.description.split(separator: "\n", omittingEmptySubsequences: true) {
                out += "    \(line)\n"
            }
        }
        if pcms.isEmpty { out += "No devices to list.\n" }
        out += "\n"
        if cards.isEmpty {
            out +=
                "No sound card found: only the software devices above exist. Plug in a USB microphone "
                + "(check `cat /proc/asound/cards`), or make sure your user is in the audio group.\n"
        } else {
            out += "Sound cards:\n"
            for card in cards {
                let lines = card.description.split(separator: "\n")
                out += "\(card.name)  \(lines.first ?? "")\n"
                for line in lines.dropFirst() { out += "    \(line)\n" }
            }
        }
        return out
    }
}
