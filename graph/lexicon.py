"""Lexicons compiled from the reference data and the rule files.

One :class:`Lexicon` per process: spaCy PhraseMatchers for entity aliases
(case-sensitive, as written in the reference) and for cue words (by lower
case), so extraction components look things up instead of hard-coding them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher

from ..ontology.reference import Reference
from ..ontology.rules import Rules
from .nlp import pipeline


def cue_key(phrase: str) -> str:
    """The match key of a cue phrase in ``Lexicon.cues`` (and in the tables read by it)."""
    return "CUE:" + phrase.lower()


@dataclass
class Lexicon:
    reference: Reference
    rules: Rules
    aliases: PhraseMatcher = field(init=False)
    cues: PhraseMatcher = field(init=False)
    alias_targets: dict[str, list[str]] = field(default_factory=dict)  # match key -> entity IRIs
    cue_values: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # key -> [(family, value)]
    # (cue key, stance) -> what the stance becomes when negated ("cannot accept" -> "reject"; None: no stance)
    stance_negated: dict[tuple[str, str], str | None] = field(default_factory=dict)
    # cue -> words that make it part of a noun compound, before it ("host-nation support") and after it ("press conference")
    not_after: dict[str, set[str]] = field(default_factory=dict)
    not_before: dict[str, set[str]] = field(default_factory=dict)
    # cue key -> (words one of which must follow it, within so many tokens; words before it that make it an aim):
    # "reached" + "a new five-year agreement", but not "efforts to reach", "without reaching"
    needs_after: dict[str, tuple[frozenset[str], int, frozenset[str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        nlp = pipeline()
        self.aliases = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_form: dict[str, set[str]] = {}
        demonyms: dict[str, set[str]] = {}
        for ent in self.reference.entities.values():
            for form in [ent.label, *ent.aliases]:
                by_form.setdefault(form, set()).add(ent.iri)
            for form in ent.demonyms:
                demonyms.setdefault(form, set()).add(ent.iri)
        for form, iris in sorted(by_form.items()):
            key = "ALIAS:" + form
            self.alias_targets[key] = sorted(iris)
            self.aliases.add(key, [nlp.make_doc(form)])
        for form, iris in sorted(demonyms.items()):
            key = "DEMONYM:" + form
            self.alias_targets[key] = sorted(iris)
            self.aliases.add(key, [nlp.make_doc(form)])
        families: dict[tuple[str, str], set[str]] = {}

        written: dict[str, set[str]] = {}  # lower-cased phrase -> the forms the data writes it in

        def cue(family: str, value: str, phrases) -> None:
            for p in phrases:
                families.setdefault((family, p.lower()), set()).add(value)
                written.setdefault(p.lower(), set()).add(p)

        for row in self.rules.table("stances.jsonl"):
            cue("stance", row["stance"], row["cues"])
            self.stance_negated.update(((cue_key(p), row["stance"]), row.get("negated")) for p in row["cues"])
            for key, table in (("not_after", self.not_after), ("not_before", self.not_before)):
                for phrase, words in row.get(key, {}).items():
                    table.setdefault(phrase.lower(), set()).update(w.lower() for w in words)
            if "needs_after" in row:
                need = (frozenset(w.lower() for w in row["needs_after"]["words"]), row["needs_after"]["within"],
                        frozenset(w.lower() for w in row["needs_after"].get("aims_after", [])))
                self.needs_after.update((cue_key(phrase), need) for phrase in row["cues"])
        for row in self.rules.table("evaluations.jsonl"):
            cue("evaluation", row["judgement"], row["phrases"])
        for row in self.rules.table("amount_roles.jsonl"):
            cue("role", row["role"], row["cues"])
        for row in self.rules.table("speech.jsonl"):
            if row["kind"] == "hedge":
                cue("hedge", row.get("claimant", "unnamed sources"), row["cues"])
            else:
                cue("speech", row["kind"], row["cues"])
        for row in self.rules.table("bodies.jsonl"):
            cue("body", row["kind"], row["names"])
        for row in self.rules.table("groups.jsonl"):
            cue("group", row["head"], [row["head"]])
        for row in self.rules.table("count_units.jsonl"):
            cue("countnoun", row["unit"], row["nouns"])
        for row in self.rules.table("currencies.jsonl"):
            cue("currency", row["code"], row["words"])
        neg = self.rules.data("negotiation.json")
        cue("roundnoun", "round", neg["round_nouns"])
        cue("talknoun", "talks", neg["talk_nouns"])
        for status, phrases in neg["status_cues"].items():
            cue("status", status, phrases)
        for role, phrases in neg["date_role_cues"].items():
            cue("daterole", role, phrases)
        cue("again", "next", neg["again_cues"])
        for topic, phrases in neg["topics"].items():
            cue("topic", topic, phrases)
        by_phrase: dict[str, list[tuple[str, str]]] = {}
        for (family, phrase), values in families.items():
            for v in sorted(values):
                by_phrase.setdefault(phrase, []).append((family, v))
        for phrase, vals in sorted(by_phrase.items()):
            key = cue_key(phrase)
            self.cue_values[key] = vals
            # the matcher compares lower-cased tokens, but tokenizing must see the written case:
            # "U.S." is one token, "u.s." is two
            self.cues.add(key, [nlp.make_doc(form) for form in sorted(written[phrase] | {phrase})])
        self.titles = sorted({r["title"]: r for r in self.rules.table("titles.jsonl")}.values(), key=lambda r: -len(r["title"]))
        self.title_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        written_titles = {r["title"] for r in self.titles}
        for r in self.titles:
            self.title_matcher.add("TITLE:" + r["title"], [nlp.make_doc(r["title"])])
            if r["title"][0].isupper():
                self.title_matcher.add("TITLE:" + r["title"], [nlp.make_doc(r["title"].lower())])
            elif r["title"][0].upper() + r["title"][1:] not in written_titles:  # "Spokesperson Morgan Ortagus"
                self.title_matcher.add("TITLE:" + r["title"], [nlp.make_doc(r["title"][0].upper() + r["title"][1:])])
        # "the two deputy foreign ministers, Takeo Mori and Igor Morgulov": plural offices before several names
        self.plural_titles = PhraseMatcher(nlp.vocab, attr="ORTH")
        for r in self.titles:
            forms = {plural(r["title"]), plural(r["title"].lower()), plural(r["title"][0].upper() + r["title"][1:])} - {None}
            if forms:
                self.plural_titles.add("TITLES:" + r["title"], [nlp.make_doc(f) for f in sorted(forms)])
        self.title_rows = {r["title"]: r for r in self.titles}
        self.title_words = {w.lower() for r in self.titles for w in r["title"].split()}


def plural(title: str) -> str | None:
    """The plural of an office ("foreign minister" -> "foreign ministers", "spokesman" -> "spokesmen",
    "secretary" -> "secretaries"); None for abbreviations and offices with a complement ("Chief of Staff")."""
    if not title[-1:].isalpha() or " of " in title or title.endswith("s"):
        return None
    if title.endswith("man"):
        return title[:-3] + "men"
    if title.endswith("y") and title[-2:-1] not in "aeiou":
        return title[:-1] + "ies"
    return title + "s"
