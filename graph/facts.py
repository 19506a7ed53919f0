"""What extraction produces for one article, before it becomes RDF."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Evidence:
    """Where a fact was read: sentence, character span, and who claims it."""

    sentence: int
    start: int
    end: int
    claimed_by: str | None = None
    claimant_text: str | None = None


@dataclass
class Mention:
    """A span that refers to an entity (reference or newly found)."""

    iri: str
    type: str
    text: str
    start: int
    end: int
    sentence: int
    tok_start: int
    tok_end: int
    reading: str = "actor"  # actor | place | demonym | agreement | anon | group | body | person | affiliation
    emitted: bool = True  # False: read by the rules but no evidence of a participant ("told lawmakers")


@dataclass
class NewEntity:
    """An entity the reference data does not know, found in the text."""

    iri: str
    type: str
    label: str
    title: str | None = None
    affiliation: str | None = None
    country: str | None = None
    anonymous: bool = False
    short_name: str | None = None  # the acronym the article uses for it ("TPLF")


@dataclass
class Fact:
    """A round, amount, stance, statement, negotiation or agreement, with evidence."""

    kind: str
    iri: str
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
