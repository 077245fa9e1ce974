from decimal import Decimal

import pytest


def dekat(a, b, toleransi="0.01") -> bool:
    """Seed figures are printed at 2 dp, sometimes truncated: compare within ±0.01."""
    return abs(Decimal(a) - Decimal(b)) <= Decimal(toleransi)


@pytest.fixture
def D():
    return Decimal
