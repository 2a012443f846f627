import ArgumentParser
import AudioIO
import Facilitation
import Foundation
import Logging
import MeetingRunner
import MeetingStore

#if canImport(Glibc)
    import Glibc
#endif

/// Options `record` and `facilitate` share besides capture and plan.
struct LiveMeetingOptions: ParsableArguments {
    @Option(
        name: .customLong("stop-after"), parsing: .unconditional,
        help: ArgumentHelp("End the meeting by itself after this much audio, e.g. 45m.", valueName: "duration"),
        transform: parseDuration)
    var stopAfter: Double?

    @Option(
        help: ArgumentHelp(
            "The control socket for `turnkeeper control`. Default: $XDG_RUNTIME_DIR/turnkeeper.sock, else /tmp/turnkeeper-UID.sock.",
            valueName: "path"))
    var socket: String?

    @Flag(name: .customLong("no-chimes"), help: "Sound no chimes (the meeting is still timed and stored).")
    var noChimes = false

    @Flag(name: .customLong("cross-talk-chime"), help: "Also tick softly when people talk over each other.")
    var crossTalkChime = false

    var socketPath: String {
        socket ?? ControlSocketServer.defaultPath(environment: ProcessInfo.processInfo.environment)
    }
}

/// One live meeting as `record` and `facilitate` run it: the group file, the capture source,
/// the plan, the database, the control socket, keys and signals, then the runner.
struct LiveMeeting {
    var capture: CaptureOptions
    var planOptions: PlanOptions
    var profileOptions: ProfileOptions
    var database: DatabaseOptions
    var live: LiveMeetingOptions
    var logger: Logger

    /// What the meeting's updates are shown through.
    enum Presentation {
        /// `record` on a terminal: the view redrawn in place.
        case terminalView
        /// `record` not on a terminal: one plain line per thing, on stdout.
        case plainLines
        /// `facilitate`: through the logger.
        case log
    }

    func run(presentation: Presentation) throws {
        let group = try planOptions.group.flatMap { try GroupDirectory.load($0) }
        if group != nil && planOptions.participants != nil {
            throw CommandFailure(
                "--group \(planOptions.group ?? "") takes the members from its group file; leave out --participants")
        }
        let rate = capture.rate ?? group?.rate ?? 16000
        let source = try openSource(group: group, rate: rate)
        let plan = try makePlan(group: group, channelCount: source.format.channelCount)
        let store = try database.open()
        var facilitator = planOptions.facilitator
        if facilitator == nil, let group {
            let held = try store.meetingSummaries().filter { $0.group == group.name }.count
            facilitator = group.facilitator(afterMeetings: held)
            if group.isReviewDue(afterMeetings: held) {
                Console.note(
                    "This is meeting \(held + 1) of \(group.name): time to review how the group is working for everyone."
                )
            }
        }
        let setup = MeetingSetup(
            plan: plan, profile: try profileOptions.load(), startedAt: Date(), group: group?.name ?? planOptions.group,
            facilitator: facilitator, blockFrames: max(1, source.format.sampleRate / 100))
        let inbox = ControlInbox()
        let server: ControlSocketServer
        do {
            server = try ControlSocketServer(path: live.socketPath, inbox: inbox)
        } catch {
            throw CommandFailure(error.description)
        }
        defer { server.stop() }
        let signals = SignalTrap(inbox: inbox) { name in
            Console.note("\(name): ending the meeting (again to quit at once)")
        }
        defer { signals.cancel() }
        let keys = KeyReader(inbox: inbox)
        defer { keys.restore() }
        let chimes = try makeChimes(group: group)
        defer { chimes?.close() }
        var options = LiveOptions(stopAfterSeconds: live.stopAfter)
        options.chimes.crossTalk = live.crossTalkChime || (group?.chimes.crossTalk ?? false)

        let narrator = MeetingNarrator(names: plan.participants.map(\.name), sampleRate: source.format.sampleRate)
        var view = TerminalView()
        var lastStatus: LiveStatus?
        let isView = presentation == .terminalView
        if isView { FileHandle.standardOutput.write(Data(TerminalView.enter.utf8)) }
        logger.info("listening", metadata: ["source": "\(source.name)", "socket": "\(server.path)"])
        if presentation == .plainLines { writeOut("listening on \(source.name); control socket \(server.path)") }
        let outcome: MeetingRunner.Outcome
        do {
            outcome = try MeetingRunner(setup: setup, store: store, logger: logger).runLive(
                source: source, options: options, controls: inbox, chimes: chimes
            ) { update in
                var line: String?
                switch update {
                case .output(let output): line = narrator.line(for: output)
                case .control(let command, let reply): line = narrator.line(for: command, reply: reply)
                case .status(let status): lastStatus = status
                case .flushed: break
                }
                switch presentation {
                case .terminalView:
                    if let line { view.news = line }
                    if let lastStatus, line != nil || { if case .status = update { true } else { false } }() {
                        FileHandle.standardOutput.write(Data(TerminalView.frame(view.lines(lastStatus)).utf8))
                    }
                case .plainLines:
                    if let line {
                        writeOut(line)
                    }
                case .log:
                    if let line { logger.notice("\(line)") }
                }
            }
        } catch {
            if isView { FileHandle.standardOutput.write(Data(TerminalView.leave.utf8)) }
            throw CommandFailure("\(error)")
        }
        if isView { FileHandle.standardOutput.write(Data(TerminalView.leave.utf8)) }
        let summary =
            "meeting \(outcome.meetingID) stored (finished): \(DurationText.format(Double(outcome.durationFrames) / Double(outcome.sampleRate))) of audio, \(outcome.batches) batches; `turnkeeper report --latest` shows the report"
        if presentation == .log { logger.notice("\(summary)") } else { writeOut(summary) }
    }

    /// The capture source: a paced recording with `--replay`, else the ALSA device(s).
    func openSource(group: GroupFile?, rate: Int) throws -> any AudioSource {
        if let replay = capture.replay {
            let file = try MeetingAnalysis.openAudio(replay)
            return PacedSource(file, periodFrames: max(1, file.format.sampleRate / 100))
        }
        let devices =
            !capture.devices.isEmpty
            ? capture.devices : (group?.devices.isEmpty == false ? group?.devices ?? [] : ["default"])
        return try CaptureDevices.open(devices: devices, channelsPerDevice: capture.channels, rate: rate)
    }

    /// The plan: from the group file, else from the plan options.
    func makePlan(group: GroupFile?, channelCount: Int) throws -> MeetingPlan {
        if let group {
            let plan = group.plan(channelsPerDevice: capture.channels)
            do {
                try TurnTracker.validate(plan, channelCount: channelCount)
            } catch {
                throw CommandFailure("group file \(GroupDirectory.file(for: group.name).path): \(error.description)")
            }
            return plan
        }
        if planOptions.mode == .rounds && planOptions.meetingLength == nil && planOptions.slot == nil
            && live.stopAfter == nil
        {
            throw CommandFailure(
                "rounds need to know the time: give --meeting-length (e.g. 40m) or --slot (e.g. 5m), or --group with a group file"
            )
        }
        return try planOptions.plan(channelCount: channelCount, audioSeconds: live.stopAfter ?? 0)
    }

    /// The chime player, or `nil` with `--no-chimes` or chimes off in the group file.
    func makeChimes(group: GroupFile?) throws -> ChimePlayer? {
        if live.noChimes || group?.chimes.enabled == false { return nil }
        let device = capture.chimeDevice ?? group?.chimes.device ?? "default"
        let volume = capture.volume ?? group?.chimes.volume ?? 0.5
        do {
            return try ChimePlayer(device: device, volume: volume, logger: logger)
        } catch {
            throw CommandFailure("\(error) (or --no-chimes to run without chimes)")
        }
    }
}

/// Writes a line to stdout at once (unbuffered, so lines show as they happen in a pipe).
func writeOut(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
