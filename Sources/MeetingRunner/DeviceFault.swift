import Facilitation

/// Trouble a capture device reported without stopping the meeting.
public struct DeviceFault: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Audio arrived faster than it was read; some was lost and capture restarted.
        case overrun
        /// The system suspended the device (e.g. sleep); capture resumed.
        case suspend
        /// The device disappeared (unplugged); it is reopened every 2 s.
        case disconnected
        /// A disconnected device is back.
        case reconnected
    }

    public var kind: Kind
    public var device: String
    /// Audio frame (of the meeting) where it happened.
    public var atFrame: Int64

    public init(kind: Kind, device: String, atFrame: Int64) {
        self.kind = kind
        self.device = device
        self.atFrame = atFrame
    }

    /// The stored event: kind `.deviceTrouble`, with a note a person can read.
    public var event: FacilitationEvent {
        let note: String
        switch kind {
        case .overrun: note = "\(device): overrun, some audio was lost (the computer was too busy); capture recovered"
        case .suspend: note = "\(device): suspended by the system; capture resumed"
        case .disconnected: note = "\(device): disconnected; trying to reopen it every 2 s"
        case .reconnected: note = "\(device): reconnected"
        }
        return FacilitationEvent(kind: .deviceTrouble, start: atFrame, participants: [], detail: note)
    }
}

/// A source that can report device faults; the live runner drains them from its consumer
/// thread (never the audio thread) and stores each as an event.
public protocol DeviceFaultReporting: AnyObject {
    /// Faults since the last call, oldest first.
    func drainDeviceFaults() -> [DeviceFault]
}
