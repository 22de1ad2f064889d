import HQData

/// Renders the cells of one column as text for a formatter, reading the column's storage
/// directly instead of building a ``Value`` per cell.
///
/// Text columns are dictionary-encoded, so when the dictionary is no larger than the column,
/// each distinct text is escaped once (`"Tandvård, barn"` quoted once, not per row); a
/// result that shares a large source dictionary but keeps few rows escapes per row instead.
struct CellRenderer {
  private enum Storage {
    case text(codes: [UInt32], rendered: [String]?, dictionary: [String])
    case number(mantissas: [Int64], scales: [Int8], uniformScale: Int8?)
    case bool([Bool])
  }

  private let storage: Storage
  private let nulls: NullMask?
  private let nullText: String
  private let escapeText: (String) -> String
  private let escapeNumber: Bool
  private let decimalComma: Bool

  /// - Parameters:
  ///   - escape: applied to text (and, when `escapeNumbers`, to numbers and truth values).
  ///   - nullText: what a null cell shows.
  ///   - decimalComma: numbers with `,` for the decimal point (`-1204,1`), as Swedish Excel reads them.
  init(
    _ column: Column, nullText: String = "", escapeNumbers: Bool = false, decimalComma: Bool = false,
    escape: @escaping (String) -> String
  ) {
    nulls = column.nulls
    self.decimalComma = decimalComma
    self.nullText = nullText
    escapeText = escape
    escapeNumber = escapeNumbers
    switch column.storage {
    case .text(let codes, let dictionary):
      let rendered = dictionary.count <= max(codes.count, 16) ? dictionary.map(escape) : nil
      storage = .text(codes: codes, rendered: rendered, dictionary: dictionary)
    case .number(let mantissas, let scales, let uniformScale):
      storage = .number(mantissas: mantissas, scales: scales, uniformScale: uniformScale)
    case .bool(let values):
      storage = .bool(values)
    }
  }

  /// The rendered cell at `row`.
  func callAsFunction(_ row: Int) -> String {
    if let nulls, nulls[row] { return nullText }
    switch storage {
    case .text(let codes, let rendered, let dictionary):
      let code = Int(codes[row])
      return rendered?[code] ?? escapeText(dictionary[code])
    case .number(let mantissas, let scales, let uniform):
      var text = Number(mantissa: mantissas[row], scale: uniform ?? scales[row]).description
      if decimalComma { text = text.replacingAll(".", with: ",") }
      return escapeNumber ? escapeText(text) : text
    case .bool(let values):
      let text = values[row] ? "true" : "false"
      return escapeNumber ? escapeText(text) : text
    }
  }
}
