"""Tokens and sentences with spaCy's blank English pipeline.

The pipeline is built once per process (a cold build costs more than a
hundred articles' worth of tokenizing).  Paragraphs (lines) are processed
separately, so a sentence never crosses a line break; every token keeps its
character offset into the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.tokens import Doc, Span

MAX_PARAGRAPH = 20_000  # characters; longer "paragraphs" are cut into pieces


@lru_cache(maxsize=1)
def pipeline() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "。", "…"]})
    nlp.max_length = 10 * MAX_PARAGRAPH
    return nlp


@dataclass
class Sentence:
    """A sentence: its index in the article, offsets, text and spaCy span."""

    index: int
    start: int
    end: int
    text: str
    span: Span
    base: int  # offset of the span's doc in the article

    def char(self, token_index: int) -> int:
        """Article offset of the token at ``token_index`` (doc-relative)."""
        return self.base + self.span.doc[token_index].idx


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        seg = m.group()
        if not seg.strip():
            continue
        for i in range(0, len(seg), MAX_PARAGRAPH):
            piece = seg[i:i + MAX_PARAGRAPH]
            if piece.strip():
                out.append((m.start() + i, piece))
    return out


def sentences(text: str) -> list[Sentence]:
    """Split masked article text into sentences with article offsets."""
    nlp = pipeline()
    paras = _paragraphs(text)
    out: list[Sentence] = []
    for (base, seg), doc in zip(paras, nlp.pipe(seg for _, seg in paras)):
        for sent in _merge_abbrev(doc):
            stripped = sent.text.strip()
            if not stripped or not re.search(r"\w", stripped):
                continue
            lead = len(sent.text) - len(sent.text.lstrip())
            start = base + sent.start_char + lead
            out.append(Sentence(index=len(out), start=start, end=start + len(stripped), text=stripped, span=sent, base=base))
    return out


_ABBREV = re.compile(r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Gen|Lt|Col|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|Inc|Corp|Co|Ltd|Jr|Sr|Dept)\.)$")


def _merge_abbrev(doc: Doc) -> list[Span]:
    """Sentencizer splits after "U.S." and "Feb."; re-join when the next word is not a sentence start."""
    sents = list(doc.sents)
    merged: list[Span] = []
    for s in sents:
        if merged:
            prev = merged[-1]
            nxt = s[0].text
            if _ABBREV.search(prev.text.rstrip()) and (nxt[:1].islower() or nxt[:1].isdigit() or prev[-1].text in {"U.S.", "U.K.", "U.N."} and nxt[:1].isupper() and len(s) > 0 and _continues(prev, s)):
                merged[-1] = doc[prev.start:s.end]
                continue
        merged.append(s)
    return merged


def _continues(prev: Span, nxt: Span) -> bool:
    # "the U.S. State Department" / "U.S. President": a capitalized word after U.S. inside a noun phrase
    return nxt[0].text in {"State", "President", "Forces", "Ambassador", "Embassy", "Department", "Secretary", "Treasury",
                           "Trade", "Congress", "Army", "Navy", "Defense", "Defence", "Military", "Alliance", "Government",
                           "Administration", "Senate", "House", "Marine", "Air", "Force", "Representative", "Envoy", "Special"}
