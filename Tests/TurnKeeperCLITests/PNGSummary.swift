import Foundation

/// A PNG's size and how much of a picture it holds, decoded by python3's zlib (Foundation on
/// Linux cannot inflate): width, height, the number of distinct colours, and the fraction of
/// pixels that differ from the most common colour (the page background).
struct PNGSummary {
    var width: Int
    var height: Int
    var distinctColours: Int
    var nonBackgroundFraction: Double

    init(_ png: Data) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("png-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("image.png")
        try png.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.decoder, file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(separator: " ").map(String.init)
        guard process.terminationStatus == 0, fields.count == 4, let width = Int(fields[0]),
            let height = Int(fields[1]),
            let colours = Int(fields[2]),
            let fraction = Double(fields[3].trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "not a PNG python3 can read"])
        }
        self.width = width
        self.height = height
        self.distinctColours = colours
        self.nonBackgroundFraction = fraction
    }

    /// Reads IHDR and the IDAT chunks, inflates, undoes the per-row filters (8-bit RGB/RGBA).
    static let decoder = #"""
        import struct, sys, zlib, collections
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\x89PNG\r\n\x1a\n'
        pos, idat = 8, b''
        while pos < len(data):
            length, kind = struct.unpack('>I4s', data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            if kind == b'IHDR':
                width, height, depth, colour = struct.unpack('>IIBB', body[:10])
            elif kind == b'IDAT':
                idat += body
            pos += 12 + length
        assert depth == 8 and colour in (2, 6)
        bpp = 3 if colour == 2 else 4
        raw, stride = zlib.decompress(idat), width * bpp
        rows, prev, i = [], bytearray(stride), 0
        for _ in range(height):
            kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
                if kind == 1: line[x] = (line[x] + a) & 255
                elif kind == 2: line[x] = (line[x] + b) & 255
                elif kind == 3: line[x] = (line[x] + (a + b) // 2) & 255
                elif kind == 4:
                    p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            rows.append(bytes(line)); prev = line
        counts = collections.Counter(row[x:x + 3] for row in rows for x in range(0, stride, bpp))
        background = counts.most_common(1)[0][1]
        print(width, height, len(counts), round(1 - background / (width * height), 4))
        """#
}
