"""The state one article carries through the extraction pipeline."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from .dates import PartialDate, TimeExpr, find_times
from .documents import Document
from .facts import Fact, Mention, NewEntity
from .furniture import Cleaned
from .iris import mint
from .lexicon import Lexicon
from .nlp import Sentence

# "since June", "since the stand-off began in May 2020": a time in a since-clause dates an earlier event
MEETING_NOUNS = frozenset({"roundnoun", "talknoun"})  # cue families of the nouns that name a session
SINCE = re.compile(r"\bsince\b[^,;:.()\"“”]{0,60}$", re.IGNORECASE)


@dataclass
class Hit:
    """A lexicon match inside one sentence (doc token indices, article offsets)."""

    key: str
    tok_start: int
    tok_end: int
    start: int
    end: int
    text: str


class Mentions(list):
    """The article's mentions: a list that also indexes them by sentence, rebuilt after any change.

    Why: components ask for one sentence's mentions tens of thousands of
    times per hundred articles (``mentions_in``), while the list changes far
    less often; a version number bumped by every mutating method tells when
    the index is stale.
    """

    def __init__(self, items=()) -> None:
        super().__init__(items)
        self.version = 0
        self._index: tuple[int, dict[int, list[Mention]]] | None = None

    def by_sentence(self, index: int) -> list[Mention]:
        if self._index is None or self._index[0] != self.version:
            table: dict[int, list[Mention]] = {}
            for m in self:
                table.setdefault(m.sentence, []).append(m)
            self._index = (self.version, table)
        return list(self._index[1].get(index, ()))


def _bump(name: str):
    method = getattr(list, name)

    def changed(self, *args, **kwargs):
        self.version += 1
        return method(self, *args, **kwargs)

    changed.__name__ = name
    return changed


for _name in ("append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse", "__setitem__",
              "__delitem__", "__iadd__"):
    setattr(Mentions, _name, _bump(_name))


@dataclass
class ArticleContext:
    doc: Document
    cleaned: Cleaned
    published: PartialDate | None
    sentences: list[Sentence]
    lexicon: Lexicon
    mentions: list[Mention] = field(default_factory=Mentions)
    entities: dict[str, NewEntity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    alias_hits: dict[int, list[Hit]] = field(default_factory=dict)
    cue_hits: dict[int, list[Hit]] = field(default_factory=dict)
    time_exprs: dict[int, list[TimeExpr]] = field(default_factory=dict)
    home_country: str | None = None
    publisher_iri: str | None = None
    negotiation: str | None = None
    payer: str | None = None
    speakers: dict[int, Any] = field(default_factory=dict)  # sentence index -> speakers.Speaker of its reported speech
    named_venues: dict[str, NewEntity] = field(default_factory=dict)  # bodies named only as a venue, by IRI
    session_nouns: frozenset[str] = frozenset()  # the talks' own words for a session ("review" in IMF reviews)

    def hits(self, sent: Sentence, kind: str) -> list[Hit]:
        """Lexicon hits of one sentence (``kind`` is ``alias`` or ``cue``), computed once.

        The matcher runs on the sentence span itself (token indices are the
        doc's, and no match crosses the sentence's ends), not on a copy of it.
        Alias hits keep the longest of overlapping matches (first on ties).
        """
        cache = self.alias_hits if kind == "alias" else self.cue_hits
        found = cache.get(sent.index)
        if found is None:
            matcher = self.lexicon.aliases if kind == "alias" else self.lexicon.cues
            matches = matcher(sent.span)
            if kind == "alias":
                matches = longest_matches(matches)
            strings = matcher.vocab.strings
            toks = sent.tokens
            idx, words, text, base = toks.idx, toks.text, toks.doc_text, sent.base
            found = []
            for match_id, s, e in matches:
                a, b = idx[s], idx[e - 1] + len(words[e - 1])
                found.append(Hit(strings[match_id], s, e, base + a, base + b, text[a:b]))
            found.sort(key=lambda h: (h.tok_start, h.tok_end))
            cache[sent.index] = found
        return found

    def times(self, sent: Sentence) -> list[TimeExpr]:
        """Time expressions of one sentence resolved against the publication date, found once.

        A time after "since" starts a period ("the first round since June", "losses since 2018",
        "since the stand-off began in May 2020"): it dates neither the event nor the figure of its
        sentence, so it is left out, unless the since-phrase names a meeting of its own ("the first
        since the 13th round on October 10"), which that time dates.
        """
        found = self.time_exprs.get(sent.index)
        if found is None:
            found = self.time_exprs[sent.index] = [t for t in find_times(sent.text, self.published)
                                                   if not self._in_since_clause(sent, t)]
        return found

    def _in_since_clause(self, sent: Sentence, t: TimeExpr) -> bool:
        if t.text.lower().startswith("since "):
            return True
        m = SINCE.search(sent.text, max(0, t.start - 70), t.start)
        if m is None:
            return False
        return not any(m.start() <= h.start - sent.start < t.start for h in self.meeting_hits(sent))

    def meeting_hits(self, sent: Sentence) -> list[Hit]:
        """Cue hits of round and talk nouns ("round", "talks", "meeting") in ``sent``."""
        return [h for h in self.hits(sent, "cue") if any(f in MEETING_NOUNS for f, _ in self.lexicon.cue_values[h.key])]

    def entity(self, iri: str):
        """The entity ``iri`` names: one the article found (a ``NewEntity``), else the reference data's, else None."""
        return self.entities.get(iri) or self.lexicon.reference.get(iri)

    def mentions_in(self, sent: Sentence) -> list[Mention]:
        """The mentions in ``sent``, in the order they were found (a fresh list the caller may change)."""
        if not isinstance(self.mentions, Mentions):
            self.mentions = Mentions(self.mentions)  # a component replaced the list: index the new one
        return self.mentions.by_sentence(sent.index)

    def dateline_place(self):
        """The reference Place the dateline names ("SEOUL, Nov 19 (Yonhap) --"), if the reference data knows it."""
        name = (self.cleaned.dateline_place or "").lower()
        return next((e for e in self.lexicon.reference.of_type("Place") if e.label.lower() == name), None) if name else None

    def new_place(self, name: str) -> str:
        """The IRI of a venue the reference data does not know ("Villa Elfvik"), registered as a Place."""
        iri = mint("place", name)
        self.entities.setdefault(iri, NewEntity(iri, "Place", name))
        return iri


def longest_matches(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``spacy.util.filter_spans`` on ``(key, start, end)`` matcher tuples: longest first, then earliest; no overlaps."""
    ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    out: list[tuple[int, int, int]] = []
    seen: set[int] = set()
    for m in ordered:
        if m[1] not in seen and m[2] - 1 not in seen:
            out.append(m)
            seen.update(range(m[1], m[2]))
    return sorted(out, key=lambda m: m[1])


Component = Callable[[ArticleContext], None]
REGISTRY: dict[str, Component] = {}


def component(name: str) -> Callable[[Component], Component]:
    """Register an extraction component under ``name`` (named in ``rules/pipeline.json``)."""

    def wrap(fn: Component) -> Component:
        REGISTRY[name] = fn
        return fn

    return wrap
