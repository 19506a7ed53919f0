"""Furniture removal and time expressions, on text written for these tests."""
import pytest

from parley.graph.dates import PartialDate, find_times, parse_published
from parley.graph.furniture import clean

WIRE = """Allies trade offers on base costs
By Jane Roe
TOKYO, March 3 (Kyodo) -- Japan and the United States ended a third round of talks on Tuesday.
Negotiators will meet again next month.
jane.roe@example.com
(END)
-
Unrelated headline about a football match
-
Another unrelated headline about the weather
"""


def test_furniture_is_masked_and_offsets_survive():
    c = clean(WIRE)
    assert len(c.text) == len(WIRE)
    assert c.title == "Allies trade offers on base costs"
    assert c.dateline_place == "Tokyo" and c.dateline_date == "March 3" and c.dateline_agency == "Kyodo"
    for gone in ["football", "weather", "Jane Roe", "example.com", "Allies trade", "TOKYO"]:
        assert gone not in c.text
    i = WIRE.index("Japan and")
    assert c.text[i:i + 9] == "Japan and"


def test_copyright_and_photo_credit_lines():
    text = "Leaders met in Hanoi.\nPhoto by Kim Lee/Pool via Reuters\n(c) 2020 Example Media. All rights reserved.\nThey agreed to talk again.\n"
    c = clean(text)
    assert "Pool" not in c.text and "rights" not in c.text and "agreed to talk again" in c.text


@pytest.mark.parametrize("marker", ["Related posts:", "Related reading", "RELATED LINKS", "Read more:", "[Related Articles]",
                                    "【Related】", "Related stories >>"])
def test_a_related_links_block_is_furniture(marker):
    text = f"The bloc offered a quota of 99,000 tonnes of beef.\n---\n{marker}\n- Sugar and 180,000 tonnes of ethanol: the quotas\n"
    c = clean(text)
    assert "99,000 tonnes" in c.text and "180,000" not in c.text


@pytest.mark.parametrize("text,pub,expected", [
    ("the first round was held last month", "2019-11-19", "2019-10"),
    ("they met earlier this week", "2019-11-21", "2019-11"),
    ("an official said Friday", "2018-04-13", "2018-04-13"),
    ("an official said Thursday", "2018-04-13", "2018-04-12"),
    ("talks will resume on Friday", "2018-04-10", "2018-04-13"),
    ("the deal expired at the end of last year", "2020-02-21", "2019-12"),
    ("the next round is set for mid-August", "2018-07-24", "2018-08"),
    ("in mid-December negotiators gathered", "2020-01-09", "2019-12"),
    ("they will meet in Washington in May", "2018-04-13", "2018-05"),
    ("it was signed on November 15, 2019", None, "2019-11-15"),
    ("as of 09th January, 2020", None, "2020-01-09"),
    ("contributions this year", "2018-04-13", "2018"),
    ("the next meeting is due in the second half of the year", "2024-07-03", "2024"),
    ("a deal in the first half of next year", "2024-07-03", "2025"),
    ("they hope to sign later this year", "2024-07-03", "2024"),
    ("talks faltered late last year", "2024-07-03", "2023"),
    ("the first round was held in January last year", "2023-06-12", "2022-01"),
    ("the deal is to be signed in March of next year", "2023-06-12", "2024-03"),
    ("they last met in Rome last November", "2023-06-12", "2022-11"),
    ("Last March the talks collapsed", "2023-06-12", "2023-03"),
    ("a summit is planned for next February", "2023-06-12", "2024-02"),
    ("a third round is planned before the end of the year", "2023-04-27", "2023"),
    ("they hope to finish by the end of next year", "2023-04-27", "2024"),
])
def test_time_expressions_resolve_at_their_precision(text, pub, expected):
    found = [e for e in find_times(text, PartialDate.parse(pub)) if e.date]
    assert found and found[0].date.iso() == expected, [(e.text, e.date) for e in find_times(text, PartialDate.parse(pub))]


def test_unresolvable_times_stay_text():
    found = find_times("the talks ended on Friday", None)
    assert found and found[0].date is None
    vague = find_times("they will meet again in the coming months", PartialDate.parse("2024-07-03"))
    assert vague and vague[0].date is None  # a stretch of time, not next month
    assert parse_published(None, "Nov 19") is None
    assert parse_published(None, "Nov 19, 2019").iso() == "2019-11-19"
