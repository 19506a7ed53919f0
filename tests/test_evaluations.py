"""Stances stated as judgements ("the offer was unacceptable"), and cue nouns that head a noun phrase
(texts written for these tests)."""
from __future__ import annotations

import pytest

from test_facts import actor_stances, facts, label
from test_topics import stances


@pytest.mark.parametrize("text,expected", [
    # a copula and an evaluative phrase: the phrase before the copula is judged by who speaks
    ("Ottawa said the Chilean proposal was unacceptable.", {("Canada", "reject", "Chilean proposal")}),
    ("\"The offer is an insult,\" Trade Minister Ines Solano said.", {("Ines Solano", "reject", "offer")}),
    ("Farmers said the new quota plan would still be unworkable.", {("farmers", "reject", "new quota plan")}),
    # "not" turns the judgement round; anything that is not an offer is opposed or supported
    ("Santiago said the draft was not acceptable.", {("Chile", "reject", "draft")}),
    ("Ottawa said the tariff schedule was a step forward.", {("Canada", "support", "tariff schedule")}),
    # a judging verb instead of a copula
    ("Labor unions called the wage offer unfair.", {("labor unions", "reject", "wage offer")}),
    ("Chile found the new Canadian offer too low.", {("Chile", "reject", "new Canadian offer")}),
    # a deal called good or bad was made, so it is supported or opposed, not accepted or rejected
    ("Labor unions called the wage deal unfair.", {("labor unions", "oppose", "wage deal")}),
    ('Ambassador Harry Harris called the deal "a fair and reasonable outcome."', {("Harry Harris", "support", "deal")}),
    ("Prime Minister Benjamin Netanyahu called the agreement a historic mistake.",
     {("Benjamin Netanyahu", "oppose", "agreement")}),
    # an evaluating noun phrase right after a verb is its object: the verb keeps its stance
    ('"We are not going to accept a bad deal," Ambassador David MacNaughton said.',
     {("David MacNaughton", "reject", "bad deal")}),
])
def test_judgements_are_stances(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize("text", [
    "If the offer is unacceptable, Chile will walk out.",  # a condition, not a judgement
    "Canada is unreasonable, Chile said.",  # an actor judged, not a topic
    "An unacceptable offer was on the table.",  # no copula and no judging verb
    "The minister called it a step forward.",  # a pronoun: nothing named to judge
])
def test_no_judgement_no_stance(text):
    assert stances(text) == set()


def test_a_cue_noun_that_ends_its_phrase_is_part_of_the_topic():
    # "offer" is the head of the object, not the verb of another clause
    assert stances("The union rejected the government's new offer on Friday.") == \
        {("labor union", "reject", "government's new offer")}
    assert stances("Chile rejected the 60,000-peso offer.") == {("Chile", "reject", "60,000-peso offer")}
    # a verb after a conjunction still starts its own clause
    assert ("Canada", "propose", "compromise") in stances("Chile rejected the offer and Canada offered a compromise.")


def test_a_known_alias_inside_a_longer_name_is_not_the_known_entity():
    text = ("The Nigeria Labour Congress rejected the wage offer on Friday.\n"
            "Members of Congress opposed the tariff.")
    ctx, st = facts(text, "stance", published="2024-06-08")
    got = actor_stances(ctx, st)
    assert ("Nigeria Labour Congress", "reject") in got
    assert ("U.S. Congress", "oppose") in got  # "Members of Congress" is not an organization of its own
    assert not any(e.label.startswith("Members") for e in ctx.entities.values())
    assert stances("Organised labour rejected the offer.") == {("organised labour", "reject", "offer")}


def test_acronyms_of_organizations_found_in_the_article_are_mentions_of_them():
    text = ("The BMA suspended its strike on Monday.\n"
            "The Nigeria Employers' Consultative Association (NECA) backed the offer.\n"
            "NECA rejected the union's demand.\n"
            "The British Medical Association represents doctors.")
    ctx, st = facts(text, "stance", published="2015-11-30")
    got = actor_stances(ctx, st)
    assert ("Nigeria Employers' Consultative Association", "reject") in got
    bma = [m for m in ctx.mentions if m.text == "BMA"]
    assert bma and label(ctx, bma[0].iri) == "British Medical Association"
    assert not any(e.label in {"BMA", "NECA"} for e in ctx.entities.values())


def test_the_union_refers_back_to_the_one_union_named_and_a_listed_name_keeps_its_comma():
    text = ("The Kenya Medical Practitioners, Pharmacists and Dentists Union (KMPDU) met the Council of Governors.\n"
            "The Union rejected the offer of a lower stipend.\n"
            "Later the union demanded payment of salary arrears.\n"
            "Japan's Ministry of Defense and the union of farmers met separately.")
    ctx, st = facts(text, "stance", published="2024-04-12")
    union = "Kenya Medical Practitioners, Pharmacists and Dentists Union"
    assert {e.label for e in ctx.entities.values() if e.type == "Organization"} == {union, "Council of Governors"}
    got = actor_stances(ctx, st)
    assert (union, "reject") in got and (union, "demand") in got
    assert not any(m.text == "union" and m.sentence == 3 and m.iri.endswith("dentists-union") for m in ctx.mentions)
    # two unions: "the union" is neither
    ctx, st = facts("The Seafarers Union and the Dockers Union met on Monday. The union rejected the offer.", "stance",
                    published="2024-04-12")
    assert not any(label(ctx, f.props["actor"]).endswith("Union") and f.evidence[0].sentence == 1 for f in st)


def test_a_deal_said_on_a_day_is_about_what_follows_it_and_a_countrys_government_is_a_co_agent():
    ctx, st = facts("Colombia's government and the National Liberation Army signed an agreement on Friday for a "
                    "nationwide bilateral ceasefire.", "stance", published="2023-06-09")
    got = sorted((label(ctx, f.props["actor"]), f.props["stanceType"][1], f.props["topic"]) for f in st)
    topic = "agreement for a nationwide bilateral ceasefire"
    assert got == [("Colombia", "accept", topic), ("National Liberation Army", "accept", topic)]


def test_a_portfolio_before_an_office_belongs_to_the_title_and_the_country_comes_before_it():
    ctx, _ = facts("Ethiopian Water Minister Seleshi Bekele said the talks had failed.\n"
                   "Then Minister Abiy Tekle said the talks had failed.", "stance", published="2021-04-08")
    people = {e.label: e for e in ctx.entities.values() if e.type == "Person"}
    assert people["Seleshi Bekele"].title == "Water Minister" and label(ctx, people["Seleshi Bekele"].affiliation) == "Ethiopia"
    assert people["Abiy Tekle"].title == "Minister"  # a stop word is no portfolio


def test_the_government_is_the_country_named_before_it_and_a_building_city_is_a_place():
    assert stances("A South Korean official said the government strongly supports an early resumption of talks.") == \
        {("South Korea", "support", "early resumption of talks")}
    assert stances("Officials said government officials rejected the offer.") == set()
    ctx, _ = facts("The talks opened at Acas's offices in Euston Tower, London, on Thursday.", "stance", published="2015-11-30")
    london = [m for m in ctx.mentions if m.text == "London"]
    assert london and london[0].type == "Place"


def test_honorifics_are_not_part_of_an_apposed_name_and_union_congresses_are_not_about_trade():
    ctx, _ = facts("Dr Johann Malawana, chair of the junior doctors committee, said the offer was unfair.",
                   "stance", published="2015-11-30")
    assert "Johann Malawana" in {e.label for e in ctx.entities.values() if e.type == "Person"}
    text = ("The Nigeria Labour Congress and the Trade Union Congress met the government for talks in Abuja.\n"
            "The Trade Union Congress and the Nigeria Labour Congress walked out of the talks.")
    ctx, neg = facts(text, "negotiation", published="2024-06-08")
    assert neg and all("trade" not in f.props["@label"] for f in neg)


@pytest.mark.parametrize("text,word", [
    # the words written before the talk noun name talks the reference data does not know
    ("Greek and Turkish diplomats met in Athens for the 62nd round of exploratory talks.\n"
     "Greece and Turkey will meet again in Ankara.", "exploratory"),
    ("India and Chile concluded the fourth round of FTA talks in Santiago.\nChile said trade talks would go on.", "trade"),
    # else the topic words; "talks on ..." only when there are none
    ("Ghana's unions ended a round of talks on a new minimum wage with the government of Ghana in Accra.\n"
     "The Ghana Trades Union Congress walked out of the talks.", "minimum wage"),
])
def test_unnamed_talks_are_named_by_what_the_text_calls_them(text, word):
    _, neg = facts(text, "negotiation", published="2021-03-17")
    assert [f.props["@label"].endswith(f" {word} talks") for f in neg] == [True]


def test_a_judgement_negated_into_one_the_file_does_not_have_is_a_clear_rule_error():
    from parley.errors import DataError
    from parley.ontology.rules import parse_rules, rule_texts

    texts = rule_texts()
    texts["evaluations.jsonl"] = texts["evaluations.jsonl"].replace('"negated": "positive"', '"negated": "good"')
    with pytest.raises(DataError, match=r"evaluations\.jsonl: 'negated' 'good' of 'negative' is not a judgement"):
        parse_rules(texts)
