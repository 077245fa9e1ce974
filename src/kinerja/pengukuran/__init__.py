"""Pengukuran: realisasi per indicator and period with evidence, the verification workflow,
capaian and predikat (computed by the engine), comparisons."""
