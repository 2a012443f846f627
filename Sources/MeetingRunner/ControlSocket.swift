import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The control socket of a running meeting: a Unix stream socket, mode 0600, speaking a line
/// protocol. A client connects, sends one command line (`next`, `extend 2m`, …), and reads one
/// reply line (`ok …` or `error …`), then the connection closes.
///
/// The server accepts on a thread of its own and posts each command to a ``ControlInbox``;
/// the meeting's consumer thread applies it and the reply goes back on the same connection.
public final class ControlSocketServer: Sendable {
    public let path: String
    private let fd: Int32
    private let stopping = Atomic<Bool>(false)
    private let stopped = DispatchSemaphore(value: 0)

    /// Where the socket is unless `--socket` says otherwise: `$XDG_RUNTIME_DIR/turnkeeper.sock`,
    /// else `/tmp/turnkeeper-UID.sock`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
            return runtime + "/turnkeeper.sock"
        }
        return "/tmp/turnkeeper-\(getuid()).sock"
    }

    /// Binds and listens at `path` (mode 0600) and starts accepting into `inbox`.
    ///
    /// A stale socket left by a crash is replaced; a socket another meeting is answering on
    /// is refused, and so is any other kind of file at `path`.
    public init(path: String, inbox: ControlInbox) throws(ControlSocketError) {
        self.path = path
        var info = stat()
        if lstat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFSOCK else { throw .notASocket(path) }
            if (try? ControlClient.connect(path: path)).map({ close($0) }) != nil { throw .inUse(path) }
            unlink(path)
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .system(path, "socket", errno) }
        guard var address = ControlClient.address(path) else {
            close(fd)
            throw .pathTooLong(path)
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else {
            let error = errno
            close(fd)
            throw .system(path, "bind", error)
        }
        // Before listen(), nobody can connect: the mode is set before the socket is usable.
        guard chmod(path, 0o600) == 0, listen(fd, 8) == 0 else {
            let error = errno
            close(fd)
            unlink(path)
            throw .system(path, "listen", error)
        }
        self.fd = fd
        let thread = Thread { [self] in self.acceptLoop(inbox: inbox) }
        thread.name = "turnkeeper-control"
        thread.start()
    }

    /// Stops accepting, closes the socket and removes its file.
    public func stop() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        stopped.wait()
        close(fd)
        unlink(path)
    }

    private func acceptLoop(inbox: ControlInbox) {
        while !stopping.load(ordering: .acquiring) {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let client = accept(fd, nil, nil)
            guard client >= 0 else { continue }
            var timeout = timeval(tv_sec: 2, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            guard let line = ControlClient.readLine(client) else {
                close(client)
                continue
            }
            let reply: @Sendable (String) -> Void = { text in
                ControlClient.writeAll(client, text + "\n")
                close(client)
            }
            do {
                inbox.post(try FacilitatorCommand(parsing: line), reply: reply)
            } catch {
                reply("error \(error.description)")
            }
        }
        stopped.signal()
    }
}

/// Sends one command to a running meeting's control socket and returns its reply.
public enum ControlClient {
    /// Sends `line` and waits up to `timeout` seconds for the reply line.
    public static func send(_ line: String, path: String, timeout: Int = 5) throws(ControlSocketError) -> String {
        let fd = try connect(path: path)
        defer { close(fd) }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        guard writeAll(fd, line + "\n") else { throw .system(path, "write", errno) }
        guard let reply = readLine(fd) else { throw .noReply(path) }
        return reply
    }

    /// A connected socket to `path`.
    static func connect(path: String) throws(ControlSocketError) -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .system(path, "socket", errno) }
        guard var address = address(path) else {
            close(fd)
            throw .pathTooLong(path)
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let error = errno
            close(fd)
            if error == ENOENT || error == ECONNREFUSED { throw .noMeeting(path) }
            throw .system(path, "connect", error)
        }
        return fd
    }

    static func address(_ path: String) -> sockaddr_un? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return address
    }

    /// Reads up to a newline (at most 1 KiB); `nil` on timeout, error or an empty line.
    static func readLine(_ fd: Int32) -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while bytes.count < 1024 {
            let n = read(fd, &byte, 1)
            if n <= 0 || byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return line.isEmpty ? nil : line
    }

    @discardableResult
    static func writeAll(_ fd: Int32, _ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return false }
            bytes = bytes.dropFirst(n)
        }
        return true
    }
}

/// Why the control socket could not be used.
public enum ControlSocketError: Error, Sendable, Equatable, CustomStringConvertible {
    case noMeeting(String)
    case inUse(String)
    case notASocket(String)
    case pathTooLong(String)
    case noReply(String)
    case system(String, String, Int32)

    public var description: String {
        switch self {
        case .noMeeting(let path):
            return
                "no meeting is running (nothing answers at \(path)); start one with `turnkeeper facilitate` or `record`, or give its --socket"
        case .inUse(let path):
            return
                "another meeting is already running with control socket \(path); end it first (`turnkeeper control end`) or give --socket"
        case .notASocket(let path):
            return "\(path) exists and is not a socket; remove it or give another --socket"
        case .pathTooLong(let path):
            return "the socket path \(path) is too long for a Unix socket (at most 107 bytes); give a shorter --socket"
        case .noReply(let path):
            return "the meeting at \(path) did not answer in time"
        case .system(let path, let call, let code):
            return "control socket \(path): \(call) failed: \(String(cString: strerror(code)))"
        }
    }
}
