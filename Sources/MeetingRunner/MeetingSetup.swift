import Facilitation
import Foundation
import VoiceActivity

/// Everything that shapes one meeting run besides its audio: the plan, the detector
/// profile, who the meeting belongs to, and how often timings reach the database.
public struct MeetingSetup: Sendable {
    public var plan: MeetingPlan
    public var profile: DetectorProfile
    /// Wall-clock start stamped on the meeting (the only wall-clock time the pipeline uses).
    public var startedAt: Date
    public var group: String?
    public var facilitator: String?
    /// Sample frames asked of the source per read.
    public var blockFrames: Int
    /// Audio seconds between batches written to the database.
    public var flushInterval: Double

    public init(
        plan: MeetingPlan, profile: DetectorProfile, startedAt: Date, group: String? = nil,
        facilitator: String? = nil, blockFrames: Int = 1600, flushInterval: Double = 1
    ) {
        self.plan = plan
        self.profile = profile
        self.startedAt = startedAt
        self.group = group
        self.facilitator = facilitator
        self.blockFrames = blockFrames
        self.flushInterval = flushInterval
    }
}
