"""Pelaporan: the LKIP (annual performance report) built from the data as DOCX, PDF and XLSX,
with data-driven narrative, charts and a reviu of every figure."""
