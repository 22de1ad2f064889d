import HQData

/// Reads CSV and TSV files into a ``Table``.
enum CSVReader {
  static func read(_ bytes: FileBytes, file: String, tableName: String) throws(LoadError) -> Table {
    throw LoadError(file: file, message: "loading CSV files is not implemented yet")
  }
}
