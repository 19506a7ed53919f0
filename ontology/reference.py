"""Reference entities: canonical labels, aliases, types and agreement editions.

Loaded from the packaged ``reference.ttl`` plus any analyst files given with
``--reference``.  Problems in a file are collected and reported together.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..errors import DataError
from .resources import data_path
from .vocab import ID, PARLEY, PREFIXES, RDF_TYPE, SKOS_ALT, SKOS_EXACT, SKOS_PREF, P

ACTOR_TYPES = ("Country", "GovernmentBody", "Military", "Organization", "Person", "Group")
KNOWN_TYPES = ACTOR_TYPES + ("Place", "Agreement")


@dataclass
class Entity:
    """One reference entity."""

    iri: str
    type: str
    label: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    short_name: str | None = None  # parley:shortName: "US" in "US–Cuba migration talks"
    capital: str | None = None
    country: str | None = None
    located_in: str | None = None
    stationed_in: str | None = None
    topic_key: str | None = None
    affiliation: str | None = None
    title: str | None = None
    exact_match: list[str] = field(default_factory=list)
    # agreements
    parties: list[str] = field(default_factory=list)
    payer: str | None = None
    edition_of: str | None = None
    edition: int | None = None
    negotiation_start: dt.date | None = None
    negotiation_end: dt.date | None = None
    expires: str | None = None

    @property
    def slug(self) -> str:
        return self.iri[len(ID):] if self.iri.startswith(ID) else self.iri


@dataclass
class Reference:
    """All reference entities, indexed by IRI, with their source files."""

    entities: dict[str, Entity]
    files: list[Path]
    store: ox.Store

    def get(self, iri: str) -> Entity | None:
        return self.entities.get(iri)

    def of_type(self, *types: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.type in types]

    def capitals(self) -> dict[str, str]:
        """Map a capital city's IRI to its country's IRI (for metonymy)."""
        return {e.capital: e.iri for e in self.entities.values() if e.capital}

    def editions(self, agreement_iri: str) -> list[Entity]:
        return sorted((e for e in self.entities.values() if e.edition_of == agreement_iri), key=lambda e: e.edition or 0)

    def quads(self) -> list[ox.Quad]:
        return list(self.store.quads_for_pattern(None, None, None, None))


def _one(store: ox.Store, s: ox.NamedNode, p: ox.NamedNode) -> ox.Term | None:
    for q in store.quads_for_pattern(s, p, None):
        return q.object
    return None


def _all(store: ox.Store, s: ox.NamedNode, p: ox.NamedNode) -> list[ox.Term]:
    return sorted((q.object for q in store.quads_for_pattern(s, p, None)), key=str)


def _date(term: ox.Term | None) -> dt.date | None:
    if term is None:
        return None
    return dt.date.fromisoformat(term.value[:10])


PACKAGED = ("reference.ttl", "countries.ttl")  # hand-kept entities; ISO countries generated from CLDR


def packaged_files() -> list[Path]:
    """The reference data files shipped in ``ontology/`` (see ``make_countries`` for the second)."""
    return [data_path(name) for name in PACKAGED]


def load_reference(extra: list[Path] | None = None) -> Reference:
    """Load the packaged reference data plus analyst files; raise :class:`DataError` listing every problem."""
    files = packaged_files() + [Path(p) for p in (extra or [])]
    store = ox.Store()
    problems: list[str] = []
    for f in files:
        if not f.is_file():
            problems.append(f"{f}: reference file not found; check the path given to --reference")
            continue
        try:
            store.load(path=str(f), format=ox.RdfFormat.TURTLE)
        except (SyntaxError, ValueError, OSError, UnicodeDecodeError) as exc:
            problems.append(f"{f}: not valid Turtle ({str(exc).splitlines()[0]}); fix the syntax at the position given")
    if problems:
        raise DataError("; ".join(problems))
    entities: dict[str, Entity] = {}
    for quad in sorted(store.quads_for_pattern(None, RDF_TYPE, None), key=lambda q: str(q.subject)):
        s = quad.subject
        t = quad.object.value
        if not t.startswith(PARLEY):
            continue
        tname = t[len(PARLEY):]
        if tname not in KNOWN_TYPES:
            problems.append(f"{s.value}: type parley:{tname} is not one of {', '.join(KNOWN_TYPES)}")
            continue
        if s.value in entities:
            problems.append(f"{s.value}: has two types (parley:{entities[s.value].type} and parley:{tname}); keep one")
            continue
        label = _one(store, s, SKOS_PREF)
        if label is None:
            problems.append(f"{s.value}: has no skos:prefLabel; add one")
            continue
        ent = Entity(
            iri=s.value, type=tname, label=label.value,
            aliases=[a.value for a in _all(store, s, SKOS_ALT)],
            demonyms=[a.value for a in _all(store, s, P.demonym)],
            exact_match=[a.value for a in _all(store, s, SKOS_EXACT)],
            parties=[a.value for a in _all(store, s, P.party)],
        )
        for attr, prop in (("capital", P.capital), ("country", P.country), ("located_in", P.locatedIn),
                           ("affiliation", P.affiliation), ("payer", P.payer), ("edition_of", P.editionOf),
                           ("stationed_in", P.stationedIn)):
            term = _one(store, s, prop)
            if term is not None:
                setattr(ent, attr, term.value)
        short = _one(store, s, P.shortName)
        ent.short_name = short.value if short is not None else None
        if ent.short_name and ent.short_name not in ent.aliases:
            ent.aliases.append(ent.short_name)  # a short name is an alternative label too
        title = _one(store, s, P.title)
        ent.title = title.value if title is not None else None
        edition = _one(store, s, P.edition)
        try:
            ent.edition = int(edition.value) if edition is not None else None
            ent.negotiation_start = _date(_one(store, s, P.negotiationStart))
            ent.negotiation_end = _date(_one(store, s, P.negotiationEnd))
        except ValueError as exc:
            problems.append(f"{s.value}: bad edition number or date ({exc})")
        topic = _one(store, s, P.topicKey)
        ent.topic_key = topic.value if topic is not None else None
        expires = _one(store, s, P.expires)
        ent.expires = expires.value if expires is not None else None
        entities[s.value] = ent
    for ent in entities.values():
        for attr in ("capital", "country", "located_in", "affiliation", "payer", "edition_of", "stationed_in"):
            target = getattr(ent, attr)
            if target and target not in entities and not target.startswith(ID + "body/"):
                problems.append(f"{ent.iri}: {attr} points to {target}, which the reference data does not define")
    if problems:
        raise DataError("reference data: " + "; ".join(problems))
    return Reference(entities=entities, files=files, store=store)


def prefixes() -> dict[str, str]:
    return dict(PREFIXES)
