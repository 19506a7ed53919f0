"""Acronyms of organizations the reference data does not know: "the BMA" is the British Medical Association.

Articles name an organization once in full and then by its initials, often
declared in parentheses ("the Nigeria Labour Congress (NLC)"), sometimes not
("The BMA has suspended …", the full name only in the notes to editors).  An
all-capital word is a mention of the organization or government body found
in the same article when it is the acronym written in parentheses right
after that body's name, or its initials (the capitalized words of its name,
"of", "for", "and" and "the" left out).  An acronym two bodies share stays
unread.  The acronym becomes the body's short name (``parley:shortName``),
which names the talks it is a party to ("Ethiopia–TPLF peace talks").
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...ontology.rules import load_rules
from ..context import ArticleContext, component
from ..facts import NewEntity
from ..iris import mint
from .organizations import back_reference_heads, head_words
from .people import add

ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
LINKS = {"of", "for", "and", "the", "de", "du", "des", "on", "in", "&"}
BODIES = {"Organization", "GovernmentBody", "Military"}


def initials(label: str) -> str:
    """ "British Medical Association" -> "BMA", "People's Solidarity for Participatory Democracy" -> "PSPD"."""
    return "".join(w[0].upper() for w in re.findall(r"[A-Za-z][\w'’.-]*", label) if w.lower() not in LINKS)


@component("acronyms")
def acronyms(ctx: ArticleContext) -> None:
    _spelled_out(ctx)
    bodies = {e.iri: e for e in ctx.entities.values() if e.type in BODIES}
    _back_references(ctx)
    if not bodies:
        return
    forms: dict[str, set[str]] = {}
    declared: set[str] = set()
    for e in bodies.values():
        form = initials(e.label)
        if len(form) >= 2:
            forms.setdefault(form, set()).add(e.iri)
    for m in ctx.mentions:
        if m.iri in bodies:  # "the Nigeria Employers' Consultative Association (NECA)"
            doc, end = ctx.sentences[m.sentence].span.doc, ctx.sentences[m.sentence].span.end
            if m.tok_end + 2 < end and doc[m.tok_end].text == "(" and doc[m.tok_end + 2].text == ")" \
                    and ACRONYM.match(doc[m.tok_end + 1].text):
                forms.setdefault(doc[m.tok_end + 1].text, set()).add(m.iri)
                declared.add(doc[m.tok_end + 1].text)
    known = {form: next(iter(iris)) for form, iris in forms.items() if len(iris) == 1}
    for form in sorted(declared):  # "(NECA)": its short name even when the text never uses it again
        if form in known:
            bodies[known[form]].short_name = bodies[known[form]].short_name or form
    for sent in ctx.sentences:
        text = sent.tokens.text
        hits = [i for i in range(sent.span.start, sent.span.end) if text[i] in known]
        if not hits:
            continue
        taken = {i for m in ctx.mentions_in(sent) for i in range(m.tok_start, m.tok_end)}
        for i in hits:
            if i in taken or (i > sent.span.start and text[i - 1] == "("):
                continue  # the declaration itself is part of the name's mention
            ent = bodies[known[text[i]]]
            ent.short_name = ent.short_name or text[i]
            add(ctx, ent, sent, i, i + 1, "body" if ent.type == "GovernmentBody" else "actor")


def _back_references(ctx: ArticleContext) -> None:
    """ "the Union" (or "the union") after "the Kenya Doctors Union": the one body of the article whose name
    has that head noun.  A head two bodies share refers to neither; "the union of …" is no back-reference."""
    named = {m.iri for m in ctx.mentions if m.type in BODIES}
    heads: dict[str, set[str]] = {}
    like: dict[str, set[str]] = {}  # "the union" after "United Auto Workers"
    for iri in named:
        ent = ctx.entity(iri)
        label = re.sub(r"\s*\([^()]*\)$", "", ent.label).split()
        words = [w for w in label if w in head_words()]
        if words:
            heads.setdefault(words[-1], set()).add(iri)
        for word, lasts in _union_like().items():
            if label and label[-1] in lasts:
                like.setdefault(word, set()).add(iri)
    for word, iris in like.items():
        heads.setdefault(word, iris)  # a body named with the head itself comes first
    if not heads:
        return
    lower = back_reference_heads()
    for sent in ctx.sentences:
        end, text, low = sent.span.end, sent.tokens.text, sent.tokens.lower
        for i in range(sent.span.start + 1, end):
            word = text[i] if text[i] in heads else text[i].title() if text[i] in lower else None
            if word not in heads or len(heads[word]) != 1 or low[i - 1] != "the" \
                    or i + 1 < end and (low[i + 1] == "of" or text[i + 1][:1].isupper()):
                continue
            here = [m for m in ctx.mentions_in(sent) if m.tok_start <= i < m.tok_end]
            if any(m.reading != "group" for m in here):
                continue  # part of a name already read
            for m in here:
                ctx.mentions.remove(m)  # "the Union" is that union, not unions in general
            iri = next(iter(heads[word]))
            ent = ctx.entity(iri)
            add(ctx, NewEntity(iri, ent.type, ent.label), sent, i, i + 1,
                "body" if ent.type == "GovernmentBody" else "actor")


NAME_RUN = re.compile(r"(?<![\w.'’-])(?:[A-Z][\w'’&-]*)(?:\s+(?:of|for|and|the|&)?\s*[A-Z][\w'’&-]*){1,5}")


@lru_cache(maxsize=1)
def _not_body_heads() -> frozenset[str]:
    """Last words of names that are no organization: ``not_body_heads`` (names.json), agreement nouns and forum
    heads (negotiation.json)."""
    rules = load_rules()
    neg = rules.data("negotiation.json")
    words = [*rules.data("names.json")["not_body_heads"], *neg["agreement_nouns"], *neg["forum_heads"]["meetings"],
             *neg["forum_heads"]["bodies"]]
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=1)
def _union_like() -> dict[str, frozenset[str]]:
    """Capitalized head -> last words of names it may also refer back to (``back_reference_names`` in
    names.json): "the union" is the "United Auto Workers" or the "Nurses Association" when no Union is named."""
    table = load_rules().data("names.json").get("back_reference_names", {})
    return {head: frozenset(words) for head, words in table.items()}


def _spelled_out(ctx: ArticleContext) -> None:
    """ "United Auto Workers" in an article that says "UAW", "General Motors" beside "GM": a capitalized name
    whose initials are an acronym the article uses, and that nothing else reads, is an organization."""
    used = {t for sent in ctx.sentences for t in sent.tokens.text[sent.span.start:sent.span.end] if ACRONYM.match(t)}
    known = {m.text for m in ctx.mentions}
    used -= known
    if not used:
        return
    found: dict[str, tuple[str, object, int, int]] = {}
    for sent in ctx.sentences:
        for m in NAME_RUN.finditer(sent.text):
            name = re.sub(r"^The\s+", "", m.group())
            if name.isupper() or name.split()[-1].lower() in _not_body_heads():
                continue  # "ANNA MORLEY:" (a transcript's speaker), "Line of Actual Control", "Permanent Indus Commission"
            form = initials(name)
            a = sent.start + m.end() - len(name)
            if form in used and form not in found and not any(x.start < sent.start + m.end() and a < x.end
                                                              and x.reading != "group" for x in ctx.mentions_in(sent)):
                found[form] = (name, sent, a, sent.start + m.end())
    for form, (name, sent, a, b) in sorted(found.items()):
        iri = mint("organization", name)
        toks = sent.token_range(a - sent.start, b - sent.start)
        if ctx.lexicon.reference.get(iri) is not None or not toks:
            continue
        for x in [x for x in ctx.mentions_in(sent) if x.start < b and a < x.end]:
            ctx.mentions.remove(x)  # the "Workers" of "United Auto Workers" are not workers in general
        ent = ctx.entities.setdefault(iri, NewEntity(iri, "Organization", name, short_name=form))
        add(ctx, ent, sent, toks[0], toks[-1] + 1, "actor")

