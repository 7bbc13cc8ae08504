import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads a written workbook back: unzips it and parses the worksheet, shared-string and style
/// parts with XMLParser, enough to compare values, formats and structure with what was written.
public struct XLSXReadBack {
    public struct Cell: Equatable {
        public var type: String       // "n" (number), "s" (shared string), "inlineStr", "str", …
        public var value: String      // the number's text or the resolved string
        public var style: Int
        public var hasFormula: Bool
    }
    public struct Sheet {
        public var name: String
        public var part: String
        public var hidden: Bool
    }

    public let parts: [String: Data]

    public init(path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry, consumer: { data.append($0) })
            parts[entry.path] = data
        }
        self.parts = parts
    }

    public func text(_ part: String) -> String { parts[part].map { String(decoding: $0, as: UTF8.self) } ?? "" }

    public var sheets: [Sheet] {
        let rels = elements(in: "xl/_rels/workbook.xml.rels", named: "Relationship")
        var targets: [String: String] = [:]
        for r in rels { targets[r["Id"] ?? ""] = r["Target"] }
        return elements(in: "xl/workbook.xml", named: "sheet").map {
            Sheet(name: $0["name"] ?? "", part: "xl/" + (targets[$0["r:id"] ?? ""] ?? ""), hidden: $0["state"] == "hidden")
        }
    }

    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    public var sharedStrings: [String] {
        guard let data = parts["xl/sharedStrings.xml"] else { return [] }
        let p = SharedStringsParser()
        let parser = XMLParser(data: data)
        parser.delegate = p
        _ = parser.parse()
        return p.strings
    }

    /// Cells of a sheet by reference (`B5`), strings resolved.
    public func cells(_ sheetName: String) -> [String: Cell] {
        guard let sheet = sheet(sheetName), let data = parts[sheet.part] else { return [:] }
        let p = CellParser()
        let parser = XMLParser(data: data)
        parser.delegate = p
        _ = parser.parse()
        let strings = sharedStrings
        var out: [String: Cell] = [:]
        for (ref, var c) in p.cells {
            if c.type == "s", let i = Int(c.value), i < strings.count { c.value = strings[i] }
            out[ref] = c
        }
        return out
    }

    /// A sheet's cells as rows (0-based) of columns (0-based); missing cells are nil.
    public func grid(_ sheetName: String) -> [[Cell?]] {
        var grid: [[Cell?]] = []
        for (ref, cell) in cells(sheetName) {
            guard let (row, column) = Self.position(ref) else { continue }
            while grid.count <= row { grid.append([]) }
            while grid[row].count <= column { grid[row].append(nil) }
            grid[row][column] = cell
        }
        return grid
    }

    /// `B5` → (4, 1).
    public static func position(_ ref: String) -> (row: Int, column: Int)? {
        let letters = ref.prefix { $0.isLetter }
        guard let row = Int(ref.dropFirst(letters.count)), !letters.isEmpty else { return nil }
        let column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
        return (row - 1, column)
    }

    /// Every chart: its title and the cell ranges its series read (`'Sheet'!$A$2:$A$9`).
    public var charts: [(title: String, ranges: [String])] {
        parts.keys.filter { $0.hasPrefix("xl/charts/chart") }.sorted().map { part in
            let xml = text(part)
            func all(_ tag: String) -> [String] {
                var out: [String] = []
                var rest = Substring(xml)
                while let open = rest.range(of: "<\(tag)>"), let close = rest[open.upperBound...].range(of: "</\(tag)>") {
                    out.append(String(rest[open.upperBound..<close.lowerBound]))
                    rest = rest[close.upperBound...]
                }
                return out
            }
            return (all("a:t").joined(), all("c:f"))
        }
    }

    /// The number format code of a cell style (`cellXfs` index).
    public func numberFormat(style: Int) -> String {
        let xfs = elements(in: "xl/styles.xml", named: "xf", inside: "cellXfs")
        guard style < xfs.count, let id = Int(xfs[style]["numFmtId"] ?? "0") else { return "General" }
        let custom = elements(in: "xl/styles.xml", named: "numFmt")
        if let f = custom.first(where: { $0["numFmtId"] == String(id) }) { return f["formatCode"] ?? "" }
        return id == 0 ? "General" : "builtin \(id)"
    }

    public func elements(in part: String, named name: String, inside parent: String? = nil) -> [[String: String]] {
        guard let data = parts[part] else { return [] }
        let p = ElementCollector(name: name, parent: parent)
        let parser = XMLParser(data: data)
        parser.delegate = p
        _ = parser.parse()
        return p.found
    }
}

private final class ElementCollector: NSObject, XMLParserDelegate {
    let name: String, parent: String?
    var found: [[String: String]] = []
    var insideParent = false
    init(name: String, parent: String?) { self.name = name; self.parent = parent }
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        if elementName == parent { insideParent = true }
        if elementName == name && (parent == nil || insideParent) { found.append(attributes) }
    }
    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if elementName == parent { insideParent = false }
    }
}

private final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inT = false
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        if elementName == "si" { current = "" }
        if elementName == "t" { inT = true }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { if inT { current += string } }
    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if elementName == "t" { inT = false }
        if elementName == "si" { strings.append(current) }
    }
}

private final class CellParser: NSObject, XMLParserDelegate {
    var cells: [String: XLSXReadBack.Cell] = [:]
    var ref = "", type = "n", style = 0, value = "", formula = false
    var collecting = false
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        switch elementName {
        case "c":
            ref = attributes["r"] ?? ""; type = attributes["t"] ?? "n"
            style = Int(attributes["s"] ?? "0") ?? 0; value = ""; formula = false
        case "v", "t": collecting = true
        case "f": formula = true
        default: break
        }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { if collecting { value += string } }
    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch elementName {
        case "v", "t": collecting = false
        case "c": cells[ref] = XLSXReadBack.Cell(type: type, value: value, style: style, hasFormula: formula)
        default: break
        }
    }
}
