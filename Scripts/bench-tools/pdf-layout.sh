#!/usr/bin/env bash
# The PDF path's time per page (docs/PERFORMANCE.md, "The PDF path"): pdftotext -tsv, then the
# layout step alone, compiled with -O from Sources/HQLoaders/PDF (without PDFText.swift, which
# needs the rest of HQLoaders) and timed in-process.
#
#   Scripts/bench-tools/pdf-layout.sh [PAGES]     (default 30; the PDF is written to a temporary directory)
set -euo pipefail
cd "$(dirname "$0")/../.."
pages=${1:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
Scripts/make-table-pdfs --long "$pages" "$work/long.pdf" > /dev/null
echo "pdftotext -tsv, $pages pages (3 runs):"
for _ in 1 2 3; do
  /usr/bin/time -f "  %e s wall, %U s user + %S s system" pdftotext -tsv -enc UTF-8 "$work/long.pdf" /dev/null
done
pdftotext -tsv -enc UTF-8 "$work/long.pdf" "$work/long.tsv"
src=Sources/HQLoaders/PDF
swiftc -O -swift-version 6 -enable-upcoming-feature ExistentialAny \
  "$src/PDFWords.swift" "$src/PDFRows.swift" "$src/PDFTables.swift" "$src/PDFLayout.swift" \
  Scripts/bench-tools/pdf-layout/main.swift -o "$work/pdf-layout-bench"
"$work/pdf-layout-bench" "$work/long.tsv" "$pages"
