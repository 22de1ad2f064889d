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
  private let spelling: Spelling

  /// How a number is written: as the language writes it (`-1204.1`), with a decimal comma
  /// for Swedish Excel (`-1204,1`), or as Swedish reports print it (`-1 204,1`, grouped from
  /// `groupFrom` integer digits; ``NumberDisplay/swedish``).
  enum Spelling {
    case plain
    case decimalComma
    case swedish(groupFrom: Int)
  }

  /// - Parameters:
  ///   - escape: applied to text (and, when `escapeNumbers`, to numbers and truth values).
  ///   - nullText: what a null cell shows.
  ///   - spelling: how numbers are written (``Spelling``).
  init(
    _ column: Column, nullText: String = "", escapeNumbers: Bool = false, spelling: Spelling = .plain,
    escape: @escaping (String) -> String
  ) {
    nulls = column.nulls
    self.spelling = spelling
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
      let number = Number(mantissa: mantissas[row], scale: uniform ?? scales[row])
      let text: String
      switch spelling {
      case .plain: text = number.description
      case .decimalComma: text = number.description.replacingAll(".", with: ",")
      case .swedish(let groupFrom): text = number.swedishText(groupFrom: groupFrom)
      }
      return escapeNumber ? escapeText(text) : text
    case .bool(let values):
      let text = values[row] ? "true" : "false"
      return escapeNumber ? escapeText(text) : text
    }
  }
}

extension CellRenderer.Spelling {
  /// The spelling `display` asks for in `column`, judged over its first `rows` rows: Swedish
  /// groups four-digit numbers only when the column also has a number of five digits or more
  /// (a year column stays `2024`), and never groups positions (`line`, `rank`).
  init(_ display: NumberDisplay, column: Column, rows: Int) {
    switch display {
    case .plain:
      self = .plain
    case .swedish:
      guard column.role != .position else {
        self = .swedish(groupFrom: Int.max)
        return
      }
      var wide = false
      if case .number(let mantissas, let scales, let uniform) = column.storage {
        for row in 0..<min(rows, mantissas.count) where !(column.nulls?[row] ?? false) {
          if Number(mantissa: mantissas[row], scale: uniform ?? scales[row]).hasFiveIntegerDigits {
            wide = true
            break
          }
        }
      }
      self = .swedish(groupFrom: wide ? 4 : 5)
    }
  }
}
