"""Currencies beyond the hand-kept table: CLDR names, and which country's currency a shared word means.

``ontology/rules/currencies.jsonl`` lists the currencies news copy writes most,
with their symbols and bare words ("won", "RM", "sen").  Everything else
comes from CLDR through Babel, so an article about Ethiopia's dam or
Pakistan's budget is read without a hand list growing forever:

* every currency in use today is found by its English names, singular and
  plural ("Ethiopian birr", "Pakistani rupees", "Mexican pesos");
* a bare word or symbol several currencies share ("rupees", "Rs", "pesos",
  "dinars") lists the CLDR unit noun it stands for in the table's ``shared``
  map; the article decides which of those currencies it means
  (:func:`local_code`): the dateline's country first, then the countries
  named in the sentence, then in the article, else the table's own code.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from functools import lru_cache

from babel import Locale
from babel.numbers import get_currency_name, get_territory_currencies

from .iris import slug

COUNTRY = "https://w3id.org/parley/id/country/"


@lru_cache(maxsize=1)
def territories() -> dict[str, frozenset[str]]:
    """Currency code -> ISO 3166 alpha-2 codes of the territories using it today (CLDR)."""
    out: dict[str, set[str]] = defaultdict(set)
    for code in Locale("en").territories:
        if len(code) == 2 and code.isalpha():
            for cur in get_territory_currencies(code):
                out[cur].add(code)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def cldr_names() -> dict[str, str]:
    """Lower-case English names of every currency in use -> its code ("ethiopian birrs" -> "ETB")."""
    names: dict[str, str] = {}
    for code in sorted(territories()):
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en")
            if name and name != code and " " in name:  # a bare noun ("birr") is only taken from the hand table
                names.setdefault(name.lower(), code)
    return names


@lru_cache(maxsize=1)
def cldr_symbols() -> dict[str, str]:
    """English symbols of the currencies in use that carry a currency sign ("CA$", "R$", "₪"); others are left
    out ("Kč" or a bare code is too easily a word or a name)."""
    from babel.numbers import get_currency_symbol

    out: dict[str, str] = {}
    for code in sorted(territories()):
        sym = get_currency_symbol(code, locale="en")
        if sym and any(unicodedata.category(ch) == "Sc" for ch in sym):
            out.setdefault(sym, code)
    return out


@lru_cache(maxsize=None)
def unit_codes(noun: str) -> tuple[str, ...]:
    """Codes of the currencies in use whose English name ends in ``noun`` ("rupee" -> INR, LKR, NPR, PKR, …)."""
    en = Locale("en").currencies
    return tuple(sorted(c for c in territories() if (en.get(c) or "").lower().split()[-1:] == [noun.lower()]))


@lru_cache(maxsize=1)
def country_territory() -> dict[str, str]:
    """Country IRI -> ISO alpha-2 code, by the same names ``make_countries`` mints IRIs from."""
    from ..ontology.make_countries import _names  # the generator's naming rules, so the IRIs agree

    out = {}
    for code, name in Locale("en").territories.items():
        if len(code) == 2 and code.isalpha():
            out[COUNTRY + slug(_names(code, name)[0])] = code
    return out


def local_code(default: str, candidates: tuple[str, ...], home: str | None,
               sentence_countries: list[str], article_countries: list[str]) -> str:
    """The candidate currency the article means: that of its dateline country (``home``), then of the
    country named most in the sentence, then in the article (each breaking the ties of the one before);
    ``default`` when none of them uses one, or on a tie it is part of."""
    where = country_territory()
    users = territories()

    def score(iris: list[str]) -> dict[str, int]:
        counts: dict[str, int] = {}
        for iri in iris:
            t = where.get(iri)
            for code in candidates:
                if t and t in users.get(code, ()):
                    counts[code] = counts.get(code, 0) + 1
        return counts

    levels = [score([home] if home else []), score(sentence_countries), score(article_countries)]
    rank = {code: tuple(level.get(code, 0) for level in levels) for code in candidates}
    best = max(rank.values(), default=(0, 0, 0))
    if not any(best):
        return default
    tied = sorted(code for code, r in rank.items() if r == best)
    return default if default in tied else tied[0]
