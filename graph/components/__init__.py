"""Extraction components; importing this package registers them all."""
from . import acronyms, actors, affiliations, evaluations, mentions, negotiations, organizations, quantities, short_forms, speech, stances, transcripts  # noqa: F401
