import Foundation
internal import FoundationXML
import RapportCore

/// What reads one XML part of a workbook, element by element as the parser streams it
/// (a sheet of 100,000 rows is never a tree in memory). Names come without their prefix.
protocol PartReading: AnyObject {
    func start(_ element: String, _ attributes: [String: String])
    func end(_ element: String)
    func text(_ characters: String)
    /// Why the part cannot be read, once the reader finds it; parsing stops there.
    var failure: String? { get }
}

extension PartReading {
    func end(_ element: String) {}
    func text(_ characters: String) {}
}

/// Parses a part's bytes into a reader, refusing what an Office part never holds: a DTD
/// (entities could expand without bound or reach outside the file), or an encoding other
/// than UTF-8 whose bytes would hide one from the check.
enum XMLPart {
    /// Why `data` cannot be parsed into `reader`, or nil once it was.
    static func parse(_ data: Data, into reader: some PartReading) -> String? {
        if let refusal = refusal(data) { return refusal }
        // Fed from a stream, the parser takes the part in small chunks; given the data whole,
        // libxml2 refuses a line past 10 MB (XML_MAX_LOOKUP_LIMIT), and Excel writes a sheet on one line.
        let parser = XMLParser(stream: InputStream(data: data))
        // The defaults, said here since they are the defence: no entity or DTD is fetched.
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let delegate = Delegate(reader)
        parser.delegate = delegate
        // XMLParser on Linux recovers from some errors (a document cut short, a tag closed out
        // of turn) and says it succeeded; the elements left open tell.
        if parser.parse() { return delegate.depth == 0 && delegate.sawRoot ? nil : "is not well-formed XML" }
        if let failure = reader.failure { return failure }
        return "is not well-formed XML (line \(parser.lineNumber): \(parser.parserError.map { "\($0.localizedDescription)" } ?? "unreadable"))"
    }

    private static func refusal(_ data: Data) -> String? {
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            return "holds a DTD, which a workbook never does"
        }
        if data.contains(0) { return "is not UTF-8 XML" }
        // The declaration's encoding, when it names one, must be UTF-8: in another the DTD
        // check above would not see the bytes it looks for.
        let head = String(decoding: data.prefix(200), as: UTF8.self)
        if head.hasPrefix("<?xml") || head.hasPrefix("\u{FEFF}<?xml"), let end = head.range(of: "?>") {
            let declaration = head[..<end.lowerBound].lowercased().replacingOccurrences(of: "'", with: "\"")
            if let at = declaration.range(of: "encoding=\""), !declaration[at.upperBound...].hasPrefix("utf-8\"") {
                return "is not UTF-8 XML"
            }
        }
        return nil
    }

    /// XMLParser's delegate, passing events on without prefixes.
    private final class Delegate: NSObject, XMLParserDelegate {
        let reader: any PartReading
        private(set) var depth = 0
        private(set) var sawRoot = false
        init(_ reader: any PartReading) { self.reader = reader }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            var plain: [String: String] = [:]
            depth += 1
            sawRoot = true
            for (name, value) in attributes { plain[local(name)] = value }
            reader.start(local(elementName), plain)
            if reader.failure != nil { parser.abortParsing() }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
            reader.end(local(elementName))
            if reader.failure != nil { parser.abortParsing() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            reader.text(string)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            reader.text(String(decoding: CDATABlock, as: UTF8.self))
        }

        private func local(_ name: String) -> String {
            guard let colon = name.lastIndex(of: ":") else { return name }
            return String(name[name.index(after: colon)...])
        }
    }
}
