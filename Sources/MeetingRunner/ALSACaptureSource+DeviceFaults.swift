import AudioIO

extension ALSACaptureSource: DeviceFaultReporting {
    /// The capture faults since the last call (overruns and suspends recovered, devices gone
    /// and back), for the live runner to store as device-trouble events.
    public func drainDeviceFaults() -> [DeviceFault] { drainFaults() }
}
