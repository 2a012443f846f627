/// How a live meeting runs besides its plan: when it stops, how often it writes and redraws.
///
/// The intervals are wall-clock time, measured on the clock given to the runner; everything
/// the tracker decides is on audio time.
public struct LiveOptions: Sendable {
    /// End the meeting after this much audio, in seconds (`--stop-after`); `nil` = until told.
    public var stopAfterSeconds: Double?
    /// Longest wall-clock time between batches written to the database.
    public var flushInterval: Duration
    /// Wall-clock time between status updates (view redraws).
    public var tickInterval: Duration
    /// Detector decisions the bounded queue holds (10 ms each).
    public var queueCapacity: Int
    /// How long the consumer naps when there is nothing to do (real time, not the clock).
    public var idleNap: Duration
    /// Which events chime.
    public var chimes: ChimePolicy

    public init(
        stopAfterSeconds: Double? = nil, flushInterval: Duration = .seconds(1),
        tickInterval: Duration = .milliseconds(250), queueCapacity: Int = 1024,
        idleNap: Duration = .milliseconds(5), chimes: ChimePolicy = ChimePolicy()
    ) {
        self.stopAfterSeconds = stopAfterSeconds
        self.flushInterval = flushInterval
        self.tickInterval = tickInterval
        self.queueCapacity = queueCapacity
        self.idleNap = idleNap
        self.chimes = chimes
    }
}

/// A repeating deadline on an injected clock: the consumer's flush and redraw timers.
struct IntervalTimer<C: Clock> where C.Duration == Duration {
    let clock: C
    let interval: Duration
    private var due: C.Instant

    /// A timer first due after one `interval` (or at once with `immediately`).
    init(clock: C, interval: Duration, immediately: Bool = false) {
        self.clock = clock
        self.interval = interval
        self.due = immediately ? clock.now : clock.now.advanced(by: interval)
    }

    /// True when due; then the next deadline is one interval from now.
    mutating func fire() -> Bool {
        let now = clock.now
        guard now >= due else { return false }
        due = now.advanced(by: interval)
        return true
    }
}
