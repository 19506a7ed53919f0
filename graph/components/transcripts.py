"""Speaker turns of broadcast transcripts as quotations.

Radio and television transcripts ("AM", "PM", KBS, NPR) print each turn as
``SPEAKER NAME: what they said``.  The turns of the people the story is about
are their words, verbatim; the anchor's and reporter's turns are the outlet's
own narration.  A turn is a quotation when its speaker is a person the
article names in its running text ("Trade Minister Don Farrell walked out …"
then "DON FARRELL: We came here …"), or an anonymous speaker
("EU OFFICIAL (voiced by actor): …"); a name never mentioned outside its own
turn labels is a presenter.  Only an article with at least two such turns is
read as a transcript.
"""
from __future__ import annotations

import re

from ..context import ArticleContext, component
from ..facts import NewEntity
from ..iris import mint
from ..speakers import Speaker
from .speech import sentence_at, add_statement

# "DON FARRELL: …", "EU OFFICIAL (voiced by actor): …", "CHO MYOUNG-GYON, South Korean Unification Minister (through
# interpreter): …" (a title after the name makes the speaker an interviewee even if the story never names them)
TURN = re.compile(r"^[ \t]*(?P<who>[A-Z][A-Z.'’\- ]{1,40}[A-Z.])(?:,[ \t]+(?P<title>[^:()\n]{2,80}?))?"
                  r"(?:[ \t]*\([^)\n]*\))?:[ \t]+(?P<said>\S[^\n]*)$", re.M)
OUTLET_ROLES = {"BYLINE", "HOST", "ANCHOR", "CORRESPONDENT", "REPORTER", "PRESENTER", "NEWSREADER"}
ANONYMOUS = {"OFFICIAL", "SPOKESPERSON", "SPOKESMAN", "SPOKESWOMAN", "DIPLOMAT", "SOURCE", "NEGOTIATOR", "PROTESTER"}
ACRONYM = re.compile(r"^[A-Z]{2,3}$")


def _label(who: str) -> str:
    """ "DON FARRELL" -> "Don Farrell"; "EU OFFICIAL" -> "EU official"."""
    words = who.split()
    if words[-1] in ANONYMOUS:
        return " ".join(w if ACRONYM.match(w) else w.lower() for w in words)
    return " ".join(w.capitalize() if not ACRONYM.match(w) or len(words) > 1 else w for w in words)


@component("turns")
def turns(ctx: ArticleContext) -> None:
    text = ctx.cleaned.text
    found = list(TURN.finditer(text))
    if len(found) < 2:
        return
    label_spans = [(m.start("who"), m.start("said")) for m in found]
    people: dict[str, str] = {}
    for m in ctx.mentions:
        if m.type == "Person" and not any(a <= m.start < b for a, b in label_spans):
            ent = ctx.entity(m.iri)
            for name in {m.text, ent.label if ent else m.text}:
                people.setdefault(name.lower(), m.iri)
    staff = {w for m in found if (m.group("title") or "").strip().upper() in OUTLET_ROLES
             for w in (_label(m.group("who")).lower(), _label(m.group("who")).split()[-1].lower())}
    for m in found:
        label = _label(m.group("who"))
        if label.lower() in staff:
            continue  # "NADIA HAIDAR, BYLINE:", then "HAIDAR:": the outlet's own reporter
        iri = people.get(label.lower())
        if iri is None and m.group("title") and not m.group("title").isupper():  # not "NADIA HAIDAR, BYLINE:"
            iri = _titled_speaker(ctx, label, m)
        if iri is None and m.group("who").split()[-1] not in ANONYMOUS:
            continue  # a presenter or reporter
        said = m.group("said").rstrip()
        a, b = m.start("said"), m.start("said") + len(said)
        sent = sentence_at(ctx, a)
        if sent is not None and len(said.split()) >= 2:
            add_statement(ctx, Speaker(iri, label), said.rstrip(".").strip('"“”'), a, b, sent)


def _titled_speaker(ctx: ArticleContext, label: str, m: re.Match) -> str:
    """The person a titled turn label names ("RI SON-GWON, North Korean chief delegate"), held by the country
    named in the title."""
    a, b = m.start("title"), m.end("title")
    country = next((x.iri for x in ctx.mentions if x.type == "Country" and a <= x.start and x.end <= b), None)
    iri = mint("person", label)
    if ctx.lexicon.reference.get(iri) is None:
        ctx.entities.setdefault(iri, NewEntity(iri, "Person", label, title=m.group("title").strip(),
                                               affiliation=country, country=country))
    return iri

