import AudioIO
import Facilitation
import Logging
import MeetingStore
import VoiceActivity

/// Runs one meeting: source → detector → tracker → sinks.
public struct MeetingRunner {}
