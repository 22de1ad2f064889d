// The source text, positions and diagnostics the lexer, parser and checker produce are
// declared in HQDiagnostics, below every module that reports anything (queries here, loaded
// files in HQLoaders, report texts in HQReports). Importing HQSyntax keeps giving them.
@_exported import HQDiagnostics
