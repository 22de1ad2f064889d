import HQShell

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The executable is deliberately thin: everything, including exit statuses, lives in HQShell
// where the tests can reach it.
exit(HQCommand.main(Array(CommandLine.arguments.dropFirst())))
