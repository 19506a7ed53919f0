"""Extraction components; importing this package registers them all."""
from . import actors, mentions, negotiations  # noqa: F401
