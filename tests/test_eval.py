"""``parley eval``: the matchers, exact scores on a hand-written graph, the CLI, and a run on the seed articles."""
from __future__ import annotations

import gc
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import GOLD, assert_one_line_error, run_cli
from parley.errors import InputError, StoreError
from parley.graph.eval_cli import format_table
from parley.graph.eval_read import build_names
from parley.graph.evaluate import CATEGORIES, evaluate, load_gold
from parley.graph.eval_names import content_words, slug, stem
from parley.graph.scoring import (agreement_key, one_to_one, overlap, quote_starts_with, same_date, same_speaker,
                                  same_value, same_venue)
from parley.graph.store import GraphStore

FIXTURE = Path(__file__).parent / "fixtures" / "small.ttl"
GRAPH = ox.NamedNode("https://w3id.org/parley/id/graph/article/a1")


@pytest.fixture(scope="module")
def names():
    return build_names(GraphStore(None), [])


def fixture_store(extra: str = "") -> GraphStore:
    triples = list(ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TURTLE))
    if extra:
        triples += list(ox.parse(input=(FIXTURE.read_text(encoding="utf-8").split("\n# agreement")[0] + extra).encode(),
                                 format=ox.RdfFormat.TURTLE))
    store = GraphStore(None)
    store.replace_graph(GRAPH, triples)
    return store


def write_gold(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


# -- matchers -------------------------------------------------------------------------

def test_stem_makes_inflections_agree():
    assert stem("costs") == stem("cost")
    assert stem("increased") == stem("increase") == stem("increases")
    assert stem("groups") == stem("group")
    assert stem("categories") == stem("category")
    assert stem("talks") == "talk" and stem("status") == "status"


def test_topic_overlap_uses_content_words(names):
    a = content_words("strategic asset deployment costs", names)
    assert a == content_words("the costs of the strategic assets deployment", names)
    assert overlap(a, content_words("cost of deploying strategic assets", names))
    assert not overlap(a, content_words("troop reduction", names))
    # at least half of the smaller set: 1 of 2 is enough, 1 of 3 is not
    assert overlap(content_words("larger contribution"), content_words("bigger contribution from Seoul"))
    assert not overlap(content_words("new operational category"), content_words("operational readiness costs"))
    assert not overlap(frozenset(), a)
    # a known name is one word, whatever alias the text uses; "SMA" (two agreements) takes the generic sense
    assert content_words("USFK workers", names) == content_words("U.S. Forces Korea workers", names)
    assert content_words("existing SMA framework", names) == content_words("existing Special Measures Agreement framework", names)
    assert len(content_words("increased South Korean contribution", names)) == 3
    assert not overlap(content_words("increased South Korean contribution", names),
                       content_words("South Korea share the cost of deploying U.S. strategic assets", names))


def test_a_reference_alias_names_the_reference_entity_not_a_new_node_with_that_label():
    """A venue minted as "State Department" does not take the reference body's alias from it."""
    place = """
<https://w3id.org/parley/id/place/state-department> a <https://w3id.org/parley/ontology#Place> ;
    <http://www.w3.org/2004/02/skos/core#prefLabel> "State Department"@en .
"""
    names = build_names(fixture_store(place), [])
    assert names.same("State Department", "U.S. Department of State")


def test_an_edition_in_a_topic_is_its_ordinal_and_its_agreement():
    """ "11th SMA deal" and "11th Special Measures Agreement" share two content words, not none."""
    names = build_names(fixture_store(), [])
    edition = content_words("11th Special Measures Agreement", names)
    assert edition == content_words("the 11th SMA", names)
    assert overlap(edition, content_words("11th SMA deal", names))
    assert names.same("11th Special Measures Agreement", "11th Special Measures Agreement")


def test_names_resolve_through_reference_aliases(names):
    assert names.same("Pentagon", "U.S. Department of Defense")
    assert names.same("Department of Defense", "Pentagon")
    assert names.same("Diet", "National Diet")
    assert names.same("U.S.", "United States") and names.same("ROK", "South Korea")
    # a graph label with a "(country)" qualifier is the same body; the lexicon's names resolve too
    assert names.same("Ministry of Foreign Affairs", "Ministry of Foreign Affairs (South Korea)")
    assert names.same("National Assembly", "Parliament (South Korea)")
    assert names.same("Tun Dr Mahathir Mohamad", "Mahathir Mohamad")
    assert names.same("civic groups", "civic group")
    assert not names.same("North Korea", "South Korea")
    assert not names.same("Mahathir", "Mahathir Mohamad")
    assert agreement_key("JCPOA", names) == agreement_key("Joint Comprehensive Plan of Action", names)
    assert names.same("SMA", "Special Measures Agreement")  # shared by two agreements: the generic sense
    assert agreement_key("US-China trade talks", names) == agreement_key("US-China trade agreement", names)
    assert agreement_key("EU-UK trade talks", names) != agreement_key("US-China trade agreement", names)
    assert slug("U.S. Forces Korea") == slug("US Forces Korea") and slug("Jeong Eun-bo") == slug("jeong eunbo")


def test_speakers_compare_by_content_words_only_when_descriptive(names):
    assert same_speaker("foreign ministry official", "anonymous Ministry of Foreign Affairs (South Korea) official", names)
    assert same_speaker("State Department spokesperson", "anonymous U.S. Department of State spokesperson", names)
    assert same_speaker("senior U.S. official", "anonymous United States official", names)
    assert same_speaker("Kang Kyung-wha", "Kang Kyung-wha", names)
    assert not same_speaker("Moon Jae-in", "Moon Chung-in", names)
    assert not same_speaker("foreign ministry official", "defense ministry spokesman", names)


def test_dates_match_at_the_gold_precision():
    assert same_date("2019-11", "2019-11")
    assert not same_date("2019-11", "2019-11-18")   # the graph is more precise than the text supports
    assert not same_date("2019-11-18", "2019-11")
    assert same_date(None, "") and not same_date(None, "2019")


def test_a_merged_fact_may_refine_the_gold_date(names):
    from parley.graph.scoring import KEYS

    start = dict(KEYS["round"])["start"]
    assert not start({"start": "2020-03"}, {"start": "2020-03-17", "merged": False}, names)
    assert start({"start": "2020-03"}, {"start": "2020-03-17", "merged": True}, names)
    assert not start({"start": "2020-03-17"}, {"start": "2020-03", "merged": True}, names)
    assert not start({"start": "2020-04"}, {"start": "2020-03-17", "merged": True}, names)


def test_amounts_match_within_half_a_percent():
    assert same_value("960000000000", "962000000000")        # 0.21 %
    assert not same_value("960000000000", "965000000000")    # 0.52 %
    assert same_value("0", "0.0") and not same_value("0", "0.001")
    assert not same_value("1", "one")


def test_venue_may_name_one_part_of_a_place_city_gold_venue(names):
    gold = "Korea Institute for Defense Analyses, Seoul"
    assert same_venue(gold, "Seoul", names) and same_venue(gold, "Korea Institute for Defense Analyses", names)
    assert same_venue("Washington", "Washington, D.C.", names)
    assert not same_venue("Hawaii", "Honolulu", names)
    assert not same_venue(None, "Seoul", names) and same_venue(None, "", names)


def test_quote_start_is_the_first_five_words():
    assert quote_starts_with("We\u2019ve come to a deal, subject to getting it papered", "We've come to a deal")
    assert quote_starts_with("swept along by American demands", "swept along")
    assert not quote_starts_with("come to a deal", "We've come to a deal")
    assert not quote_starts_with("", "anything")


def test_matching_is_one_to_one_and_maximal():
    pairs = one_to_one(["x"], ["x", "x"], lambda a, b: a == b, lambda a, b: 0.0)
    assert len(pairs) == 1 and pairs[0][0] == 0      # a duplicate extraction pairs once
    # greedy in order would pair x-p and leave y alone; the maximum matching pairs both
    ok = {("x", "p"), ("x", "q"), ("y", "p")}
    assert one_to_one(["x", "y"], ["p", "q"], lambda a, b: (a, b) in ok, lambda a, b: 0.0) == [(0, 1), (1, 0)]
    # among equally large matchings, the heavier one wins
    assert one_to_one(["x"], ["p", "q"], lambda a, b: True, lambda a, b: 0.3 if b == "q" else 0.1) == [(0, 1)]


# -- exact scores on a hand-written graph ---------------------------------------------------

GOLD_ROWS = [
    # actors: a1 has South Korea (graph: yes) and the defense ministry (graph: no);
    # a2 has the US (as "U.S.") and Kang; the graph's South Korea in a2 and Japan in a1 are spurious
    {"article": "a1", "category": "actor", "actor": "Republic of Korea", "type": "Country", "title": None, "affiliation": None},
    {"article": "a1", "category": "actor", "actor": "Ministry of National Defense", "type": "GovernmentBody", "title": None, "affiliation": "South Korea"},
    {"article": "a2", "category": "actor", "actor": "U.S.", "type": "Country", "title": None, "affiliation": None},
    {"article": "a2", "category": "actor", "actor": "Kang Kyung-wha", "type": "Person", "title": "Foreign Minister", "affiliation": "South Korea"},
    # rounds: round 5 matches in a1, and in a2 too although a2's gold has only the month (the graph merged it
    # from both articles, with a1's day); round 4 (a2 only) misses, because the gold is more precise than the graph
    {"article": "a1", "category": "round", "agreement": "Special Measures Agreement", "edition": 11, "ordinal": 5, "venue": "Seoul", "status": "broken_off", "start": "2019-11-18", "end": "2019-11-19"},
    {"article": "a2", "category": "round", "agreement": "Special Measures Agreement", "edition": 11, "ordinal": 5, "venue": "Seoul", "status": "broken_off", "start": "2019-11", "end": None},
    {"article": "a2", "category": "round", "agreement": "Special Measures Agreement", "edition": 11, "ordinal": 4, "venue": "Honolulu", "status": "held", "start": "2019-10-02", "end": None},
    # amounts: three match (one within tolerance); the demand is annotated as an offer
    {"article": "a1", "category": "amount", "value": "1040000000000", "unit": "KRW", "role": "contribution", "subject": "South Korea", "year": "2019", "claimed_by": "lawmakers"},
    {"article": "a1", "category": "amount", "value": "891000000", "unit": "USD", "role": "contribution", "subject": "South Korea", "year": "2019", "claimed_by": "lawmakers", "same_as": "1040000000000 KRW"},
    {"article": "a2", "category": "amount", "value": "960000000000", "unit": "KRW", "role": "contribution", "subject": "ROK", "year": "2019", "claimed_by": None},
    {"article": "a2", "category": "amount", "value": "5000000000", "unit": "USD", "role": "offer", "subject": "South Korea", "year": None, "claimed_by": None},
    # stances: two match by topic overlap (one with a wrong date); one is not in the graph
    {"article": "a1", "category": "stance", "actor": "South Korea", "stance": "reject", "topic": "new operational support categories", "date": "2019-11-19"},
    {"article": "a2", "category": "stance", "actor": "United States", "stance": "demand", "topic": "bigger contribution from Seoul", "date": "2019-11-20"},
    {"article": "a2", "category": "stance", "actor": "South Korea", "stance": "reject", "topic": "troop cut", "date": None},
    # quotes: Kang's matches; the official's is not in the graph
    {"article": "a2", "category": "quote", "speaker": "Kang Kyung-wha", "quote_start": "We will keep working"},
    {"article": "a1", "category": "quote", "speaker": "foreign ministry official", "quote_start": "We cannot accept"},
]
# category -> (gold, pred, TP)
EXPECTED = {"actor": (4, 5, 3), "round": (3, 3, 2), "amount": (4, 4, 3), "stance": (3, 2, 2), "quote": (2, 1, 1)}


def test_exact_scores_on_a_known_graph(tmp_path):
    report = evaluate(fixture_store(), write_gold(tmp_path / "gold.jsonl", GOLD_ROWS))
    assert {c: (s.gold, s.pred, s.tp) for c, s in report.scores.items()} == EXPECTED
    f1 = {c: 2 * tp / (g + p) for c, (g, p, tp) in EXPECTED.items()}
    for c, s in report.scores.items():
        assert s.precision == pytest.approx(EXPECTED[c][2] / EXPECTED[c][1])
        assert s.recall == pytest.approx(EXPECTED[c][2] / EXPECTED[c][0])
        assert s.f1 == pytest.approx(f1[c])
    assert report.macro_f1 == pytest.approx(sum(f1.values()) / 5)
    attrs = {(c, k): (a.correct, a.total) for c, s in report.scores.items() for k, a in s.attributes.items()}
    assert attrs[("actor", "title")] == (3, 3) and attrs[("actor", "affiliation")] == (3, 3)
    assert attrs[("round", "end")] == (1, 2)          # a2's gold gives no end for round 5
    assert attrs[("amount", "year")] == (3, 3)
    assert attrs[("amount", "claimed_by")] == (3, 3)  # the publisher as claimant counts as "stated as fact"
    assert attrs[("amount", "same_as")] == (3, 3)     # the KRW/USD link, both ways
    assert attrs[("stance", "date")] == (1, 2)
    missed = {(f.article, f.category, f.line) for f in report.missed}
    assert missed == {("a1", "actor", 2), ("a2", "round", 7), ("a2", "amount", 11), ("a2", "stance", 14), ("a1", "quote", 16)}
    spurious = sorted((f.article, f.category, f.summary()) for f in report.spurious)
    assert [s[:2] for s in spurious] == [("a1", "actor"), ("a2", "actor"), ("a2", "amount"), ("a2", "round")]
    assert "actor=Japan" in spurious[0][2]
    assert "ordinal=4" in spurious[3][2] and spurious[3][2].endswith("start=2019-10")
    # the nearest extracted round names the key that differs, and spurious facts carry their sentence
    note = next(f.note for f in report.missed if f.category == "round")
    assert note.endswith("differs on start: graph 2019-10")
    amount = next(f for f in report.spurious if f.category == "amount")
    assert amount.evidence == "The United States demanded $5 billion."


def test_only_gold_articles_are_scored(tmp_path):
    rows = [r for r in GOLD_ROWS if r["article"] == "a1"]
    report = evaluate(fixture_store(), write_gold(tmp_path / "gold.jsonl", rows))
    assert report.articles == ["a1"]
    # a1's graph facts only: South Korea and Japan; round 5; two amounts; one stance; no quote
    assert {c: s.pred for c, s in report.scores.items()} == {"actor": 2, "round": 1, "amount": 2, "stance": 1, "quote": 0}
    assert all(f.article == "a1" for f in report.spurious)


def test_a_duplicated_fact_counts_once_and_the_copy_is_spurious(tmp_path):
    copy = """
<https://w3id.org/parley/id/round/sma-11/5-copy> a parley:Round ; parley:partOf <https://w3id.org/parley/id/negotiation/sma-11> ; parley:ordinal 5 ;
    parley:startDate "2019-11-18"^^xsd:date ; parley:venue <https://w3id.org/parley/id/place/seoul> ;
    parley:status status:broken_off ; parley:evidence <https://w3id.org/parley/id/ev/r5a> .
"""
    rows = [r for r in GOLD_ROWS if r["article"] == "a1" and r["category"] == "round"]
    report = evaluate(fixture_store(copy), write_gold(tmp_path / "gold.jsonl", rows))
    s = report.scores["round"]
    assert (s.gold, s.pred, s.tp) == (1, 2, 1)
    assert s.precision == 0.5 and s.recall == 1.0
    assert len([f for f in report.spurious if f.category == "round"]) == 1
    # the copy has no end date, so the original (which agrees on the secondary attribute too) is the one matched
    assert report.scores["round"].attributes["end"].correct == 1


def test_table_and_json_views(tmp_path):
    report = evaluate(fixture_store(), write_gold(tmp_path / "gold.jsonl", GOLD_ROWS))
    table = format_table(report, "all")
    assert "round        3     3   2  0.667  0.667  0.667" in table
    assert "missed (5)" in table and "spurious (4)" in table and 'evidence: "The United States demanded $5 billion."' in table
    assert "missed" not in format_table(report, "none") and "spurious (" in format_table(report, "spurious")
    data = report.to_dict("missed")
    assert data["categories"]["amount"]["tp"] == 3 and len(data["missed"]) == 5 and data["spurious"] == []


@pytest.mark.parametrize("row, needle", [
    ({"article": "a1", "category": "opinion"}, "unknown category 'opinion'"),
    ({"article": "a1", "category": "stance", "actor": "X", "stance": "grumble", "topic": "t"}, "stance 'grumble'"),
    ({"article": "a1", "category": "stance", "actor": "X", "stance": "demand"}, "'topic'"),
    ({"article": "a1", "category": "amount", "value": "lots", "unit": "USD", "role": "demand"}, "not a number"),
    ({"article": "a1", "category": "round", "agreement": "X", "status": "held", "start": "2019-02-30"}, "not an ISO date"),
    ({"category": "actor", "actor": "X", "type": "Country"}, "'article'"),
])
def test_bad_gold_lines_name_their_line(tmp_path, row, needle):
    good = {"article": "a1", "category": "actor", "actor": "X", "type": "Country"}
    path = write_gold(tmp_path / "gold.jsonl", [good, row])
    with pytest.raises(InputError, match=r"gold\.jsonl:2: ") as err:
        load_gold(path)
    assert needle in str(err.value) and "\n" not in str(err.value)


# -- the CLI ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def disk_store(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("eval")
    s = GraphStore(work / "parley-store")
    s.replace_graph(GRAPH, list(ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TURTLE)))
    s.flush()
    del s
    gc.collect()
    write_gold(work / "gold.jsonl", GOLD_ROWS)
    return work


def test_cli_table_and_json(disk_store):
    table = run_cli("eval", "gold.jsonl", cwd=disk_store, check=True).stdout
    assert "macro F1 over 5 categories" in table and "spurious (4)" in table
    data = json.loads(run_cli("eval", "gold.jsonl", "--format", "json", "--show", "none", cwd=disk_store, check=True).stdout)
    assert {c: (v["gold"], v["pred"], v["tp"]) for c, v in data["categories"].items()} == EXPECTED
    assert data["missed"] == [] and data["macro_over"] == list(CATEGORIES)


def test_cli_errors_are_one_line(disk_store, tmp_path):
    proc = run_cli("eval", str(tmp_path / "none.jsonl"), cwd=disk_store)
    assert proc.returncode == 2
    assert_one_line_error(proc, "none.jsonl", "no such gold file")
    (tmp_path / "bad.jsonl").write_text('{"article": "a1", "category": "actor", "actor": "X", "type": "Country"}\n{oops\n')
    proc = run_cli("eval", str(tmp_path / "bad.jsonl"), cwd=disk_store)
    assert proc.returncode == 2
    assert_one_line_error(proc, "bad.jsonl:2", "not valid JSON")
    write_gold(tmp_path / "cat.jsonl", [{"article": "a1", "category": "rumour"}])
    proc = run_cli("eval", str(tmp_path / "cat.jsonl"), cwd=disk_store)
    assert proc.returncode == 2
    assert_one_line_error(proc, "cat.jsonl:1", "unknown category 'rumour'")
    proc = run_cli("eval", "gold.jsonl", "--store", str(tmp_path / "nowhere"), cwd=disk_store)
    assert proc.returncode == StoreError.exit_code
    assert_one_line_error(proc, "no Parley store here")


def test_cli_warns_about_gold_articles_missing_from_the_store(disk_store, tmp_path):
    write_gold(tmp_path / "other.jsonl", [{"article": "zz9", "category": "actor", "actor": "Japan", "type": "Country"}])
    proc = run_cli("eval", str(tmp_path / "other.jsonl"), cwd=disk_store, check=True)
    assert "warning: 1 gold article(s) are not in the store (zz9)" in proc.stderr
    assert "actor        1     0   0" in proc.stdout


# -- end to end on the seed articles -------------------------------------------------------------

def test_seed_report_covers_every_article_and_category(seed_build):
    gold = load_gold(GOLD / "seed.jsonl")
    store = GraphStore(seed_build / "parley-store", read_only=True)
    report = evaluate(store, GOLD / "seed.jsonl")
    assert report.articles == sorted({f.article for f in gold}) and len(report.articles) == 5
    assert report.missing_articles == []
    assert report.present == list(CATEGORIES)
    assert sum(s.gold for s in report.scores.values()) == len(gold)
    for s in report.scores.values():
        assert s.tp + sum(1 for f in report.missed if f.category == s.category) == s.gold
        assert s.tp + sum(1 for f in report.spurious if f.category == s.category) == s.pred
    assert report.scores["actor"].pred > 0 and report.scores["round"].pred > 0
    del store
    gc.collect()
    data = json.loads(run_cli("eval", str(GOLD / "seed.jsonl"), "--format", "json", cwd=seed_build, check=True).stdout)
    assert set(data["categories"]) == set(CATEGORIES) and data["articles"] == report.articles


def test_talks_without_a_reference_agreement_match_by_parties_and_topic_in_any_order(names):
    from parley.graph.scoring import same_agreement

    assert same_agreement("India-China border talks", "China–India border talks", names)
    assert same_agreement("US-China trade talks", "US-China trade agreement", names)
    assert not same_agreement("US-China trade talks", "China–United States nuclear talks", names)
    # "meetings" and "renegotiation" are generic heads like "talks"
    assert same_agreement("Australia-China Joint Economic Commission", "Australia–China Joint Economic Commission meetings",
                          names)
    assert same_agreement("US-Canada softwood renegotiation", "US–Canada softwood talks", names)
