"""Currencies beyond the hand-kept table: CLDR names, explicit markers, and shared words read in context."""
from __future__ import annotations

from decimal import Decimal

import pytest

from parley.errors import DataError
from parley.graph.amounts import find_quantities
from parley.graph.currencies import local_code, unit_codes
from parley.ontology.rules import load_rules, parse_rules, rule_texts

from .test_facts import facts

COUNTRY = "https://w3id.org/parley/id/country/"


def money(text: str) -> list[tuple[Decimal, str, str]]:
    return [(q.value.normalize(), q.unit, q.text) for q in find_quantities(text, load_rules()) if q.kind == "MonetaryAmount"]


@pytest.mark.parametrize("text,unit", [
    ("a loan of 12 billion Kenyan shillings", "KES"),  # CLDR name, not in the hand table
    ("about 3 billion Egyptian pounds", "EGP"),
    ("a 7 billion Brazilian real budget", "BRL"),
    ("the 200 billion birr dam", "ETB"),  # bare word from the hand table
    ("R$40 billion", "BRL"),  # CLDR symbol with a currency sign
    ("₪2 billion", "ILS"),
])
def test_currencies_named_by_cldr_or_the_table(text, unit):
    assert [u for _, u, _ in money(text)] == [unit]


def test_a_marker_or_an_in_phrase_names_the_dollar():
    got = money("Trade totals $1-trillion (U.S.) a year, or roughly $1.24-trillion in Canadian dollars.")
    assert got == [(Decimal("1E+12"), "USD", "$1-trillion (U.S.)"),
                   (Decimal("1.24E+12"), "CAD", "$1.24-trillion in Canadian dollars")]
    qs = find_quantities("Trade totals $1-trillion (U.S.) a year, or roughly $1.24-trillion in Canadian dollars.", load_rules())
    assert qs[1].converted_from == 0  # "a year, or roughly …" restates the figure


def test_paid_in_another_currency_keeps_the_symbols_currency():
    assert money("Seoul paid $900 million in won last year.") == [(Decimal("9E+8"), "USD", "$900 million")]


def test_shared_words_list_every_currency_of_that_name():
    assert {"INR", "PKR", "LKR", "NPR"} <= set(unit_codes("rupee"))
    assert find_quantities("a Rs50 billion dam", load_rules())[0].shared == unit_codes("rupee")
    assert find_quantities("a 50 billion yen budget", load_rules())[0].shared == ()


def test_local_code_prefers_dateline_then_sentence_then_article():
    rupee = unit_codes("rupee")
    pk, india, lk = COUNTRY + "pakistan", COUNTRY + "india", COUNTRY + "sri-lanka"
    assert local_code("INR", rupee, pk, [india], [india, india]) == "PKR"
    assert local_code("INR", rupee, None, [lk], [india, india]) == "LKR"
    assert local_code("INR", rupee, None, [lk, india], [india]) == "INR"  # a tie in the sentence, broken by the article
    assert local_code("INR", rupee, None, [], [COUNTRY + "japan"]) == "INR"  # no rupee country named: the default


@pytest.mark.parametrize("text,unit", [
    ("KARACHI, March 3 (Reuters) - Pakistan will spend Rs50 billion on the new dam, officials said.", "PKR"),
    ("NEW DELHI, March 3 (Reuters) - India will spend Rs50 billion on the new dam, officials said.", "INR"),
    ("Sri Lanka will spend Rs50 billion on the new port, its finance ministry said.", "LKR"),
])
def test_shared_rupees_follow_the_article(text, unit):
    _, amounts = facts(text, "MonetaryAmount")
    assert [f.props["unit"] for f in amounts] == [unit]


def test_a_shared_form_must_name_a_currency_noun():
    texts = rule_texts()
    texts["currencies.jsonl"] += '{"code": "SGD", "words": [], "symbols": [], "shared": {"bucks": "buck"}}\n'
    with pytest.raises(DataError, match="no currency in use named '... buck' includes SGD"):
        parse_rules(texts)
