"""Organizations named again by the first words of their name: "Montefiore said" after "Montefiore Medical Center".

News names a hospital, company or union in full once and then by its
distinctive first words ("Mount Sinai" for "Mount Sinai Hospital",
"Hyundai" for "Hyundai Motor Company").  A capitalized run that is a whole-word
prefix of exactly one organization's name in the article (its head noun left
out) is a mention of that organization, unless something else is already read
there (a country, a city, a known person; a city inside it, as "Lisbon" in
"Lisbon Maritime", gives way), it stands after "at" or "in" (a
venue: "the breakthrough at Mount Sinai"), or it is a common word opening a
sentence ("Trade rose" beside the "Trade Union Congress").  An organization
the article names only as a venue ("nurses at Mount Sinai Hospital") becomes
an actor when its short form is used as one ("Mount Sinai said …").
"""
from __future__ import annotations

import re

from ..context import ArticleContext, component
from ..facts import Mention
from .organizations import VENUE_LEAD, head_words
from .people import add

RUN = re.compile(r"(?<![\w.'’-])[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*")
VENUE_BEFORE = re.compile(VENUE_LEAD, re.IGNORECASE)  # "At Mount Sinai, …" opens a sentence too


@component("short_forms")
def short_forms(ctx: ArticleContext) -> None:
    named = {m.iri for m in ctx.mentions if m.type == "Organization"}
    bodies = {iri: ctx.entity(iri) for iri in named} | dict(ctx.named_venues)
    forms = _forms(bodies)
    if not forms:
        return
    lower_words = set(re.findall(r"\b[a-z][\w'’-]*", ctx.cleaned.text))
    for sent in ctx.sentences:
        for m in RUN.finditer(sent.text):
            lo, text = _trimmed(m)
            iri = forms.get(text)
            if iri is None or VENUE_BEFORE.search(sent.text[:lo]):
                continue
            if lo == 0 and " " not in text and text.lower() in lower_words:
                continue  # "Trade rose …": a sentence's first word, used in lower case elsewhere
            hi = lo + len(text)
            a, b = sent.start + lo, sent.start + hi
            here = [x for x in ctx.mentions_in(sent) if x.start < b and a < x.end]
            if any(x.iri == iri or not _replaceable(x, a, b) for x in here):
                continue  # read already (a country, a city, the full name)
            toks = sent.token_range(lo, hi)
            if not toks:
                continue
            for x in here:
                _forget(ctx, x, text)  # "Mount Sinai said": not a person named Mount Sinai
            add(ctx, bodies[iri], sent, toks[0], toks[-1] + 1, "actor")


def _replaceable(x: Mention, a: int, b: int) -> bool:
    """Whether the short form at ``a:b`` may take the place of mention ``x``: a person or group read on the
    same words ("Mount Sinai said"), or a place or country inside it ("Lisbon" in "Lisbon Maritime")."""
    if x.start == a and x.end == b:
        return x.type in {"Person", "Group"}
    return a <= x.start and x.end <= b and x.type in {"Place", "Country"}


def _forget(ctx: ArticleContext, x: Mention, text: str) -> None:
    """Drop mention ``x``; a person whose whole name was the short form goes, with every mention of them."""
    ctx.mentions.remove(x)
    ent = ctx.entities.get(x.iri)
    if x.type == "Person" and ent is not None and ent.label == text:
        del ctx.entities[x.iri]
        ctx.mentions[:] = [m for m in ctx.mentions if m.iri != x.iri]


def _trimmed(m: re.Match) -> tuple[int, str]:
    """The run without a leading "The" and a trailing possessive: (offset in the sentence, text)."""
    text, lo = m.group(), m.start()
    if text.startswith("The "):
        text, lo = text[4:], lo + 4
    return lo, re.sub(r"['’]s?$", "", text)


def _forms(bodies: dict) -> dict[str, str]:
    """Short form -> IRI, for the prefixes (before the head noun) that only one organization's name has."""
    heads = head_words()
    seen: dict[str, set[str]] = {}
    for iri, ent in bodies.items():
        if ent is None or ent.type != "Organization":
            continue
        words = re.sub(r"\s*\([^()]*\)$", "", ent.label).split()
        first_head = next((i for i, w in enumerate(words) if w in heads), len(words))
        for n in range(1, first_head + 1):
            form = " ".join(words[:n])
            if n < len(words) and len(form) >= 4 and all(w[:1].isupper() for w in words[:n]):
                seen.setdefault(form, set()).add(iri)
    return {form: next(iter(iris)) for form, iris in seen.items() if len(iris) == 1}
