"""The formula engine (rumus): pure functions on Decimal, one module per regulation.

Framework-free: nothing here imports Django. Every rule names its source in its
docstring (regulation article, or the seed report's table). Where the regulations are
silent, the choice is an explicit parameter with a documented default; the decision
records are in docs/keputusan/.
"""
