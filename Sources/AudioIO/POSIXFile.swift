#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file opened read-only with `open(2)`, read at explicit offsets with `pread(2)`.
///
/// Errors become `AudioIOError` naming `path`. Not thread-safe; closed by `close()`.
struct POSIXFile {
    let path: String
    let descriptor: Int32

    /// Opens `path` for reading (`open(2)`); a directory is refused.
    init(path: String) throws(AudioIOError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: Self.errorText(errno)) }
        descriptor = fd
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            Self.closeDescriptor(fd)
            throw .cannotOpen(path: path, reason: "it is a directory, not a file")
        }
    }

    /// The file's size in bytes (`fstat(2)`).
    func size() throws(AudioIOError) -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw .readFailed(path: path, reason: Self.errorText(errno))
        }
        return Int(info.st_size)
    }

    /// Fills `buffer` from `offset` (`pread(2)`, retried on EINTR and short reads) and returns
    /// how many bytes it read: fewer than `buffer.count` only at the end of the file.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(AudioIOError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            let n = pread(descriptor, base + done, buffer.count - done, off_t(offset + done))
            if n > 0 {
                done += n
            } else if n == 0 {
                break
            } else if errno != EINTR {
                throw .readFailed(path: path, reason: Self.errorText(errno))
            }
        }
        return done
    }

    /// Up to `count` bytes from `offset`, as an array: for headers, not for audio.
    func bytes(at offset: Int, count: Int) throws(AudioIOError) -> [UInt8] {
        guard count > 0, offset >= 0 else { return [] }
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 1)
        defer { raw.deallocate() }
        let got = try read(at: offset, into: raw)
        return Array(raw.prefix(got))
    }

    /// Closes the descriptor (`close(2)`).
    func close() { Self.closeDescriptor(descriptor) }

    private static func closeDescriptor(_ fd: Int32) {
        #if canImport(Glibc)
            _ = Glibc.close(fd)
        #else
            _ = Darwin.close(fd)
        #endif
    }

    private static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
