/// One word of `pdftotext -tsv`: its place in pdftotext's reading order and its box.
///
/// Coordinates are PDF points from the page's top-left corner (y grows downwards), as
/// pdftotext writes them.
struct PDFWord: Sendable, Hashable {
  /// pdftotext's reading order: the flow (`par_num`), the block in it and the line in that.
  var flow: Int
  var block: Int
  var line: Int
  var left: Double
  var top: Double
  var right: Double
  var bottom: Double
  var text: String

  var height: Double { bottom - top }
  var middle: Double { (top + bottom) / 2 }
}

/// A page of words, in pdftotext's reading order.
struct PDFPage: Sendable {
  /// 1-based.
  var number: Int
  var width: Double
  var height: Double
  var words: [PDFWord] = []
}

/// Reads the output of `pdftotext -tsv`: a header line, then one line per page (level 1), flow
/// (3), line (4) and word (5), with the columns `level page_num par_num block_num line_num
/// word_num left top width height conf text`. Only pages and words are kept.
///
/// The text is scanned as UTF-8 bytes; numbers are parsed by hand (pdftotext writes plain
/// decimals such as `72.00` or `73.384000`).
enum PDFWords {
  /// - Complexity: O(n) in the length of `tsv`.
  static func parse(_ tsv: [UInt8]) -> [PDFPage] {
    var pages: [PDFPage] = []
    var fields: [Range<Int>] = []
    fields.reserveCapacity(12)
    var start = 0
    while start < tsv.count {
      var end = start
      while end < tsv.count, tsv[end] != UInt8(ascii: "\n") { end += 1 }
      fields.removeAll(keepingCapacity: true)
      split(tsv, start..<end, into: &fields)
      add(tsv, fields, to: &pages)
      start = end + 1
    }
    return pages
  }

  /// Splits a line at tabs into at most 12 fields (the last, the word, keeps any tab).
  static func split(_ bytes: [UInt8], _ line: Range<Int>, into fields: inout [Range<Int>]) {
    var fieldStart = line.lowerBound
    var index = line.lowerBound
    while index < line.upperBound, fields.count < 11 {
      if bytes[index] == UInt8(ascii: "\t") {
        fields.append(fieldStart..<index)
        fieldStart = index + 1
      }
      index += 1
    }
    var fieldEnd = line.upperBound
    if fieldEnd > fieldStart, bytes[fieldEnd - 1] == UInt8(ascii: "\r") { fieldEnd -= 1 }
    fields.append(fieldStart..<fieldEnd)
  }

  static func add(_ bytes: [UInt8], _ fields: [Range<Int>], to pages: inout [PDFPage]) {
    guard fields.count == 12, let level = integer(bytes, fields[0]),
      let pageNumber = integer(bytes, fields[1])
    else { return }
    if level == 1 {
      pages.append(
        PDFPage(
          number: pageNumber, width: decimal(bytes, fields[8]) ?? 0,
          height: decimal(bytes, fields[9]) ?? 0))
      return
    }
    guard level == 5, let left = decimal(bytes, fields[6]), let top = decimal(bytes, fields[7]),
      let width = decimal(bytes, fields[8]), let height = decimal(bytes, fields[9])
    else { return }
    if pages.last?.number != pageNumber {
      pages.append(PDFPage(number: pageNumber, width: 0, height: 0))
    }
    let word = PDFWord(
      flow: integer(bytes, fields[2]) ?? 0, block: integer(bytes, fields[3]) ?? 0,
      line: integer(bytes, fields[4]) ?? 0, left: left, top: top, right: left + width,
      bottom: top + height, text: String(decoding: bytes[fields[11]], as: UTF8.self))
    pages[pages.count - 1].words.append(word)
  }

  /// A non-negative decimal integer, or nil.
  static func integer(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
    guard !range.isEmpty else { return nil }
    var value = 0
    for byte in bytes[range] {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value &* 10 &+ Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  /// A plain decimal (`-12.5`, `73.384000`), or nil.
  static func decimal(_ bytes: [UInt8], _ range: Range<Int>) -> Double? {
    var index = range.lowerBound
    var negative = false
    if index < range.upperBound, bytes[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    var whole = 0.0
    var digits = 0
    while index < range.upperBound, let digit = digit(bytes[index]) {
      whole = whole * 10 + digit
      digits += 1
      index += 1
    }
    if index < range.upperBound, bytes[index] == UInt8(ascii: ".") {
      index += 1
      var scale = 0.1
      while index < range.upperBound, let digit = digit(bytes[index]) {
        whole += digit * scale
        scale /= 10
        digits += 1
        index += 1
      }
    }
    guard digits > 0, index == range.upperBound else { return nil }
    return negative ? -whole : whole
  }

  private static func digit(_ byte: UInt8) -> Double? {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Double(byte - UInt8(ascii: "0")) : nil
  }
}
