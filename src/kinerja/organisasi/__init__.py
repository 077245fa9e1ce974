"""Organisations (the unit tree), their yearly profile figures, and who holds which role where."""
