"""Extraction components; importing this package registers them all."""
from . import mentions  # noqa: F401
