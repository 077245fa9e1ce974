"""Excel import and export (dry-run, row errors, all-or-nothing)."""
