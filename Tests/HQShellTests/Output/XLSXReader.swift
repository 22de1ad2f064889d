import Foundation

/// Reads back a workbook hq wrote, for the tests: the parts of the zip through `unzip -p`
/// (Debian's `unzip`, installed by Scripts/setup), and the sheets' cells out of their XML.
/// Independent of libxlsxwriter, so a test checks what Excel will find in the file.
struct XLSXReader {
  /// One `<c>` element: its reference (`B2`), style index, type (`s` shared string, nil a
  /// number, `b` a truth value) and value as written.
  struct Cell: Equatable {
    var reference: String
    var style: Int
    var type: String?
    var value: String
  }

  let path: String

  /// The text of one part of the zip (`xl/workbook.xml`), or nil when unzip fails.
  func part(_ name: String) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
    process.arguments = ["-p", path, name]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  /// The sheet names in order.
  var sheetNames: [String] {
    guard let workbook = part("xl/workbook.xml") else { return [] }
    return workbook.matches(of: /<sheet name="([^"]*)"/).map { Self.unescape(String($0.1)) }
  }

  /// The shared strings, in order.
  var sharedStrings: [String] {
    guard let text = part("xl/sharedStrings.xml") else { return [] }
    return text.matches(of: /<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>/).map { Self.unescape(String($0.1)) }
  }

  /// The cells of sheet `n` (1-based), in the order written.
  func cells(sheet n: Int) -> [Cell] {
    guard let xml = part("xl/worksheets/sheet\(n).xml") else { return [] }
    return xml.matches(of: /<c r="([A-Z]+[0-9]+)"(?: s="([0-9]+)")?(?: t="([a-z]+)")?><v>([^<]*)<\/v><\/c>/).map { match in
      Cell(reference: String(match.1), style: match.2.flatMap { Int($0) } ?? 0, type: match.3.map(String.init), value: String(match.4))
    }
  }

  /// Sheet `n`'s cells as shown: text for shared strings, the written number otherwise; by reference.
  func values(sheet n: Int) -> [String: String] {
    let strings = sharedStrings
    var values: [String: String] = [:]
    for cell in cells(sheet: n) {
      values[cell.reference] = cell.type == "s" ? Int(cell.value).map { strings[$0] } : cell.value
    }
    return values
  }

  static func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}

/// openpyxl in the project's venv (Scripts/setup installs it into Scripts/.venv), to read a
/// workbook back as Excel-compatible software does; nil when it is not installed.
enum OpenPyXL {
  static let python: String? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let python = root.appendingPathComponent("Scripts/.venv/bin/python").path
    guard FileManager.default.isExecutableFile(atPath: python) else { return nil }
    return run(python, ["-c", "import openpyxl"]) != nil ? python : nil
  }()

  /// Every sheet as `name` then one line per row, cells as Python's repr (`'text'`, `25.5`,
  /// `None`), with the header's boldness and the frozen pane.
  static func dump(_ path: String) -> String? {
    guard let python else { return nil }
    let script = """
      import sys, openpyxl
      book = openpyxl.load_workbook(sys.argv[1])
      for sheet in book.worksheets:
          print("sheet", repr(sheet.title), "frozen", sheet.freeze_panes, "bold", all(c.font.b for c in sheet[1]))
          for row in sheet.iter_rows():
              print([c.value for c in row], [c.number_format for c in row if isinstance(c.value, (int, float))])
      """
    return run(python, ["-c", script, path])
  }

  private static func run(_ executable: String, _ arguments: [String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
  }
}
