import AudioIO
import Testing

struct AudioDevicesTests {
    @Test func listsThePCMsOfTheGlobalConfiguration() throws {
        let devices = try AudioDevices.list()
        // alsa.conf always defines `null`, for capture and playback, with a description.
        let null = devices.first { $0.kind == .pcm && $0.name == "null" }
        #expect(null != nil)
        #expect(null?.canCapture == true && null?.canPlay == true)
        #expect(null?.description.isEmpty == false)
        // Cards come after PCMs, each named hw:N.
        let kinds = devices.map(\.kind)
        #expect(kinds == kinds.sorted { $0 == .pcm && $1 == .card })
        #expect(devices.filter { $0.kind == .card }.allSatisfy { $0.name.hasPrefix("hw:") })
    }
}
