"""Who says or claims what: speakers of reported speech and claimants of figures.

Shared by the quantities, stances and quotes components.  A speaker is the
actor mention that is the subject of a speech verb ("Kang said", "said a
senior official", "Lee Hye-hoon, who chairs the committee, told reporters");
a pronoun subject ("he said") is the last speaker named in the article.  A
claimant is the speaker of the sentence, the source after "according to", or
the hedge a rule file names ("reportedly" -> media reports).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .context import ArticleContext, Hit
from .coref import referent
from .facts import Mention
from .nlp import Sentence

SPEAKER_READINGS = {"actor", "person", "anon", "group", "body", "demonym"}
GAP_WORDS = {"has", "have", "had", "also", "later", "then", "further", "again", "previously", "earlier", "repeatedly",
             "recently", "reportedly", "publicly", "separately", "privately", "would", "will", "is", "are", "was", "were",
             "had", "reportedly", "once", "both", "all", "themselves", "himself", "herself"}
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
AFTER_SPEAKER = {"of", "in", "on", "at", "who", "whose", "told", "to", "during", "after", "before", "when", "while", "as", "in", "from"}
NEGATION = {"not", "n't", "never", "no"}
BOUNDARY = {",", ";", ":", "(", ")", "\"", "“", "”", "and", "but", "that", "which", "while", "as", "because", "--", "—", "–"}


@dataclass
class Speaker:
    """A speaker or claimant: an entity IRI when known, else the words that name it."""

    iri: str | None
    text: str
    mention: Mention | None = None


def speech_hits(ctx: ArticleContext, sent: Sentence, kind: str = "verb") -> list[Hit]:
    """Speech-verb (``kind="verb"``) or source-cue (``"source"``) hits of a sentence.

    A hit inside a name is not a verb: the "States" of "United States" is not
    "states", nor the "Says" of a title.
    """
    names = [(m.tok_start, m.tok_end) for m in ctx.mentions_in(sent)]
    return [h for h in ctx.hits(sent, "cue") if ("speech", kind) in ctx.lexicon.cue_values[h.key]
            and not any(a <= h.tok_start and h.tok_end <= b for a, b in names)]


def hedge(ctx: ArticleContext, sent: Sentence, before: int | None = None) -> tuple[Speaker, int] | None:
    """A hedge such as "reportedly" or "official figures" names an unnamed claimant (with its token)."""
    found = []
    for h in ctx.hits(sent, "cue"):
        for family, value in ctx.lexicon.cue_values[h.key]:
            if family == "hedge":
                found.append((Speaker(None, value), h.tok_start))
    if before is not None and any(t < before for _, t in found):
        found = [f for f in found if f[1] < before]
        return max(found, key=lambda f: f[1])
    return found[0] if found else None


def _mentions(ctx: ArticleContext, sent: Sentence) -> list[Mention]:
    return [m for m in ctx.mentions_in(sent) if m.reading in SPEAKER_READINGS]


def speaker_at(ctx: ArticleContext, sent: Sentence, verb: Hit) -> Speaker | None:
    """The subject of the speech verb ``verb``: before it, after it, or a pronoun."""
    doc = sent.span.doc
    ms = _mentions(ctx, sent)
    # before the verb, over auxiliaries and adverbs, or over an appositive between commas
    best = None
    for m in ms:
        if m.tok_end > verb.tok_start:
            continue
        gap = [t for t in doc[m.tok_end:verb.tok_start]]
        words = [t.lower_ for t in gap]
        plain = all(w in GAP_WORDS for w in words) and len(words) <= 3
        appositive = len(words) >= 2 and words[0] == "," and words[-1] == "," and len(words) <= 16 \
            and not PRONOUNS & set(words)  # ", he announced a halt …, calling": a clause with its own subject
        # "Iran's chief negotiator, Deputy Foreign Minister Abbas Araqchi, said": the name closes an appositive
        appositive = appositive or (words == [","] and any(t.text == "," for t in doc[max(sent.span.start, m.tok_start - 5):m.tok_start]))
        if plain or appositive:
            if best is None or m.tok_end > best.tok_end or (m.tok_end == best.tok_end and m.tok_start < best.tok_start):
                best = m
    if best is not None:
        return Speaker(best.iri, best.text, best)
    relative = _relative_antecedent(sent, ms, verb.tok_start)
    if relative is not None:
        return Speaker(relative.iri, relative.text, relative)
    before_verb = doc[verb.tok_start - 1].lower_ if verb.tok_start - 1 > sent.span.start else ""
    if (before_verb == "," and doc[verb.tok_start].lower_.endswith("ing")) or before_verb in {"and", "but"}:
        # "Ortagus disputed his account, saying …" / "Jeong called it fair and said …": the clause's subject speaks
        subject = _clause_subject(ctx, sent, verb.tok_start)
        if subject is not None:
            return Speaker(subject.iri, subject.text, subject)
    # after the verb: "said Kang", "said a senior official"; after "told" comes the listener
    listener = ("speech", "to_listener") in ctx.lexicon.cue_values.get(verb.key, [])
    for m in sorted(ms, key=lambda m: m.tok_start) if not listener else []:
        nxt = doc[m.tok_end].lower_ if m.tok_end < sent.span.end else "."
        if nxt not in AFTER_SPEAKER and not doc[m.tok_end].is_punct:
            continue  # "believe South Korea should pay": the subject of the complement, not the speaker
        if 0 <= m.tok_start - verb.tok_end <= 3 and all(t.lower_ in {"a", "an", "the", "one", "senior", "top"} or t.is_title
                                                        for t in doc[verb.tok_end:m.tok_start]):
            return Speaker(m.iri, m.text, m)
    prev = doc[verb.tok_start - 1] if verb.tok_start > sent.span.start else None
    if before_verb == "as":  # "Yonhap quoted a senior official as saying": the one quoted speaks
        quoted = _quoted_as(ctx, sent, verb.tok_start - 1)
        if quoted is not None:
            return quoted
    if prev is not None and prev.lower_ in {"he", "she"}:
        # "Borrell put forward a text that he described as …": the person the clause is about
        subject = _clause_subject(ctx, sent, verb.tok_start - 1)
        if subject is not None and subject.type == "Person":
            return Speaker(subject.iri, subject.text, subject)
    if prev is not None and prev.lower_ in PRONOUNS:
        spoke = next((i for i in range(sent.index - 1, -1, -1) if ctx.speakers.get(i) is not None and ctx.speakers[i].iri), None)
        last = ctx.speakers[spoke] if spoke is not None else None
        m = referent(ctx, sent, prev.i)
        if m is not None and (last is None or m.sentence > spoke or _disagrees(prev.lower_, last)):
            # "he said" after a country spoke, or after a person was named since the last speaker: that person
            return Speaker(m.iri, m.text, m)
        if last is not None:
            return last
    definite = _definite(ctx, sent, verb.tok_start)
    if definite is not None:
        return definite
    phrase = _phrase_before(sent, verb.tok_start)
    if phrase:
        return Speaker(None, _both_sides(ctx, phrase) or phrase)
    return None


def _relative_antecedent(sent: Sentence, ms: list[Mention], tok: int) -> Mention | None:
    """"Donald Trump, the Republican nominee, who has said …": "who" (over auxiliaries) before the verb
    at ``tok`` stands for the person named before it, across one aside; else the nearest actor."""
    doc = sent.span.doc
    k = tok - 1
    while k > sent.span.start and doc[k].lower_ in RELATIVE_GAP:
        k -= 1
    if k <= sent.span.start or doc[k].lower_ != "who" or doc[k - 1].text != ",":
        return None
    before = [m for m in ms if m.tok_end <= k - 1 and k - 1 - m.tok_end <= 12]
    people = [m for m in before if m.type == "Person"]
    pick = people or before
    return max(pick, key=lambda m: (m.tok_end, -m.tok_start)) if pick else None


def _disagrees(pronoun: str, last: Speaker) -> bool:
    """"he"/"she" cannot be a country or a ministry, nor "it" a person."""
    if last.mention is None:
        return False
    person = last.mention.type == "Person"
    return (pronoun in {"he", "she"} and not person) or (pronoun == "it" and person)


AUXILIARIES = {"would", "will", "be", "been", "is", "are", "was", "were", "has", "have", "had", "can", "could", "should",
               "may", "might", "must", "shall"}  # "the names would be announced": a clause, not a speaker
RELATIVE_GAP = AUXILIARIES | {"also", "repeatedly", "previously", "often", "once"}  # "who has also said"
QUOTING = {"quoted", "quoting", "quotes", "cited", "citing", "cites"}


def _quoted_as(ctx: ArticleContext, sent: Sentence, as_tok: int) -> Speaker | None:
    """The speaker between "quoted" and "as saying": a mention ending right there, else the words."""
    doc = sent.span.doc
    k = next((i for i in range(as_tok - 1, max(sent.span.start, as_tok - 9) - 1, -1) if doc[i].lower_ in QUOTING), None)
    if k is None or k + 1 >= as_tok:
        return None
    found = [m for m in _mentions(ctx, sent) if m.tok_end == as_tok and m.tok_start > k]
    if found:
        m = min(found, key=lambda m: m.tok_start)
        return Speaker(m.iri, m.text, m)
    words = [t for t in doc[k + 1:as_tok] if t.lower_ not in {"a", "an", "the"}]
    return Speaker(None, doc[words[0].i:as_tok].text) if words else None


BOTH_SIDES = {"two sides", "both sides", "two countries", "both countries", "two governments", "both governments",
              "two allies", "both allies", "allies", "two nations", "both nations", "two delegations", "both delegations"}


def negotiation_parties(ctx: ArticleContext) -> list[str]:
    """IRIs of the parties of the article's negotiation (empty before the negotiation is found)."""
    neg = next((f for f in ctx.facts if f.kind == "negotiation"), None)
    return list(neg.props.get("party", [])) if neg is not None else []


def _both_sides(ctx: ArticleContext, phrase: str) -> str | None:
    """"the two sides said": the parties of the article's negotiation, by name ("India and China")."""
    if phrase.lower() not in BOTH_SIDES:
        return None
    ents = [ctx.entity(p) for p in negotiation_parties(ctx)]
    labels = [e.label for e in ents if e is not None]
    return " and ".join(labels) if len(labels) == 2 else None


def _clause_subject(ctx: ArticleContext, sent: Sentence, tok: int) -> Mention | None:
    """The first person or actor of the sentence before ``tok`` that no preposition governs."""
    doc = sent.span.doc
    ms = _mentions(ctx, sent)
    for m in sorted(ms, key=lambda m: m.tok_start):
        if m.tok_end > tok:
            break
        k = m.tok_start - 1
        if k >= sent.span.start and doc[k].lower_ in {"the", "a", "an"}:
            k -= 1
        if k >= sent.span.start and doc[k].lower_ in {"of", "in", "at", "to", "from", "with", "by", "for", "on", "after", "before"}:
            continue
        if m.reading == "demonym" or (m.tok_end < sent.span.end and doc[m.tok_end].lower_ in {"'s", "’s"}) \
                or any(0 <= o.tok_start - m.tok_end <= 2 and o is not m and o.type == "Person"
                       and all(t.lower_ in ctx.lexicon.title_words for t in doc[m.tok_end:o.tok_start]) for o in ms):
            continue  # a modifier of the speaker's title: "State Department spokeswoman Morgan Ortagus", "Japan's envoy"
        return m
    return None


def _definite(ctx: ArticleContext, sent: Sentence, tok: int) -> Speaker | None:
    """"the official said", "the ministry added": the last person or body named earlier with that head word."""
    doc = sent.span.doc
    a = tok - 1
    while a > sent.span.start and tok - a <= 5 and doc[a - 1].lower_ not in {"the", "this"} and (doc[a - 1].is_alpha or doc[a - 1].text in {".", "-"} or doc[a - 1].text.endswith(".")):
        a -= 1
    if a <= sent.span.start or doc[a - 1].lower_ not in {"the", "this"} or tok - 1 < sent.span.start:
        return None
    head = doc[tok - 1].lower_
    earlier = [m for m in ctx.mentions if (m.reading in {"anon", "person", "body"} or m.reading == "actor"
                                           and m.type in {"Person", "Organization", "GovernmentBody"}) and m.sentence <= sent.index
               and (m.text.lower().split()[-1] == head or head in ((ctx.entities.get(m.iri).title or "").lower().split()
                                                                   if ctx.entities.get(m.iri) else []))]
    if not earlier:
        return None
    m = max(earlier, key=lambda m: (m.sentence, m.tok_start))
    return Speaker(m.iri, m.text, m)


def _phrase_before(sent: Sentence, tok: int) -> str | None:
    """The words naming an unknown speaker: "people familiar with the talks said" -> that phrase."""
    doc = sent.span.doc
    a = tok
    while a > sent.span.start and doc[a - 1].text not in BOUNDARY and tok - a < 7:
        a -= 1
    words = [t for t in doc[a:tok] if t.lower_ not in GAP_WORDS | NEGATION]
    if not words or words[0].lower_ in PRONOUNS or words[-1].lower_ in PRONOUNS:
        return None
    if words[0].lower_ in {"the", "a", "an", "some", "several", "two", "three"}:
        words = words[1:]
    if not words:
        return None  # "the said": a determiner alone names no one
    if any((t.lower_.endswith("ed") and t.is_lower and len(t) > 4) or t.lower_ in AUXILIARIES for t in words):
        return None  # "Seoul rejected the request, saying ...": a clause, not a speaker's name
    text = sent.tokens.doc_text[words[0].idx:words[-1].idx + len(words[-1].text)]
    return text if 1 <= len(words) <= 6 and any(t.is_alpha for t in words) else None


def sentence_speaker(ctx: ArticleContext, sent: Sentence) -> Speaker | None:
    """The speaker of a sentence's reported speech, if it has a speech verb (computed by the speakers component)."""
    if sent.index in ctx.speakers:
        return ctx.speakers[sent.index]
    return find_speaker(ctx, sent)


def find_speaker(ctx: ArticleContext, sent: Sentence, before: int | None = None) -> Speaker | None:
    """The speaker of the speech verb nearest before token ``before`` (any verb when None); a named one first."""
    hits = speech_hits(ctx, sent)
    if before is not None:
        prior = [h for h in hits if h.tok_start < before]
        hits = sorted(prior, key=lambda h: -h.tok_start) or hits
    found = [sp for sp in (speaker_at(ctx, sent, h) for h in hits) if sp is not None]
    if before is not None:
        return found[0] if found else None
    return next((sp for sp in found if sp.iri), found[0] if found else None)


def according_to(ctx: ArticleContext, sent: Sentence) -> Speaker | None:
    """The source after "according to" / "citing": an entity mention or the phrase up to punctuation."""
    doc = sent.span.doc
    for h in speech_hits(ctx, sent, "source"):
        ms = [m for m in _mentions(ctx, sent) if 0 <= m.tok_start - h.tok_end <= 3]
        if ms:
            m = min(ms, key=lambda m: (m.tok_start, -m.tok_end))
            return Speaker(m.iri, m.text, m)
        words = []
        for t in doc[h.tok_end:sent.span.end]:
            if t.text in BOUNDARY or t.is_punct or len(words) >= 6:
                break
            words.append(t.text)
        if words and words[0].lower() in {"the", "a", "an"}:
            words = words[1:]
        if words:
            return Speaker(None, " ".join(words))
    return None


def claimant(ctx: ArticleContext, sent: Sentence, at: int | None = None) -> Speaker | None:
    """Who a figure at token ``at`` of ``sent`` is attributed to: a source, the nearest speaker before it, or a hedge.

    A hedge inside the speaker's clause ("official figures ... maintain") names the claimant better than
    a country mentioned in it.
    """
    src = according_to(ctx, sent)
    if src is not None:
        return src
    sp = find_speaker(ctx, sent, at) if at is not None else sentence_speaker(ctx, sent)
    hd = hedge(ctx, sent, before=at)
    if sp is not None and hd is not None and sp.mention is not None and hd[1] < sp.mention.tok_end:
        between = sent.span.doc[hd[1]:sp.mention.tok_start].text
        if not re.search(r"\b(?:but|while|whereas|although|though)\b|;", between):
            return hd[0]
    if sp is not None:
        return sp
    return hd[0] if hd else None


def country_of(ctx: ArticleContext, iri: str | None) -> str | None:
    """The country an anonymous speaker, body or person speaks for (itself for a country)."""
    seen = set()
    while iri and iri not in seen:
        seen.add(iri)
        ent = ctx.entity(iri)
        if ent is None:
            return None
        if ent.type == "Country":
            return iri
        iri = getattr(ent, "country", None) or getattr(ent, "affiliation", None)
    return None
