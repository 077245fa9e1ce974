"""Perencanaan: Renstra, indikator and targets, Perjanjian Kinerja with revisions, program/
kegiatan/sub kegiatan with anggaran, Rencana Aksi."""
