"""People and bodies found in the text: the shape of a personal name, where it ends, and how a
person or government body the reference data does not know is added to the article.

Shared by the actor rules (``actors.py``) and the appositive rules (``appositions.py``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...ontology.rules import load_rules
from ...ontology.vocab import ID
from ..context import ArticleContext
from ..facts import Mention, NewEntity
from ..iris import ascii_fold

NAME_SHAPE = re.compile(r"^(?:[A-Z][a-z]+(?:-[a-z]+)?|[A-Z][a-z]*[A-Z][a-z]+|[A-Z]\.)$")


def is_name_token(text: str) -> bool:
    """A word shaped like part of a personal name, accents allowed ("Micheál", "Łukasz", "Dvořák")."""
    return bool(NAME_SHAPE.match(text) or (not text.isascii() and NAME_SHAPE.match(ascii_fold(text))))


INITIALS = re.compile(r"^[A-Z]{2,3}$")
NOT_NAMES = {"the", "a", "an", "this", "that", "in", "on", "at", "but", "and", "officials", "he", "she", "they", "it", "we"}
TITLE_STOP = {"the", "a", "an", "its", "their", "his", "her", "our", "and", "of", "by", "with", "said", "told", "as", "to"}
COMPLEMENT = {"to", "for", "of", "in", "at", "on"}  # "ambassador to Algeria", "director of the Fund's …"
LED_BY_VERBS = ("led", "headed", "chaired", "represented", "fronted")  # "a team led by Name, title"


def country_before(ctx: ArticleContext, sent, tok: int) -> str | None:
    """A country named right before token ``tok`` ("South Korea's", "the U.S.", "Japanese"), or the one
    "its"/"their" there points back to."""
    doc = sent.span.doc
    countries = [m for m in ctx.mentions_in(sent) if m.type == "Country" and m.reading in {"actor", "demonym"}]
    for m in countries:
        if 0 <= tok - m.tok_end <= 2:
            between = doc[m.tok_end:tok].text.strip()
            if between in {"", "'s", "’s", "'", "s"}:
                return m.iri
    if tok > sent.span.start and doc[tok - 1].lower_ in {"its", "their"}:
        before = [m for m in countries if m.tok_end < tok - 1]  # "South Korea's delegation … its chief negotiator"
        return max(before, key=lambda m: m.tok_end).iri if before else None
    return None


def add(ctx: ArticleContext, ent: NewEntity, sent, a: int, b: int, reading: str) -> None:
    if ent.iri not in ctx.entities and ctx.lexicon.reference.get(ent.iri) is None:
        ctx.entities[ent.iri] = ent
    doc = sent.span.doc
    ctx.mentions.append(Mention(ent.iri, ent.type, doc[a:b].text, sent.base + doc[a].idx,
                                sent.base + doc[b - 1].idx + len(doc[b - 1].text), sent.index, a, b, reading=reading))


def body_iri(country: str | None, kind: str) -> str:
    c = country[len(ID):].split("/")[-1] if country else "unknown"
    return f"{ID}body/{c}--{kind}"


def body_entity(ctx: ArticleContext, country: str | None, kind: str) -> NewEntity:
    """The government body of ``kind`` in ``country`` (reference data first, else a new one, registered
    so an affiliation never points at a node without a name)."""
    iri = body_iri(country, kind)
    ref = ctx.lexicon.reference
    known = ref.get(iri) or ctx.entities.get(iri)
    if known is not None:
        return NewEntity(iri, "GovernmentBody", known.label, country=country)
    label = next(r["label"] for r in ctx.lexicon.rules.table("bodies.jsonl") if r["kind"] == kind)
    where = ref.get(country).label if country and ref.get(country) else "unknown country"
    return ctx.entities.setdefault(iri, NewEntity(iri, "GovernmentBody", f"{label} ({where})", country=country))


def name_end(doc, b: int, end: int, taken: set[int], particles: set[str]) -> int:
    """The end of a personal name starting at ``b``: up to three capitalized words, hyphenated given
    names kept whole, lowercase particles between them ("Ursula von der Leyen"), a generational
    suffix after them ("Carlito Galvez Jr.")."""
    j, words = b, 0
    ends = suffixes()
    while j < end and j not in taken:
        if words >= 2 and doc[j].text in ends:
            return j + 1
        if words >= 3:
            break
        if is_name_token(doc[j].text) or (words == 0 and INITIALS.match(doc[j].text) and j + 1 < end
                                          and j + 1 not in taken and is_name_token(doc[j + 1].text)):
            j, words = hyphen_tail(doc, j + 1, end), words + 1  # "General MM Naravane": initials first
            continue
        k = j
        while k < end and doc[k].text in particles and k - j < 3:
            k += 1
        if words and k > j and k < end and is_name_token(doc[k].text):
            j = k
            continue
        if words and k == j + 1 and k + 1 < end and doc[k].text == "-" and not doc[j].whitespace_ \
                and not doc[k].whitespace_ and is_name_token(doc[k + 1].text):
            j, words = k + 2, words + 1  # "Abdel Fattah al-Sisi": a particle joined by a hyphen
            continue
        break
    return j


@lru_cache(maxsize=1)
def institution_words() -> frozenset[str]:
    """Words that end meetings, forums, bodies and venues, never a personal name ("Meeting", "Ministry", "Hotel")."""
    rules = load_rules()
    neg, names = rules.data("negotiation.json"), rules.data("names.json")
    words = [*neg["round_nouns"], *neg["talk_nouns"], *neg["venue_heads"], *neg["forum_heads"]["meetings"],
             *neg["forum_heads"]["bodies"], *names["organization_heads"], *names["government_heads"], *names["military_heads"]]
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=1)
def suffixes() -> frozenset[str]:
    return frozenset(load_rules().data("names.json").get("suffixes", []))


def told_before(ctx: ArticleContext, name: str) -> str | None:
    """The one person named earlier whose full name ends or starts with ``name`` ("Bagheri Kani" is
    "Ali Bagheri Kani")."""
    words = name.split()
    found = {m.iri for m in ctx.mentions if m.type == "Person" and m.reading in {"person", "actor"}
             and len(m.text.split()) > len(words) and (m.text.split()[-len(words):] == words or m.text.split()[:len(words)] == words)}
    return found.pop() if len(found) == 1 else None


def hyphen_tail(doc, j: int, end: int) -> int:
    """Past ``-yong`` in "Chung Eui-yong" (or ``-Mamani``): spaCy splits a hyphenated given name into three tokens."""
    if j + 1 < end and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
            and doc[j + 1].is_alpha and (doc[j + 1].text[:1].islower() or NAME_SHAPE.match(doc[j + 1].text)):
        return j + 2  # "Quispe-Mamani": a double-barrelled surname too
    return j


def name_start(doc, c: int, start: int, taken: set[int], particles: set[str]) -> int:
    """The first token of a personal name that ends right before token ``c``: up to three name words read
    backwards, a hyphenated given name one word ("Lee Hye-hoon"), lowercase particles between words
    ("Ursula von der Leyen"); ``c`` when no name ends there."""
    n, words = c, 0
    while n > start and words < 3 and n - 1 not in taken:
        if n - 3 >= start and hyphen_tail(doc, n - 2, c) == n and is_name_token(doc[n - 3].text) \
                and not taken & {n - 3, n - 2}:
            n, words = n - 3, words + 1  # "Hye-hoon", "Quispe-Mamani"
            continue
        if is_name_token(doc[n - 1].text):
            n, words = n - 1, words + 1
            continue
        k = n
        while words and k > start and doc[k - 1].text in particles and n - k < 3:
            k -= 1
        if k < n and k > start and is_name_token(doc[k - 1].text) and k - 1 not in taken:
            n = k
            continue
        break
    return n


def lowercase_before(doc, a: int, lo: int, stops: set[str] | frozenset[str] = frozenset()) -> int:
    """The first of the lowercase words written right before the office at token ``a`` ("top nuclear
    negotiator", "the two deputy foreign ministers"), reading back no further than token ``lo`` and
    stopping at ``stops``."""
    k = a
    while k > lo and doc[k - 1].is_lower and doc[k - 1].is_alpha and doc[k - 1].lower_ not in stops:
        k -= 1
    return k
