"""Names and words for ``parley eval``: one key per entity, content words per phrase.

Names resolve through the reference data, the graph's own labels and the
bodies lexicon to a canonical label (:class:`Names`), which is then slugged
(lower case, punctuation and leading honorifics dropped, words crudely
stemmed).  Free text (topics, speaker descriptions) becomes a set of content
words after known names in it are replaced by their canonical labels.  The
vocabulary this needs is data: ``eval_data/scoring.json``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from .iris import ascii_fold

_DROP = re.compile(r"[.'\u2018\u2019\u2010\u2011\u2012\u2013\u2014-]")  # removed inside names: U.S. -> us, Eun-bo -> eunbo
_SPLIT = re.compile(r"[^a-z0-9]+")
_QUALIFIER = re.compile(r"\s*\(([^()]*)\)\s*$")


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """The scoring vocabulary (``graph/eval_data/scoring.json``)."""
    text = resources.files("parley.graph").joinpath("eval_data", "scoring.json").read_text(encoding="utf-8")
    return json.loads(text)


def eval_query(name: str) -> str:
    """The text of one of the evaluator's own SPARQL queries (``graph/eval_data/NAME.rq``)."""
    return resources.files("parley.graph").joinpath("eval_data", f"{name}.rq").read_text(encoding="utf-8")


# -- text normalization ---------------------------------------------------------

def fold(text: str) -> str:
    """ASCII, lower case, typographic quotes made plain."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return ascii_fold(text).lower()


def stem(word: str) -> str:
    """A crude suffix stripper (plural -s/-es/-ies, -ing, -ed, then a final -e).

    No stemmer is installed with Parley's dependencies; this is enough to
    make "costs"/"cost", "increased"/"increase" and "groups"/"group" agree.
    """
    cfg = settings()
    low = cfg["min_stem"]
    if not word.isalpha() or any(word.endswith(k) for k in cfg["keep_endings"]):
        return word
    for suffix, repl in cfg["stem_rules"]:
        if word.endswith(suffix) and len(word) - len(suffix) + len(repl) >= low:
            word = word[: len(word) - len(suffix)] + repl
            break
    if word.endswith("e") and len(word) > low + 1:
        word = word[:-1]
    return word


@lru_cache(maxsize=1)
def _honorifics() -> tuple[list[str], ...]:
    return tuple(h.split() for h in settings()["honorifics"])


def strip_honorifics(name: str) -> str:
    """``name`` without leading honorifics: "Tun Dr Mahathir Mohamad" -> "Mahathir Mohamad"."""
    words = name.split()
    honorifics = _honorifics()
    changed = True
    while changed:
        changed = False
        for h in honorifics:
            if len(words) > len(h) and [_DROP.sub("", fold(w)) for w in words[: len(h)]] == h:
                words = words[len(h):]
                changed = True
    return " ".join(words)


def slug(name: str | None) -> str:
    """Lower-case words of a name, punctuation removed, leading honorifics dropped, each word stemmed."""
    if not name:
        return ""
    words = _SPLIT.split(_DROP.sub("", fold(strip_honorifics(name))))
    return " ".join(stem(w) for w in words if w)


def split_qualifier(label: str) -> tuple[str, str | None]:
    """``"Ministry of Foreign Affairs (South Korea)"`` -> ``("Ministry of Foreign Affairs", "South Korea")``."""
    m = _QUALIFIER.search(label)
    if not m or m.start() == 0:
        return label.strip(), None
    return label[: m.start()].strip(), m.group(1).strip()


# -- names ------------------------------------------------------------------------

@dataclass
class Names:
    """Resolve names to one comparison key through known labels.

    ``labels`` maps a label as written (a preferred or alternative label of a
    reference entity or graph node, or a name from the bodies lexicon) to the
    canonical label; ``countries`` maps a canonical label to its country's
    label.  ``mentions`` (labels plus demonyms) are replaced inside free text
    before content words are taken, so "SMA" and "Special Measures Agreement",
    or "U.S." and "United States", give the same word.
    """

    labels: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    mentions: dict[str, str] = field(default_factory=dict)
    anonymous: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._folded: dict[str, str] = {}
        for label in sorted(self.labels):
            self._folded.setdefault(fold(label), self.labels[label])
        self._pattern: re.Pattern[str] | None = None
        self._keys: dict[str, str] = {}

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[int, str, str]], countries: dict[str, str] | None = None,
                     demonyms: Iterable[tuple[str, str]] = (), anonymous: Iterable[str] = (),
                     descriptions: Iterable[str] = ()) -> "Names":
        """Build from ``(priority, label, canonical)``.

        The lowest priority claiming a label wins.  A label that several
        entities claim at that priority ("SMA": the Korean and the Japanese
        agreement) goes to the one whose own label the others also carry as
        an alias (the generic sense: the Japanese agreement is also called
        "Special Measures Agreement"); failing that it is left out, so it
        resolves to nothing rather than to a guess.
        """
        best: dict[str, tuple[int, set[str]]] = {}
        claims: dict[str, set[str]] = {}
        for prio, label, canonical in entries:
            if not label or not canonical:
                continue
            claims.setdefault(label, set()).add(canonical)
            if label not in best or prio < best[label][0]:
                best[label] = (prio, {canonical})
            elif prio == best[label][0]:
                best[label][1].add(canonical)
        labels = {}
        for label, (_, cands) in sorted(best.items()):
            generic = [c for c in sorted(cands) if cands - {c} <= claims.get(c, set())]
            if len(cands) == 1 or len(generic) == 1:
                labels[label] = generic[0] if len(cands) > 1 else next(iter(cands))
        skip = set(descriptions)
        mentions = {label: c for label, c in labels.items() if c not in skip}
        for word, canonical in sorted(demonyms):
            mentions.setdefault(word, canonical)
        return cls(labels, dict(countries or {}), mentions, set(anonymous))

    def canonical(self, name: str | None) -> str:
        """The canonical label of ``name`` (itself when unknown)."""
        if not name:
            return ""
        name = name.strip()
        found = self._lookup(name) or self._lookup(strip_honorifics(name))
        return found or name

    def _lookup(self, name: str) -> str | None:
        return self.labels.get(name) or self._folded.get(fold(name))

    def known(self, name: str | None) -> bool:
        return bool(name) and self._lookup(name.strip()) is not None

    def key(self, name: str | None) -> str:
        """The comparison key: the canonical label without a "(qualifier)", slugged."""
        name = name or ""
        if name not in self._keys:
            self._keys[name] = slug(split_qualifier(self.canonical(name))[0])
        return self._keys[name]

    def country_keys(self, name: str | None) -> set[str]:
        """Keys of the places a name is tied to: its "(qualifier)" and its country."""
        canonical = self.canonical(name)
        out = set()
        qualifier = split_qualifier(canonical)[1]
        if qualifier:
            out.add(self.key(qualifier))
        if canonical in self.countries:
            out.add(self.key(self.countries[canonical]))
        return out

    def same(self, gold: str | None, pred: str | None) -> bool:
        return self.key(gold) == self.key(pred)

    def expand(self, text: str) -> str:
        """``text`` with every known name or demonym replaced by one token for its entity (case-sensitive).

        One token, not the label's words, so that an entity counts as one
        content word: "South Korean contribution" and "South Korea's share"
        share one word of three, not two of four.
        """
        if not self.mentions:
            return text
        if self._pattern is None:
            alts = sorted(self.mentions, key=lambda s: (-len(s), s))
            self._pattern = re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(map(re.escape, alts)) + r")(?![A-Za-z0-9])")
        return self._pattern.sub(lambda m: " " + self.key(self.mentions[m.group(0)]).replace(" ", "") + " ", text)


# -- content words ------------------------------------------------------------------

def content_words(text: str | None, names: Names | None = None, ignore: Iterable[str] = ()) -> frozenset[str]:
    """Stemmed words of ``text`` other than spaCy's English stop words (and ``ignore``)."""
    if not text:
        return frozenset()
    if names is not None:
        text = names.expand(text)
    skip = set(ignore)
    words = (w for w in _SPLIT.split(_DROP.sub("", fold(text).replace("-", " "))) if w)
    return frozenset(stem(w) for w in words if w not in STOP_WORDS and w not in skip)
