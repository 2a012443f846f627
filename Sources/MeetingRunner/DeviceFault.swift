import AudioIO
import Facilitation

/// Trouble a capture device reported without stopping the meeting: AudioIO's `CaptureFault`
/// (overrun, suspend, disconnected, reconnected; device; audio frame).
public typealias DeviceFault = CaptureFault

extension CaptureFault {
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
