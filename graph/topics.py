"""Stance topics: the short phrase a stance is about, read off the tokens after its cue.

A topic is the object phrase after the cue, trimmed to what an analyst would
write in a table cell ("a separate arrangement for workers' wages", not the
rest of the sentence):

* quotation marks inside it are transparent ("a deal beyond "a reasonable
  level"" keeps its quoted part);
* a clause boundary, a date ("… on Monday") or a place ("… near the
  hotel") ends it, and a phrase that is only a date or a place is no topic;
* the addressee of a control verb is dropped: "urged the government to hold
  firm" is about holding firm, "wanted Seoul to shoulder a greater share"
  about shouldering a greater share (addressee nouns are data:
  ``negotiation.json``'s ``addressee_nouns``);
* coordinated objects become separate topics: "a drastic increase as well as
  a new category of costs" is two demands;
* an object-relative clause points back: in "an idea Washington turned
  down" the topic is the noun phrase before the agent.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Token

from ..ontology.rules import load_rules
from .nlp import Sentence

QUOTES = {"\"", "“", "”", "‘", "’", "'", "``", "''"}
STOP_TOPIC = {",", ";", ":", ".", "(", ")", "--", "—", "–", "but", "while", "which", "who", "because", "since", "saying",
              "despite", "amid", "during", "after", "before", "when", "although", "though", "whereas", "said", "says", "so",
              "whereby", "unless"}
SKIP_LEAD = {"to", "that", "for", "on", "with", "against", "the", "a", "an", "its", "their", "his", "her", "our", "any", "what",
             "calls", "call", "demands", "proposals", "as", "it", "them", "this", "these", "those", "about", "strongly", "firmly"}
TRAILING = {"the", "a", "an", "of", "to", "for", "and", "or", "in", "on", "with", "that", "by", "at", "its", "their", "as", "from",
            "under", "through", "into", "over", "about", "outright", "flatly", "firmly", "entirely", "completely", "again",
            "now", "too", "also", "publicly", "formally", "immediately"}
AS_KEEPS = {"much", "many", "soon", "long", "far", "high", "well", "such", "same", "low", "little", "few", "twice", "times", "half"}
REASONS = {"grounds", "because", "since", "citing"}  # what follows gives a reason, not the object
TIME_LEADS = {"on", "last", "this", "next", "earlier", "later"}
VERB_GROUP = {"has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "should", "may", "might",
              "must", "did", "does", "do", "said", "says"}  # "opposes the measures and has called a strike": a new verb
DETERMINERS = {"a", "an", "the", "its", "their", "his", "her", "our", "any", "this", "that", "these", "those", "some"}
MAX_TOPIC = 9
DEAL_NOUNS = {"agreement", "deal", "accord", "pact", "arrangement", "memorandum", "treaty"}  # say little without "for …"
POSITION_NOUNS = {"position", "view", "stance", "argument", "demand", "insistence", "belief", "claim", "line"}


@lru_cache(maxsize=1)
def time_words() -> frozenset[str]:
    """Words that, after "on", "last", "this" or "next", start a time expression, not more of the topic."""
    t = load_rules().data("time.json")
    return frozenset(w.lower() for w in [*t["weekdays"], *t["months"], "week", "month", "year", "weekend", "today", "tomorrow"])


@lru_cache(maxsize=1)
def _shape_words() -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, ...], ...]]:
    """(addressee nouns, locative leads, channel phrases as word tuples) from ``negotiation.json``."""
    neg = load_rules().data("negotiation.json")
    return (frozenset(w.lower() for w in neg["addressee_nouns"]), frozenset(w.lower() for w in neg["locative_leads"]),
            tuple(tuple(p.lower().split()) for p in neg["channel_phrases"]))


def span_text(sent: Sentence, words: list[Token]) -> str:
    """The tokens' text as written (no spaces added around "-" or "$"), quotation marks between them dropped."""
    words = [t for t in words if t.text not in QUOTES]
    text = sent.tokens.doc_text
    out = [words[0].text]
    for prev, t in zip(words, words[1:]):
        gap = text[prev.idx + len(prev.text):t.idx]
        out.append((" " if any(c.isspace() for c in gap) else "") + t.text)
    return "".join(out)


def topics(sent: Sentence, b: int, actors: list[tuple[int, int]], stops: frozenset[int] = frozenset()) -> list[str]:
    """The topics of the cue ending at token ``b``: none, one, or one per coordinated object.

    ``actors`` are the token spans of the sentence's actor mentions (to
    recognize "urged Seoul to …"); ``stops`` the tokens where another
    clause's verb starts ("a group opposed to the deal [held] a rally").
    """
    words = _object_tokens(sent, b, stops, actors)
    words = _drop_addressee(words, actors)
    words = _drop_clause_subject(sent, b, words, actors)
    out = []
    for part in _coordinated(words):
        part = part[:MAX_TOPIC]
        while part and (part[-1].lower_ in TRAILING or part[-1].text in QUOTES):
            part.pop()
        while part and (part[0].lower_ in SKIP_LEAD or part[0].text in QUOTES):
            part = part[1:]
        if _meaningful(part):
            out.append(span_text(sent, part))
    return out


def antecedent(sent: Sentence, agent_start: int) -> str | None:
    """The noun phrase an object-relative clause hangs on: "an idea [Washington turned down]" -> "idea".

    ``agent_start`` is the first token of the clause's agent; the phrase is
    read backwards from the token before it to its determiner (at most five
    words), and only when it ends in a lower-case noun-like word.
    """
    doc = sent.span.doc
    k = agent_start - 1
    if k < sent.span.start or not doc[k].is_alpha or not doc[k].is_lower or doc[k].lower_ in TRAILING | SKIP_LEAD:
        return None
    words = [doc[k]]
    while k - 1 >= sent.span.start and len(words) < 5:
        prev = doc[k - 1]
        if prev.lower_ in DETERMINERS:
            break
        if prev.is_punct or prev.lower_ in STOP_TOPIC or prev.lower_ in TRAILING:
            return None
        words.insert(0, prev)
        k -= 1
    else:
        return None
    return span_text(sent, words)


def _object_tokens(sent: Sentence, b: int, stops: frozenset[int], actors: list[tuple[int, int]]) -> list[Token]:
    doc = sent.span.doc
    _, locative, channels = _shape_words()
    i = b
    while i < sent.span.end and (doc[i].lower_ in SKIP_LEAD or doc[i].lower_ in time_words() or doc[i].text in QUOTES
                                 or doc[i].lower_ in TIME_LEADS and i + 1 < sent.span.end
                                 and doc[i + 1].lower_ in time_words()):
        i += 1  # "agreed on Tuesday that Tokyo will ...", "proposed last month that …": the date is not the topic
    if i + 1 < sent.span.end and doc[i].lower_ in POSITION_NOUNS and doc[i + 1].lower_ == "that":
        i += 2  # "stuck to its position that …": the that-clause is the topic
    if i < sent.span.end and doc[i].lower_ in locative:
        return []  # "staged a protest near the hotel": a place, not what the protest is about
    if i < sent.span.end and doc[i].lower_ in REASONS:
        return []  # "a request Seoul has refused on the grounds that …": a reason, not what was refused
    clause = any(doc[k].lower_ == "that" for k in range(b - 1, i))  # "proposed that the two governments sign …"
    ahead = next((y for x, y in actors if x == i), None)
    if not clause and i == b and ahead is not None and ahead < sent.span.end \
            and doc[ahead].lower_ in VERB_GROUP - {"said", "says"}:
        return []  # "a request Seoul has refused": a relative clause, not what was requested
    words: list[Token] = []
    quoted = False
    while i < sent.span.end and len(words) < 2 * MAX_TOPIC:
        t = doc[i]
        if t.text in QUOTES:
            quoted = not quoted
            i += 1
            continue
        if t.text == "(" and i + 2 < sent.span.end and doc[i + 2].text == ")" and doc[i + 1].text.isupper():
            i += 3  # "the Special Measures Agreement (SMA) framework": an acronym in passing
            continue
        if quoted and not (t.is_punct and t.text in {".", ",", ";", ":", "?", "!"}):
            words.append(t)  # a quoted phrase is kept whole: "a deal beyond "a reasonable and fair level""
            i += 1
            continue
        if t.lower_ in STOP_TOPIC or (t.lower_ == "and" and len(words) >= 3 and not _determined(doc, i + 1, sent)) \
                or (t.lower_ == "and" and words and i + 1 < sent.span.end and doc[i + 1].lower_ in VERB_GROUP) \
                or t.is_punct and t.text not in {"-", "$", "%", "'s", "’s"}:
            break
        if words and i in stops and doc[i - 1].lower_ not in {"to", "'s", "’s"} | DETERMINERS and not _actor_span(words, actors) \
                and not _noun_head(sent, i):
            if not clause:
                break  # another clause's verb (not the verb of "to …" or of a clause's subject)
            clause = False  # the that-clause's own verb: "that the two governments sign a separate arrangement"
        if words and _channel(doc, i, sent, channels):
            break  # "… in a statement"
        if words and t.lower_ == "as" and words[-1].lower_ not in AS_KEEPS and doc[i + 1:i + 2].text.lower() != "well":
            break  # "denounced the deal as a surrender", "a conclusion as soon as possible"
        if words and t.lower_ in TIME_LEADS and i + 1 < sent.span.end and doc[i + 1].lower_ in time_words():
            j = i + 1
            while j < sent.span.end and doc[j].lower_ in time_words():
                j += 1
            if j < sent.span.end and doc[j].lower_ in {"for", "on", "over"} and all(
                    w.lower_ in DETERMINERS or w.lower_ in DEAL_NOUNS for w in words):
                i = j  # "signed an agreement on Friday for a bilateral ceasefire": what the deal is for
                continue
            break  # "rejected the proposal on Monday": the date is the stance's, not its topic's
        if words and t.lower_ in locative and len(words) >= 2 and i + 1 < sent.span.end and doc[i + 1].lower_ in DETERMINERS:
            break  # "… the increase outside the ministry": where, not what
        if words and t.lower_ == "at" and any(w.lower_ in _venue_heads() for w in doc[i + 1:min(i + 6, sent.span.end)]):
            break  # "initialed the document at the foreign ministry building"
        words.append(t)
        i += 1
    return words


NOUN_NEXT = {"of", "for", "on", "to", "from", "with", "at", "by", "in", "and", "or"}


def _noun_head(sent: Sentence, i: int) -> bool:
    """A cue word that ends the noun phrase it is in ("the government's new offer.", "the N60,000 offer
    on Friday"), not another clause's verb: lower case, not an -ed or -ing form, after a lower-case word
    or a figure, and followed by the sentence's end, punctuation or a preposition."""
    doc = sent.span.doc
    t, prev = doc[i], doc[i - 1]
    if not t.is_lower or t.lower_.endswith(("ed", "ing")) or not (prev.is_lower or prev.like_num or prev.is_currency
                                                                  or any(c.isdigit() for c in prev.text)):
        return False
    if prev.lower_ in NOT_VERBS | MODALS | SUBJECT_PRONOUNS | {"not", "n't", "also"}:
        return False  # "… and offer", "would offer", "they offer": a verb
    return i + 1 >= sent.span.end or doc[i + 1].is_punct or doc[i + 1].lower_ in NOUN_NEXT | STOP_TOPIC


def _actor_span(words: list[Token], actors: list[tuple[int, int]]) -> bool:
    """The words are one actor mention, with at most a determiner before it."""
    first = words[0].i + (words[0].lower_ in DETERMINERS)
    return any(s <= first and e == words[-1].i + 1 for s, e in actors)


NOT_VERBS = {"and", "or", "is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "should"}
SUBJECT_PRONOUNS = {"it", "they", "we", "he", "she", "i", "you"}
MODALS = {"should", "would", "will", "must", "shall", "can", "could", "to"}


def _drop_clause_subject(sent: Sentence, b: int, words: list[Token], actors: list[tuple[int, int]]) -> list[Token]:
    """"demanded that Washington offer new concessions" -> "offer new concessions": the subject of a
    that-clause after the cue (an actor, or a determiner and an addressee noun) is not the topic."""
    doc = sent.span.doc
    if not words or "that" not in {t.lower_ for t in doc[max(sent.span.start, b - 1):words[0].i]}:
        return words
    addressees, _, _ = _shape_words()
    pronoun = doc[words[0].i - 1].lower_ in SUBJECT_PRONOUNS  # "that it should …": "it" was skipped already
    for j in range(0 if pronoun else 1, min(5, len(words))):
        if j == 0 or (j == 1 and words[0].lower_ in SUBJECT_PRONOUNS) or _actor_span(words[:j], actors) \
                or (j <= 2 and (words[j - 1].lower_ in addressees or words[j - 1].lower_ in _talk_nouns())):
            rest = words[j:]
            while rest and rest[0].lower_ in MODALS:
                rest = rest[1:]
            if rest and rest[0].lower_ == "be" and len(rest) > 2:
                rest = rest[1:]  # "that it should be within the framework" -> "within the framework"
            if rest and rest[0].is_alpha and rest[0].is_lower:
                return rest
    return words


@lru_cache(maxsize=1)
def _venue_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in load_rules().data("negotiation.json")["venue_heads"]) | {"building", "compound"}


@lru_cache(maxsize=1)
def _talk_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in load_rules().data("negotiation.json")["talk_nouns"])


def _channel(doc, i: int, sent: Sentence, channels: tuple[tuple[str, ...], ...]) -> bool:
    first = doc[i].lower_
    return any(c[0] == first and tuple(t.lower_ for t in doc[i:min(i + len(c), sent.span.end)]) == c for c in channels)


def _determined(doc, i: int, sent: Sentence) -> bool:
    """A determiner starts a second noun phrase at ``i``: "X and a new Y"."""
    return i < sent.span.end and doc[i].lower_ in DETERMINERS


def _drop_addressee(words: list[Token], actors: list[tuple[int, int]]) -> list[Token]:
    """"the government to hold firm" -> "hold firm": an actor or addressee noun, then "to" and a verb."""
    addressees, _, _ = _shape_words()
    for j, t in enumerate(words[:6]):
        if t.lower_ != "to" or j == 0 or (j == 1 and words[0].lower_ == "not") or j + 1 >= len(words) or not words[j + 1].is_lower or not words[j + 1].is_alpha:
            continue
        negated = words[j - 1].lower_ == "not"  # "urged the government not to yield"
        k = j - 1 if negated else j
        head = [w for w in words[:k] if w.lower_ not in DETERMINERS and w.text not in QUOTES]
        if not head:
            return words
        first, last = words[0].i, words[k - 1].i + 1
        by_actor = any(s <= first + (words[0].lower_ in DETERMINERS) and e >= last for s, e in actors)
        named = len(head) <= 3 and all(w.text[:1].isupper() for w in head)  # "urged Ottawa to …", names unknown yet
        if by_actor or named or (len(head) <= 2 and head[-1].lower_ in addressees):
            return words[k:k + 1] + words[j + 1:] if negated else words[j + 1:]
        break
    # "demanding South Korea pay twice as much", "offered Mercosur a larger quota": an actor, then a
    # bare verb or a second object
    first = words[0].i + (words[0].lower_ in DETERMINERS) if words else 0
    for s, e in actors:
        n = e - words[0].i if words else 0
        if s == first and 0 < n < len(words) - 1 and words[n].is_lower and words[n].is_alpha \
                and (words[n].lower_ in DETERMINERS or words[n].lower_ not in TRAILING | NOT_VERBS):
            return words[n:]
    return words


RELATIVES = {"that", "which", "who", "whom", "whose"}


def _coordinated(words: list[Token]) -> list[list[Token]]:
    """Split at "as well as" and at "and"/"or" followed by a determiner; otherwise one part.  Not inside
    a relative clause: "an outcome that the public and the legislature can accept" is one topic."""
    parts: list[list[Token]] = [[]]
    k = 0
    while k < len(words):
        if parts[-1] and words[k].lower_ in RELATIVES:
            parts[-1].extend(words[k:])
            break
        low = [w.lower_ for w in words[k:k + 3]]
        if low == ["as", "well", "as"] and parts[-1]:
            parts.append([])
            k += 3
            continue
        if low[:1] in (["and"], ["or"]) and len(low) > 1 and low[1] in DETERMINERS and parts[-1]:
            parts.append([])
            k += 1
            continue
        parts[-1].append(words[k])
        k += 1
    return [p for p in parts if p]


def _meaningful(words: list[Token]) -> bool:
    wordy = [t for t in words if t.is_alpha and len(t.text) > 2]
    content = any(t.lower_ not in STOP_WORDS for t in wordy)
    figure = bool(wordy) and any(c.isdigit() for t in words for c in t.text)
    if not (content or figure):
        return False  # "signs off", "it": a particle or a pronoun alone is no topic ("not go below N250,000" is)
    # "the proposal on Monday": the noun's "topic" would be only the date
    return not all(t.lower_ in time_words() or t.lower_ in TIME_LEADS or t.like_num for t in words)


def good_outcome(topic: str) -> bool:
    """A topic that only wishes for a good result ("an outcome acceptable to both sides", "a fair and
    reasonable deal"): asking for or agreeing to it is support for a settlement, not a demand or an
    acceptance of terms.  Words from ``outcome_nouns``/``outcome_qualities`` in ``negotiation.json``."""
    nouns, qualities = _outcome_words()
    words = set(re.findall(r"[a-z][a-z-]*", topic.lower()))
    return bool(words & nouns) and bool(words & qualities)


@lru_cache(maxsize=1)
def _outcome_words() -> tuple[frozenset[str], frozenset[str]]:
    neg = load_rules().data("negotiation.json")
    return frozenset(neg["outcome_nouns"]), frozenset(neg["outcome_qualities"])
