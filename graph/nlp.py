"""Tokens and sentences with spaCy's blank English pipeline.

The pipeline is built once per process (a cold build costs more than a
hundred articles' worth of tokenizing).  Paragraphs (lines) are processed
separately, so a sentence never crosses a line break; every token keeps its
character offset into the article.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.attrs import IDX, IS_ALPHA, IS_PUNCT, LENGTH, LOWER, SENT_START
from spacy.tokens import Doc, Span

MAX_PARAGRAPH = 20_000  # characters; longer "paragraphs" are cut into pieces


# A double hyphen used as a dash splits wherever it stands, and so does a closing bracket before it: spaCy's
# English infixes split "deal--a" but not "(Jiji Press)--Japan", which hid the country that acted.
EXTRA_INFIXES = [r"-{2,}", r"[)\]](?=-{2,})"]


@lru_cache(maxsize=1)
def pipeline() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex([*nlp.Defaults.infixes, *EXTRA_INFIXES]).finditer
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", "。", "…"]})
    nlp.max_length = 10 * MAX_PARAGRAPH
    return nlp


class Tokens:
    """Plain-Python lists of one spaCy doc's token attributes, indexed by doc token index.

    Why: every ``doc[i]`` builds a new spaCy ``Token`` object (and ``doc.text``
    joins every token again), while extraction reads a few attributes of the
    same tokens many times, so a list index (``toks.lower[i]``) is far
    cheaper.  The lists come from one ``Doc.to_array`` call, are built on
    first use, once per paragraph doc, and are shared by the sentences of
    that paragraph.  Values equal spaCy's ``text``, ``lower_``, ``idx``,
    ``is_punct`` and ``is_alpha``.
    """

    __slots__ = ("doc", "_doc_text", "_text", "_lower", "_idx", "_punct", "_alpha")

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self._doc_text: str | None = text  # the text the doc was made from, when the caller has it
        self._text: list[str] | None = None
        self._lower: list[str] | None = None
        self._idx: list[int] | None = None
        self._punct: list[bool] | None = None
        self._alpha: list[bool] | None = None

    @property
    def doc_text(self) -> str:
        """``doc.text``, joined once."""
        if self._doc_text is None:
            self._doc_text = self.doc.text
        return self._doc_text

    def _offsets(self) -> None:
        rows = self.doc.to_array([IDX, LENGTH]).tolist() if len(self.doc) else []
        text = self.doc_text
        self._idx = [r[0] for r in rows]
        self._text = [text[i:i + n] for i, n in rows]

    @property
    def text(self) -> list[str]:
        if self._text is None:
            self._offsets()
        return self._text  # type: ignore[return-value]

    @property
    def idx(self) -> list[int]:
        """Character offset of each token in its doc (paragraph)."""
        if self._idx is None:
            self._offsets()
        return self._idx  # type: ignore[return-value]

    @property
    def lower(self) -> list[str]:
        if self._lower is None:
            strings = self.doc.vocab.strings
            self._lower = [strings[h] for h in self.doc.to_array(LOWER).tolist()] if len(self.doc) else []
        return self._lower

    @property
    def is_punct(self) -> list[bool]:
        if self._punct is None:
            self._punct = [bool(v) for v in self.doc.to_array(IS_PUNCT).tolist()] if len(self.doc) else []
        return self._punct

    @property
    def is_alpha(self) -> list[bool]:
        if self._alpha is None:
            self._alpha = [bool(v) for v in self.doc.to_array(IS_ALPHA).tolist()] if len(self.doc) else []
        return self._alpha

    def end_char(self, token_index: int) -> int:
        """Doc offset just past the token at ``token_index``."""
        return self.idx[token_index] + len(self.text[token_index])

    def span_text(self, a: int, b: int) -> str:
        """``doc[a:b].text`` without building a Span (empty for an empty range)."""
        if b <= a:
            return ""
        return self.doc_text[self.idx[a]:self.end_char(b - 1)]


@dataclass
class Sentence:
    """A sentence: its index in the article, offsets, text and spaCy span."""

    index: int
    start: int
    end: int
    text: str
    span: Span
    base: int  # offset of the span's doc in the article
    tokens: Tokens = field(default=None, repr=False, compare=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.tokens is None:
            self.tokens = Tokens(self.span.doc)

    def char(self, token_index: int) -> int:
        """Article offset of the token at ``token_index`` (doc-relative)."""
        return self.base + self.tokens.idx[token_index]

    def token_range(self, a: int, b: int) -> range:
        """Doc token indices of the tokens that start within ``self.text[a:b]`` (empty if none do).

        For patterns matched on the sentence's text: a bisection of the token offsets, not a scan.
        """
        offset = self.start - self.base  # of the sentence's text in its doc
        idx = self.tokens.idx
        lo = bisect_left(idx, offset + a, self.span.start, self.span.end)
        return range(lo, bisect_left(idx, offset + b, lo, self.span.end))


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
        toks = Tokens(doc, seg)  # spaCy keeps the text it was given: ``doc.text`` would join every token again
        for sent in _opening_quotes(_merge_abbrev(doc, toks), toks):
            raw = toks.doc_text[sent.start_char:sent.end_char]  # ``sent.text``, without building every token
            stripped = raw.strip()
            if not stripped or not re.search(r"\w", stripped):
                continue
            lead = len(raw) - len(raw.lstrip())
            start = base + sent.start_char + lead
            out.append(Sentence(index=len(out), start=start, end=start + len(stripped), text=stripped, span=sent, base=base, tokens=toks))
    return out


_ABBREV = re.compile(r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Gen|Lt|Col|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|Inc|Corp|Co|Ltd|Jr|Sr|Dept)\.)$")


def _sents(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, from one array of sentence starts (``doc.sents`` walks every token in Python)."""
    if not len(doc):
        return []
    starts = [i for i, v in enumerate(doc.to_array(SENT_START).tolist()) if v == 1 or i == 0]
    return [doc[a:b] for a, b in zip(starts, [*starts[1:], len(doc)])]


def _merge_abbrev(doc: Doc, toks: Tokens) -> list[Span]:
    """Sentencizer splits after "U.S." and "Feb."; re-join when the next word is not a sentence start."""
    sents = _sents(doc)
    merged: list[Span] = []
    for s in sents:
        if merged:
            prev = merged[-1]
            nxt = toks.text[s.start]
            tail = toks.doc_text[toks.idx[max(prev.start, prev.end - 3)]:toks.end_char(prev.end - 1)]  # its last words
            if _ABBREV.search(tail) and (nxt[:1].islower() or nxt[:1].isdigit() or prev[-1].text in {"U.S.", "U.K.", "U.N."} and nxt[:1].isupper() and len(s) > 0 and _continues(prev, s)):
                merged[-1] = doc[prev.start:s.end]
                continue
        merged.append(s)
    return merged


OPENING_QUOTES = {"\u201c", "\u2018"}
STRAIGHT_QUOTES = {'"'}


def _opening_quotes(sents: list[Span], toks: Tokens) -> list[Span]:
    """Sentencizer keeps the quote mark that opens the next sentence ('dairy. "We will …'): move it.

    A curly opening mark always opens; a straight one opens when the
    sentence's straight marks are otherwise balanced (an odd count).
    """
    out = list(sents)
    for k in range(len(out) - 1):
        s, nxt = out[k], out[k + 1]
        last = toks.text[s.end - 1] if len(s) > 1 else ""
        opens = last in OPENING_QUOTES or (last in STRAIGHT_QUOTES
                                           and sum(x in STRAIGHT_QUOTES for x in toks.text[s.start:s.end]) % 2 == 1)
        if opens and nxt.start == s.end:
            doc = s.doc
            out[k], out[k + 1] = doc[s.start:s.end - 1], doc[s.end - 1:nxt.end]
    return out


def _continues(prev: Span, nxt: Span) -> bool:
    # "the U.S. State Department" / "U.S. President": a capitalized word after U.S. inside a noun phrase
    return nxt[0].text in {"State", "President", "Forces", "Ambassador", "Embassy", "Department", "Secretary", "Treasury",
                           "Trade", "Congress", "Army", "Navy", "Defense", "Defence", "Military", "Alliance", "Government",
                           "Administration", "Senate", "House", "Marine", "Air", "Force", "Representative", "Envoy", "Special"}
