import HQReports

/// Writes a ``ReportModel`` as an hq model file (JSON; the format is docs/MODEL-json.md),
/// the file `.export` writes and `.load FILE.json` reads back.
public enum ModelExport {
  /// Writes through ``FileDestination``: a regular file is replaced atomically keeping its
  /// permissions, a device or FIFO is written in place, a symbolic link writes to its target.
  public static func write(_ model: ReportModel, to path: String) throws(LoadError) {
    let bytes = encode(model)
    do throws(LoadError) {
      try FileDestination.write(bytes, to: path)
    } catch {
      throw LoadError(file: path, message: "cannot write the file: \(error.message)")
    }
  }

  /// The model file's bytes.
  public static func encode(_ model: ReportModel) -> [UInt8] {
    ModelJSONWriter.encode(model)
  }
}
