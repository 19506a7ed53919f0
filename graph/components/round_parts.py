"""A round's ordinal and status, read from the words around its noun.

Ordinals come as words ("the fifth round"), numerals ("the 118th meeting",
"round 7"), counts ("after six rounds", "seven earlier rounds"), appositions
("the previous round, the ninth,") and relatives to the last ordinal told
("the next round").  The status is the strongest status cue of the sentence
(broken off, concluded, planned, held), checked against the meeting's date:
a meeting dated after publication cannot have been held yet.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...ontology.rules import load_rules
from ..amounts import alternation
from ..context import ArticleContext, Hit

STATUS_ORDER = ["broken_off", "concluded", "planned", "held"]
AGREEMENT_WORD = re.compile(r"\b(?:deal|agreement|accord|pact|treaty|settlement|compromise)s?\b", re.I)
ORD_NUM = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$")


def ordinal_at(ctx: ArticleContext, sent, tok: int, known: list[int]) -> tuple[int | None, bool]:
    """Ordinal of the round named at token ``tok``; second value says "plural count" (after six rounds)."""
    doc = sent.span.doc
    nums = ctx.lexicon.rules.data("numbers.json")
    rel = ctx.lexicon.rules.data("negotiation.json")["relative_rounds"]
    prev = doc[tok - 1].lower_ if tok > sent.span.start else ""
    nxt = doc[tok + 1].lower_ if tok + 1 < sent.span.end else ""
    named = ordinal_before(ctx, sent, tok)
    if named is not None:
        return named, False
    if doc[tok].lower_.endswith("s") and prev in ctx.lexicon.rules.data("negotiation.json")["count_modifiers"] \
            and tok - 2 >= sent.span.start:
        prev = doc[tok - 2].lower_  # "seven earlier rounds", "two more sessions"
    if doc[tok].lower_.endswith("s") and (prev.isdigit() or prev in nums["units"]):
        return (int(prev) if prev.isdigit() else nums["units"][prev]), True
    if nxt.isdigit():
        return int(nxt), False
    if nxt in nums["units"] and nxt not in {"a", "an"}:
        return nums["units"][nxt], False
    after = [doc[i].lower_ for i in range(tok + 1, min(tok + 4, sent.span.end))]
    if after[:2] == [",", "the"] and len(after) == 3 and after[2] in nums["ordinals"]:  # "the previous round, the ninth,"
        return nums["ordinals"][after[2]], False
    if prev in rel and known:
        n = max(known) + rel[prev]  # "the previous round", "the next round": from the last ordinal told
        return (n if rel[prev] != 0 and n > 0 else None), False
    return None, False


def ordinal_word(ctx: ArticleContext, word: str) -> int | None:
    """ "fifth" -> 5, "118th" -> 118; None for any other word."""
    m = ORD_NUM.match(word)
    return int(m.group(1)) if m else ctx.lexicon.rules.data("numbers.json")["ordinals"].get(word)


def ordinal_before(ctx: ArticleContext, sent, tok: int) -> int | None:
    """The ordinal right before the noun at ``tok``, over one adjective ("the fifteenth formal round")
    or over the name of the forum ("the 10th Philippines-US Bilateral Strategic Dialogue", "the eighth BCM meeting")."""
    toks = sent.tokens
    i = tok - 1
    if i < sent.span.start:
        return None
    n = ordinal_word(ctx, toks.lower[i])
    if n is not None:
        return n
    if toks.text[i].islower() and toks.is_alpha[i] and i - 1 >= sent.span.start:
        return ordinal_word(ctx, toks.lower[i - 1])  # one adjective: "formal", "ministerial"
    j = i
    while j >= sent.span.start and tok - j <= 7 and (toks.text[j][:1].isupper() or toks.text[j] in {"-", "–"}):
        j -= 1
    if j < i and j >= sent.span.start and (toks.text[tok][:1].isupper() or i - j <= 2):
        return ordinal_word(ctx, toks.lower[j])  # "the 10th X-Y Strategic Dialogue", "the eighth BCM meeting"
    return None


# "a deal that does not expire until the end of next year", "the pact runs through 2025": the deal's date, not the round's
EXPIRY_BEFORE = re.compile(r"\b(?:expir(?:e|es|ed|ing|y)|runs?|running|valid|lapses?|lapsed|in\s+force)\s+"
                           r"(?:until|till|through|in|at|on|by|out\s+(?:at|in|on|by))?\s*(?:the\s+)?$", re.I)


def dates_expiry(sent, t) -> bool:
    """The time expression ``t`` of ``sent`` dates a deal's expiry, not a meeting."""
    return EXPIRY_BEFORE.search(sent.text[:t.start]) is not None


def expiry_spans(ctx: ArticleContext, sent) -> list[tuple[int, int]]:
    """Character spans (in the sentence) of times that date a deal's expiry, not a meeting."""
    return [(t.start, t.end) for t in ctx.times(sent) if dates_expiry(sent, t)]


def round_status(ctx: ArticleContext, sent, plural: bool, date, pub, at: int | None = None) -> str:
    """The status of the round whose noun is at token ``at``: from the sentence's status cues, except
    cues in an aside that describes something else ("The negotiations, suspended in 2013, were relaunched
    …, when the first round was held")."""
    found = set()
    expiry = expiry_spans(ctx, sent)  # "does not expire until the end of next year": "next" is not the round's
    cues = [h for h in ctx.hits(sent, "cue") if any(f == "status" for f, _ in ctx.lexicon.cue_values[h.key])
            and (at is None or not _aside(sent, h.tok_start, at))
            and not any(a <= h.start - sent.start < b for a, b in expiry)]
    for h in cues:
        for family, value in ctx.lexicon.cue_values[h.key]:
            if family == "status":
                found.add(value)
    if plural:
        return "held"
    if date is not None and pub is not None and date.first_day() > pub.last_day():
        return "broken_off" if "broken_off" in found else "planned"  # "agreed to hold the sixth round in mid-January"
    if found == {"concluded"} and all(h.text.lower() == "concluded" and not _deal_after(sent, h.tok_end) for h in cues):
        found = {"held"}  # "concluded the 118th meeting", "the seventh round … concluded in New Delhi": no deal told
    for s in STATUS_ORDER:
        if s in found:
            if s == "planned" and date is not None and pub is not None and date.last_day() < pub.first_day():
                continue
            return s
    if date is not None and pub is not None and date.first_day() > pub.last_day():
        return "planned"
    return "held"


def _aside(sent, cue: int, at: int) -> bool:
    """The cue opens an aside between commas (", suspended in 2013,") that the round noun is not in."""
    toks = sent.tokens
    if cue - 1 < sent.span.start or toks.text[cue - 1] != ",":
        return False
    close = next((i for i in range(cue + 1, sent.span.end) if toks.text[i] in {",", ";"}), None)
    return close is not None and toks.text[close] == "," and not cue - 1 < at < close


def _deal_after(sent, b: int) -> bool:
    """A deal is what was concluded: "concluded a deal", "concluded with an agreement on …", "concluded the accord"."""
    window = sent.tokens.lower[b:min(b + 8, sent.span.end)]
    return any(AGREEMENT_WORD.fullmatch(w) for w in window)


CLAUSE_JOINERS = {"and", "while", "whereas", "but"}  # after a comma they open a clause: ", and the third took place …"
ELLIPSIS_VERBS = {"took", "was", "is", "will", "would", "had", "came", "ended", "opened", "began", "broke"}


def elliptical_round(ctx: ArticleContext, sent) -> list[Hit]:
    """ "The second took place in Washington on Jan. 30-31", right after rounds were told: an ordinal with
    its noun left out opens the sentence or a clause ("…, and the third took place in Washington last
    month"), or with the verb of the clause before it left out ("The first round was held in Honolulu, and the
    second on Jeju Island in April").  The hit sits on the verb (or the preposition), so the ordinal is the
    word before it."""
    toks = sent.tokens
    hits = []
    for i in range(sent.span.start, sent.span.end - 2):
        opens = i == sent.span.start or toks.text[i - 1] == ";" or (
            i - 2 >= sent.span.start and toks.lower[i - 1] in CLAUSE_JOINERS and toks.text[i - 2] == ",")
        gapped = i > sent.span.start and toks.lower[i + 2] in {"in", "on", "at"} and any(
            w in ELLIPSIS_VERBS | {"held"} for w in toks.lower[sent.span.start:i])  # "…was held in X, and the second on Y"
        if opens and toks.lower[i] in {"the", "a"} and ordinal_word(ctx, toks.lower[i + 1]) is not None \
                and (toks.lower[i + 2] in ELLIPSIS_VERBS or gapped):
            a = sent.char(i + 2)
            hits.append(Hit("ellipsis", i + 2, i + 3, a, a + len(toks.text[i + 2]), toks.text[i + 2]))
    return hits


CLAUSE_BREAK = re.compile(r";|,\s+(?:while|whereas|but|and|although|though)\b|\bwhile\b")


def crosses_clause(text: str, a: int, b: int) -> bool:
    """True when a clause break (";", ", while", ", but", …) lies between offsets ``a`` and ``b`` of ``text``."""
    lo, hi = sorted((a, b))
    return CLAUSE_BREAK.search(text, lo, hi) is not None


def other_event(text: str, at: int) -> bool:
    """The time at ``at`` dates another event named right before it: "before the presidential election in
    November", "the Winter Olympics in February" (``other_event_nouns``), not a meeting."""
    words = negotiation_words("other_event_nouns")
    before = re.findall(r"[\w-]+", text[max(0, at - 30):at].lower())[-3:]
    if before and before[-1] in {"in", "on", "of", "this", "next", "last"}:
        before = before[:-1]  # the time's own preposition when the expression does not hold it
    return any(w in words for w in before[-2:])


@lru_cache(maxsize=None)
def negotiation_words(key: str) -> frozenset[str]:
    """A word list of ``negotiation.json``, lower-cased, read once: "signing_verbs", "other_event_nouns" …"""
    return frozenset(w.lower() for w in load_rules().data("negotiation.json")[key])


@lru_cache(maxsize=1)
def _DATELESS() -> re.Pattern:
    cues = alternation(load_rules().data("negotiation.json")["dateless_cues"])
    return re.compile(rf"\b(?:{cues})\b[^.;:]{{0,40}}\bfor\s+(?:(?:a|an|the|any|another|further|new)\s+)?(?:[\w-]+\s+)?$",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _DATELESS_AFTER() -> re.Pattern:
    cues = alternation(load_rules().data("negotiation.json")["dateless_after_cues"])
    return re.compile(rf"^[^.;:]{{0,12}}(?:,\s*)?(?:{cues})\b", re.IGNORECASE)


def signing_hit(ctx: ArticleContext, sent, hits: list[Hit]) -> Hit | None:
    """The first ``signing_verbs`` cue with the deal as its object ("initialed the text", "signed the new
    agreement", "inked the SMA"): a signing is the session that concludes the talks."""
    verbs, nouns = negotiation_words("signing_verbs"), negotiation_words("agreement_nouns") | {"text"}
    lower = sent.tokens.lower
    agreements = {m.tok_start for m in ctx.mentions_in(sent) if m.reading == "agreement"}
    for h in hits:
        if lower[h.tok_start] in verbs and h.tok_end - h.tok_start == 1 and not (
                h.tok_start > sent.span.start and lower[h.tok_start - 1] in {"not", "never", "n't", "be", "been", "being"}):
            window = range(h.tok_end, min(h.tok_end + 5, sent.span.end))
            if any(lower[i] in nouns or i in agreements for i in window):
                return h
    return None


def internal_meeting(sent, h) -> bool:
    """"at its regular meeting", "a cabinet meeting": one body's own meeting (``internal_meeting_words``), not a session."""
    words = negotiation_words("internal_meeting_words")
    lower = sent.tokens.lower
    return any(lower[i] in words for i in range(max(sent.span.start, h.tok_start - 2), h.tok_start))


def dateless(sent, h) -> bool:
    """ "no date has been set for an eighth round", "set no date for new talks", "would return for the fifth
    review but did not give a date": a meeting not yet fixed (a venue named between still makes a round)."""
    at = h.start - sent.start
    return _DATELESS().search(sent.text[:at]) is not None or _DATELESS_AFTER().search(sent.text[at + len(h.text):]) is not None


def other_rounds(sent, h, talk_starts: set[int]) -> bool:
    """"11 rounds of weapons tests", "a new round of tariffs": rounds of something other than talks.

    After "round(s) of", a talk noun or an agreement's name must come before the phrase ends
    ("a round of defense cost-sharing talks"); otherwise the round is not a negotiation's.
    """
    lower = sent.tokens.lower
    if h.tok_end >= sent.span.end or lower[h.tok_end] != "of":
        return False
    for i in range(h.tok_end + 1, min(h.tok_end + 12, sent.span.end)):
        if i in talk_starts:
            return False
        if sent.tokens.is_punct[i] and sent.tokens.text[i] not in {"-", "'s", "’s"}:
            break
    return True
