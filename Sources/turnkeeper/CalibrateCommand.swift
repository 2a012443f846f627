import ArgumentParser
import AudioIO
import Foundation
import MeetingRunner

/// `turnkeeper calibrate`: levels of a set-up, before the first meeting.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Listen to the microphones and suggest gains and a detector profile.",
        discussion: """
            First 10 seconds of quiet (everyone silent), then 10 seconds of speech from each \
            microphone's owner in turn, prompted on the terminal. Reports each channel's noise \
            floor and speech level in dBFS, and what to change. Nothing is recorded or stored.

            Example:
              turnkeeper calibrate --device hw:1 --channels 4 --participants "Ana,Ben,Caro,Dev"
            """)

    @OptionGroup var capture: CaptureOptions

    @Option(help: ArgumentHelp("Names for the prompts, channel 0's first.", valueName: "names"))
    var participants: String?

    @Option(help: ArgumentHelp("Seconds of each phase (quiet, then each person).", valueName: "seconds"))
    var seconds: Double = 10

    func validate() throws {
        guard seconds >= 1, seconds <= 120 else { throw ValidationError("--seconds must be from 1 to 120") }
    }

    func run() throws {
        let source: any AudioSource
        if let replay = capture.replay {
            source = try MeetingAnalysis.openAudio(replay)
        } else {
            let devices = capture.devices.isEmpty ? ["default"] : capture.devices
            source = try CaptureDevices.open(
                devices: devices, channelsPerDevice: capture.channels, rate: capture.rate ?? 16000)
        }
        let format = source.format
        let names = participants.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        var calibration = Calibration(channelCount: format.channelCount, sampleRate: format.sampleRate)
        let block = max(1, format.sampleRate / 100)
        let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: block * format.channelCount)
        defer { buffer.deallocate() }
        let phaseFrames = Int(seconds * Double(format.sampleRate))

        func listen(_ phase: Calibration.Phase, prompt: String) throws {
            Console.note(prompt)
            calibration.begin(phase)
            var heard = 0
            while heard < phaseFrames {
                let want = min(block, phaseFrames - heard)
                let got = try source.read(
                    into: UnsafeMutableBufferPointer(rebasing: buffer[0..<(want * format.channelCount)]))
                guard got > 0 else {
                    throw CommandFailure(
                        "the audio ended after \(heard) frames of a \(Int(seconds)) s phase; calibration needs \(Int(seconds)) s of quiet and \(Int(seconds)) s per channel"
                    )
                }
                calibration.process(UnsafeBufferPointer(buffer), frameCount: got)
                heard += got
            }
        }

        try listen(.quiet, prompt: "Quiet please: listening to the room for \(Int(seconds)) s…")
        for channel in 0..<format.channelCount {
            let who = names.indices.contains(channel) ? names[channel] : "the person at microphone \(channel)"
            try listen(
                .speech(channel: channel), prompt: "Now \(who) (channel \(channel)): please talk for \(Int(seconds)) s…"
            )
        }
        print("channel  noise floor  speech       margin  gain")
        for result in calibration.results {
            let name = names.indices.contains(result.channel) ? " (\(names[result.channel]))" : ""
            print(
                String(
                    format: "%-7d  %6.1f dBFS  %6.1f dBFS  %4.0f dB  %+d dB", result.channel, result.noiseFloor,
                    result.speechLevel, result.signalToNoise, result.suggestedGain) + name)
        }
        for result in calibration.results {
            if let advice = result.advice { print("channel \(result.channel): \(advice)") }
        }
        let profile = calibration.suggestedProfile
        print("profile: --profile \(profile.name) (\(profile.reason))")
    }
}
