"""Kinerja: SAKIP (Perpres 29/2014) end to end."""

__version__ = "0.1.0"
