"""Helpers shared by extraction components: nearest actors, speakers, claimants."""
from __future__ import annotations

import re

from ..context import ArticleContext
from ..facts import Mention
from ..nlp import Sentence

ACTOR_READINGS = {"actor", "person", "group", "body", "anon", "demonym"}
PRONOUNS = {"he", "she", "they", "we", "it", "i"}


def actor_mentions(ctx: ArticleContext, sent: Sentence) -> list[Mention]:
    return sorted((m for m in ctx.mentions_in(sent) if m.reading in ACTOR_READINGS), key=lambda m: m.tok_start)


def nearest_before(ctx: ArticleContext, sent: Sentence, tok: int, window: int = 25) -> Mention | None:
    """The actor mention ending closest before token ``tok`` (same sentence)."""
    cands = [m for m in actor_mentions(ctx, sent) if m.tok_end <= tok and tok - m.tok_end <= window]
    return max(cands, key=lambda m: (m.tok_end, -m.tok_start)) if cands else None


def nearest_after(ctx: ArticleContext, sent: Sentence, tok: int, window: int = 12) -> Mention | None:
    cands = [m for m in actor_mentions(ctx, sent) if m.tok_start >= tok and m.tok_start - tok <= window]
    return min(cands, key=lambda m: m.tok_start) if cands else None


def acting_iri(ctx: ArticleContext, m: Mention) -> str:
    """Who acts through a mention: an anonymous official acts for their country."""
    ent = ctx.entities.get(m.iri)
    if m.reading == "anon" and ent is not None:
        aff = ent.affiliation
        aff_ent = ctx.entities.get(aff) if aff else None
        if aff_ent is not None and aff_ent.country:
            return aff_ent.country
        ref = ctx.lexicon.reference.get(aff) if aff else None
        if ref is not None and ref.country:
            return ref.country
        return aff or m.iri
    return m.iri


def speech_hits(ctx: ArticleContext, sent: Sentence) -> list:
    return [h for h in ctx.hits(sent, "cue") if any(f == "speech" for f, _ in ctx.lexicon.cue_values[h.key])]


def speaker_of(ctx: ArticleContext, sent: Sentence) -> tuple[Mention | None, str | None]:
    """The speaker a sentence reports ("X said", "according to X"), with the words naming them."""
    doc = sent.span.doc
    for h in speech_hits(ctx, sent):
        kinds = {v for f, v in ctx.lexicon.cue_values[h.key] if f == "speech"}
        if "source" in kinds:
            m = nearest_after(ctx, sent, h.tok_end, 8)
            words = doc[h.tok_end:min(h.tok_end + 4, sent.span.end)].text
            return m, (m.text if m else words.strip(" ,."))
        if "hedge" in kinds:
            return None, h.text.split()[0].lower()
        m = nearest_before(ctx, sent, h.tok_start, 6) or nearest_after(ctx, sent, h.tok_end, 4)
        if m is not None:
            return m, m.text
        prev = doc[h.tok_start - 1].lower_ if h.tok_start > sent.span.start else ""
        if prev in PRONOUNS:
            last = last_speaker(ctx, sent.index)
            return last, prev
    return None, None


def last_speaker(ctx: ArticleContext, before: int) -> Mention | None:
    """The most recent person or anonymous official mentioned before sentence ``before`` (for "he said")."""
    cands = [m for m in ctx.mentions if m.sentence < before and m.reading in {"anon", "person"}]
    return max(cands, key=lambda m: m.start) if cands else None


def norm_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
