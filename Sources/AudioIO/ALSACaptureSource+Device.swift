extension ALSACaptureSource {
    /// One capture device inside a source: its PCM (nil while it is gone), the settings to
    /// reopen it with, and a staging buffer for one period in the device's own format.
    final class Device {
        var pcm: ALSAPCM?
        let channelCount: Int
        let format: ALSASampleFormat
        let configuration: ALSAConfiguration?
        /// One period of raw samples, allocated once.
        let staging: UnsafeMutableRawPointer
        private let stagingBytes: Int
        /// Frames delivered when the device went away or was last tried again.
        var lostAt: Int64 = 0

        init(pcm: ALSAPCM, periodFrames: Int, configuration: ALSAConfiguration?) {
            self.pcm = pcm
            channelCount = pcm.channelCount
            format = pcm.format
            self.configuration = configuration
            stagingBytes = periodFrames * pcm.channelCount * 4
            staging = .allocate(byteCount: stagingBytes, alignment: 16)
            staging.initializeMemory(as: UInt8.self, repeating: 0, count: stagingBytes)
        }

        deinit {
            pcm?.close()
            staging.deallocate()
        }

        /// Zeroes the staging bytes for `frames` frames: ALSA's `file` plugin leaves the
        /// previous block in place when its input runs dry.
        func clearStaging(frames: Int) {
            staging.initializeMemory(
                as: UInt8.self, repeating: 0, count: min(stagingBytes, frames * channelCount * format.bytes))
        }

        /// Converts `frames` staged frames to `Float` in -1...1 and writes them to `out`,
        /// channel `c` of frame `f` at `f × stride + offset + c`.
        func convert(frames: Int, into out: UnsafeMutablePointer<Float>, stride: Int, offset: Int) {
            let count = channelCount
            switch format {
            case .s16:
                let samples = staging.assumingMemoryBound(to: Int16.self)
                for f in 0..<frames {
                    for c in 0..<count {
                        out[f * stride + offset + c] = Float(Int16(littleEndian: samples[f * count + c])) / 32768
                    }
                }
            case .s32:
                let samples = staging.assumingMemoryBound(to: Int32.self)
                for f in 0..<frames {
                    for c in 0..<count {
                        out[f * stride + offset + c] = Float(
                            Double(Int32(littleEndian: samples[f * count + c])) / 2_147_483_648)
                    }
                }
            case .float:
                let samples = staging.assumingMemoryBound(to: UInt32.self)
                for f in 0..<frames {
                    for c in 0..<count {
                        let value = Float(bitPattern: UInt32(littleEndian: samples[f * count + c]))
                        out[f * stride + offset + c] = value.isNaN ? 0 : min(max(value, -1), 1)
                    }
                }
            }
        }
    }
}
