import Testing

@testable import AudioIO

extension AudioIOErrorTests {
    static let device = "hw:2,0"
    static let alsa: [AudioIOError] = [
        .deviceNotFound(device: device, direction: .capture), .deviceBusy(device: device, direction: .capture),
        .deviceCannotOpen(device: device, direction: .capture, reason: "Permission denied"),
        .deviceRejectedRate(device: device, direction: .capture, sampleRate: 16000),
        .deviceRejectedChannels(device: device, direction: .capture, channelCount: 6),
        .deviceRejectedFormat(device: device, direction: .capture),
        .deviceSetupFailed(device: device, direction: .capture, step: "period size", reason: "Invalid argument"),
        .deviceIOFailed(device: device, direction: .playback, reason: "Input/output error"),
    ]

    @Test func everyALSAMessageIsOneLineNamingTheDeviceAndItsDirection() {
        for error in Self.alsa {
            #expect(error.description.contains(Self.device))
            #expect(error.description.hasPrefix("capture device") || error.description.hasPrefix("playback device"))
            #expect(!error.description.contains("\n"))
        }
        let messages = Set((Self.alsa + [.invalidALSAConfiguration(reason: "Invalid argument")]).map(\.description))
        #expect(messages.count == Self.alsa.count + 1)
    }

    @Test func alsaMessagesCarryWhatWasRefusedAndWhatToDo() {
        #expect(
            AudioIOError.deviceRejectedRate(device: Self.device, direction: .capture, sampleRate: 16000).description
                .contains("16000 Hz"))
        #expect(
            AudioIOError.deviceRejectedChannels(device: Self.device, direction: .capture, channelCount: 6).description
                .contains("6 channel"))
        #expect(
            AudioIOError.deviceBusy(device: Self.device, direction: .capture).description.contains("another program"))
        #expect(
            AudioIOError.deviceNotFound(device: Self.device, direction: .playback).description.hasPrefix(
                "playback device hw:2,0 not found"))
    }
}
