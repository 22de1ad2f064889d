import HQReports

/// Reads an hq model file (docs/MODEL-json.md) back into a ``ReportModel``.
enum ModelJSONReader {
  static func read(_ bytes: FileBytes, file: String) throws(LoadError) -> ReportModel {
    throw LoadError(file: file, message: "loading model files is not implemented yet")
  }
}
