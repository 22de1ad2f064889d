// Loaders for CSV/TSV, JSON model files and PDF (issue 5).
