"""JSON API (django-ninja), OpenAPI at /api/docs."""
