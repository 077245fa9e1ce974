"""Shared web plumbing: health check, and later the base templates."""
