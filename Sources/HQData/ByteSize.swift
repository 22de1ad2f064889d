#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sizes in bytes as users write them (`512M`) and as messages show them (`1.5 GiB`), and the
/// machine's physical memory, for the limits hq sets itself (piped input, join memory).
public enum ByteSize {
  /// `512`, `64K`, `512M`, `2G`, `1T` (powers of 1024; case-insensitive; an optional trailing
  /// `B`). Nil for anything else, and for sizes that do not fit in an `Int`.
  public static func parse(_ text: String) -> Int? {
    var digits = Substring(text.uppercased())
    if digits.hasSuffix("B") { digits = digits.dropLast() }
    var shift = 0
    switch digits.last {
    case "K": shift = 10
    case "M": shift = 20
    case "G": shift = 30
    case "T": shift = 40
    default: break
    }
    if shift > 0 { digits = digits.dropLast() }
    guard let number = Int(digits), number >= 0 else { return nil }
    let (value, overflow) = number.multipliedReportingOverflow(by: 1 << shift)
    return overflow ? nil : value
  }

  /// `4 GiB`, `1.5 GiB`, `512 MiB`, `800 bytes` (one decimal, rounded down).
  public static func describe(_ bytes: Int) -> String {
    let units: [(String, Int)] = [("TiB", 40), ("GiB", 30), ("MiB", 20), ("KiB", 10)]
    for (name, shift) in units where bytes >= 1 << shift {
      let whole = bytes >> shift
      let tenths = ((bytes - (whole << shift)) * 10) >> shift
      return tenths == 0 ? "\(whole) \(name)" : "\(whole).\(tenths) \(name)"
    }
    return "\(bytes) bytes"
  }

  /// The machine's physical memory in bytes; 0 when the system does not say. The
  /// corresponding C call is `sysconf`.
  public static let physicalMemory: Int = {
    let pages = sysconf(Int32(_SC_PHYS_PAGES))
    let size = sysconf(Int32(_SC_PAGESIZE))
    guard pages > 0, size > 0 else { return 0 }
    let (total, overflow) = pages.multipliedReportingOverflow(by: size)
    return overflow ? Int.max : total
  }()
}
