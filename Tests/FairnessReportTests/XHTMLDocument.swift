import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An HTML report parsed as XML: proves it is well-formed, and keeps each element's name,
/// attributes and text for the tests to look through.
struct XHTMLDocument {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    var elements: [Element] = []

    /// Parses `html`; throws with the parser's line and message when it is not well-formed.
    init(_ html: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            throw ParseFailure(
                description:
                    "not well-formed at line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "unknown")")
        }
        elements = delegate.elements
    }

    struct ParseFailure: Error, CustomStringConvertible { var description: String }

    /// Elements named `name` whose `class` attribute holds `cssClass` (any when `nil`).
    func all(_ name: String? = nil, class cssClass: String? = nil) -> [Element] {
        elements.filter { element in
            let classes = (element.attributes["class"] ?? "").split(separator: " ").map(String.init)
            return (name == nil || element.name == name) && (cssClass.map { classes.contains($0) } ?? true)
        }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            open.append(elements.count)
            elements.append(Element(name: elementName, attributes: attributes, text: ""))
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            _ = open.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            // Text counts for every open element, so a list item's text includes its children's.
            for index in open { elements[index].text += string }
        }
    }
}
