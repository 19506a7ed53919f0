"""The state one article carries through the extraction pipeline."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from spacy.util import filter_spans

from .dates import PartialDate
from .documents import Document
from .facts import Fact, Mention, NewEntity
from .furniture import Cleaned
from .lexicon import Lexicon
from .nlp import Sentence


@dataclass
class Hit:
    """A lexicon match inside one sentence (doc token indices, article offsets)."""

    key: str
    tok_start: int
    tok_end: int
    start: int
    end: int
    text: str


@dataclass
class ArticleContext:
    doc: Document
    cleaned: Cleaned
    published: PartialDate | None
    sentences: list[Sentence]
    lexicon: Lexicon
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, NewEntity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    alias_hits: dict[int, list[Hit]] = field(default_factory=dict)
    cue_hits: dict[int, list[Hit]] = field(default_factory=dict)
    home_country: str | None = None
    publisher_iri: str | None = None
    negotiation: str | None = None
    payer: str | None = None
    speakers: dict[int, Any] = field(default_factory=dict)  # sentence index -> speakers.Speaker of its reported speech

    def hits(self, sent: Sentence, kind: str) -> list[Hit]:
        """Lexicon hits of one sentence (``kind`` is ``alias`` or ``cue``), computed once."""
        cache = self.alias_hits if kind == "alias" else self.cue_hits
        if sent.index not in cache:
            matcher = self.lexicon.aliases if kind == "alias" else self.lexicon.cues
            doc = sent.span.doc
            vocab = doc.vocab
            spans = []
            for match_id, s, e in matcher(doc[sent.span.start:sent.span.end].as_doc()):
                spans.append(doc[sent.span.start + s:sent.span.start + e])
                spans[-1].label_ = vocab.strings[match_id]
            if kind == "alias":
                spans = filter_spans(spans)
            cache[sent.index] = sorted(
                (Hit(sp.label_, sp.start, sp.end, sent.base + sp.start_char, sent.base + sp.end_char, sp.text) for sp in spans),
                key=lambda h: (h.tok_start, h.tok_end))
        return cache[sent.index]

    def mentions_in(self, sent: Sentence) -> list[Mention]:
        return [m for m in self.mentions if m.sentence == sent.index]


Component = Callable[[ArticleContext], None]
REGISTRY: dict[str, Component] = {}


def component(name: str) -> Callable[[Component], Component]:
    """Register an extraction component under ``name`` (named in ``rules/pipeline.json``)."""

    def wrap(fn: Component) -> Component:
        REGISTRY[name] = fn
        return fn

    return wrap
