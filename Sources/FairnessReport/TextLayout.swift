/// Prose laid out for a terminal.
public enum TextLayout {
    /// `text` broken at spaces into lines of at most `width` characters (a longer word stands
    /// alone), the first line starting with `indent` and the rest with `continuation`.
    public static func wrap(_ text: String, width: Int = 80, indent: String = "", continuation: String? = nil) -> [String] {
        var lines: [String] = []
        var line = indent
        var empty = true
        for word in text.split(separator: " ") {
            if !empty && line.count + 1 + word.count > width {
                lines.append(line)
                line = continuation ?? indent
                empty = true
            }
            line += (empty ? "" : " ") + word
            empty = false
        }
        if !empty { lines.append(line) }
        return lines
    }
}
