/// Walks a WAV file's chunks and returns the header of its audio, or the specific reason it
/// cannot be read.
///
/// Reads through `readAt`, so it works on any byte store; `WAVFileSource` hands it a file.
/// Unknown chunks (LIST, fact, bext, JUNK…) are skipped with their pad byte, in any order
/// before `data`. All offsets are `Int` (64-bit) sums of 32-bit sizes, so nothing overflows,
/// and every step moves forward by at least 8 bytes, so the walk always ends.
struct WAVHeaderParser {
    /// The header, and what is worth telling the user about it that did not stop reading.
    struct Result {
        var header: WAVHeader
        var warnings: [String]
    }

    let path: String
    let fileSize: Int
    /// Up to `count` bytes from `offset`; fewer only at the end of the file.
    let readAt: (_ offset: Int, _ count: Int) throws(AudioIOError) -> [UInt8]

    func parse() throws(AudioIOError) -> Result {
        guard fileSize > 0 else { throw .empty(path: path) }
        let riff = try readAt(0, 12)
        try checkRIFF(riff)

        var offset = 12
        var format: WAVFormatChunk?
        var data: (offset: Int, size: Int)?
        while fileSize - offset >= 8 {
            let chunk = try readAt(offset, 8)
            guard chunk.count == 8 else { break }
            let id = chunk.fourCC(at: 0)
            let size = Int(chunk.uint32(at: 4))
            let body = offset + 8
            if id == "fmt " && format == nil {
                let want = min(size, 40, fileSize - body)
                format = try WAVFormatChunk(bytes: try readAt(body, want), path: path)
            } else if id == "data" && data == nil {
                data = (body, size)
                // A data chunk that runs to (or past) the end ends the walk.
                if format != nil || size >= fileSize - body { break }
            }
            offset = body + size + (size & 1)
        }
        guard let format else {
            let tail = try readAt(offset, max(0, min(8, fileSize - offset)))
            if !tail.isEmpty && Array("fmt ".utf8).starts(with: tail.prefix(4)) {
                throw .truncatedFormatChunk(path: path, needed: 8, present: tail.count)
            }
            throw .missingFormatChunk(path: path)
        }
        guard let data else { throw .missingDataChunk(path: path) }
        return makeResult(format: format, dataOffset: data.offset, declaredSize: data.size)
    }

    /// Checks the 12-byte RIFF/WAVE header.
    private func checkRIFF(_ riff: [UInt8]) throws(AudioIOError) {
        let magic = Array("RIFF".utf8)
        guard riff.count >= 12 else {
            if magic.starts(with: riff.prefix(4)) { throw .truncatedHeader(path: path) }
            throw .notWAV(path: path)
        }
        switch riff.fourCC(at: 0) {
        case "RIFF": break
        case "RIFX":
            throw .unsupportedFormat(
                path: path,
                detail: "big-endian (RIFX) WAV is not supported; convert it, e.g. sox in.wav -L out.wav")
        case "RF64", "BW64":
            throw .unsupportedFormat(
                path: path,
                detail:
                    "RF64 (WAV over 4 GB) is not supported; split or convert it, e.g. sox in.wav out.wav trim 0 3600")
        default: throw .notWAV(path: path)
        }
        guard riff.fourCC(at: 8) == "WAVE" else { throw .notWAV(path: path) }
    }

    /// Builds the header from a valid format and the data chunk's place, cutting the data to
    /// the whole frames present and noting any shortfall.
    private func makeResult(format: WAVFormatChunk, dataOffset: Int, declaredSize: Int) -> Result {
        var warnings: [String] = []
        let present = fileSize - dataOffset
        var usable = declaredSize
        if declaredSize > present {
            warnings.append(
                "\(path): data chunk says \(declaredSize) bytes but only \(present) are present; using what is there")
            usable = present
        }
        let frames = usable / format.blockAlign
        let leftover = usable % format.blockAlign
        if leftover != 0 && declaredSize <= present {
            warnings.append(
                "\(path): the data chunk ends with a partial frame (\(leftover) of \(format.blockAlign) bytes); dropped it"
            )
        }
        if frames == 0 {
            warnings.append("\(path): the data chunk holds no audio frames")
        }
        let header = WAVHeader(
            encoding: format.encoding, bitsPerSample: format.bitsPerSample,
            channelCount: format.channelCount, sampleRate: format.sampleRate, frameCount: frames,
            isExtensible: format.isExtensible, blockAlign: format.blockAlign, dataOffset: dataOffset)
        return Result(header: header, warnings: warnings)
    }
}
