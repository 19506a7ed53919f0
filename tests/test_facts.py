"""Quantities, stances and quotes extracted from short texts written for these tests."""
from __future__ import annotations

from decimal import Decimal

import pytest

from parley.graph.amounts import find_quantities
from parley.graph.documents import Document
from parley.graph.extract import extract, lexicon_for
from parley.ontology.rules import load_rules

ID = "https://w3id.org/parley/id/"


def facts(text: str, kind: str | None = None, published: str = "2021-05-12", publisher: str = "Test Wire"):
    doc = Document(id="t1", source="t1.txt", text=text, title=None, publisher=publisher, published=published, url=None)
    ctx = extract(doc, lexicon_for())
    out = [f for f in ctx.facts if kind is None or f.kind in (kind if isinstance(kind, tuple) else (kind,))]
    return ctx, out


def label(ctx, iri):
    ent = ctx.entities.get(iri) or ctx.lexicon.reference.get(iri)
    return ent.label if ent else iri


def actor_stances(ctx, stances) -> set[tuple[str, str]]:
    """Each stance as (its actor's label, its stance type)."""
    return {(label(ctx, f.props["actor"]), f.props["stanceType"][1]) for f in stances}


def speakers_by_quote(ctx, statements) -> dict[str, str]:
    """Each quote's speaker: the speaker's label, else the claimant as written ("a senior official")."""
    return {f.props["quote"]: (label(ctx, f.props["speaker"]) if f.props.get("speaker") else f.evidence[0].claimant_text)
            for f in statements}


def test_an_ordinal_after_a_is_not_a_fraction():
    rules = load_rules()
    assert find_quantities("They wrapped up a fourth day of talks and a third round.", rules) == []
    assert [str(q.value) for q in find_quantities("Seoul paid one-fifth what it should, or a third of the cost.", rules)] == [
        "0.2", "0.3333"]


@pytest.mark.parametrize("text,value,unit", [
    ("a bill of 2.3 trillion won", "2300000000000", "KRW"),
    ("some US$7.5 billion", "7500000000", "USD"),
    ("RM12.4 billion", "12400000000", "MYR"),
    ("€3bn", "3000000000", "EUR"),
    ("two-point-four trillion won", "2400000000000", "KRW"),
    ("forty-five sen", "0.45", "MYR"),
    ("¥88 billion", "88000000000", "JPY"),
    # one figure written in two scales (Korean press, and a transcript's spelled numbers)
    ("paying 1 trillion 38.9 billion won", "1038900000000", "KRW"),
    ("the one trillion thirty-eight-point-nine billion won", "1038900000000", "KRW"),
])
def test_money_values_and_currencies(text, value, unit):
    qs = find_quantities(text, load_rules())
    assert [(str(q.value.normalize()) if q.value != q.value.to_integral() else str(int(q.value)), q.unit) for q in qs] == [(value, unit)]


def test_percent_ratio_count_and_what_is_not_a_quantity():
    qs = find_quantities("Talks on March 3, 2020, the 4th round, covered 12 percent, a threefold rise, two-thirds and 31,000 U.S. troops over two-day meetings.", load_rules())
    got = [(q.kind, q.value, q.unit) for q in qs]
    assert ("Percentage", Decimal("12"), "percent") in got
    assert ("Ratio", Decimal("3"), "ratio") in got
    assert ("Ratio", Decimal("0.6667"), "ratio") in got
    assert ("Count", Decimal("31000"), "persons") in got
    assert len(got) == 4  # no date, year, ordinal or duration


def test_conversion_in_parentheses_is_linked_not_a_separate_list_item():
    qs = find_quantities("It paid 500 billion won ($430 million), then €2bn, £1bn.", load_rules())
    assert [q.converted_from for q in qs] == [None, 0, None, None]


def test_amount_role_subject_year_claimant_in_host_nation_talks():
    text = ("Japan and the United States resumed talks on host-nation support on Monday.\n"
            "Under the current deal Japan paid 190 billion yen ($1.7 billion) this year.\n"
            "Washington asked Tokyo to pay $6 billion a year, according to people familiar with the talks.\n"
            "About 54,000 U.S. troops are stationed in Japan.")
    ctx, amounts = facts(text, ("MonetaryAmount", "Count"))
    rows = {(str(f.props["value"].normalize()), f.props["unit"]): f for f in amounts}
    paid = rows[("1.9E+11", "JPY")]
    assert paid.props["role"][1] == "contribution" and label(ctx, paid.props["subject"]) == "Japan"
    assert paid.props["year"].iso() == "2021"
    conv = rows[("1.7E+9", "USD")]
    assert conv.props["sameAmountAs"] == paid.iri and paid.props["sameAmountAs"] == conv.iri
    demand = rows[("6E+9", "USD")]
    assert demand.props["role"][1] == "demand" and "year" not in demand.props  # "a year" is a rate
    assert demand.evidence[0].claimant_text == "people familiar with the talks"
    troops = rows[("5.4E+4", "persons")]
    assert troops.props["role"][1] == "count" and label(ctx, troops.props["subject"]) == "U.S. Forces Japan"


def test_same_fact_in_two_sentences_is_one_node():
    text = "South Korea paid 900 billion won this year.\nThe 900 billion won South Korea paid this year was a record."
    _, amounts = facts(text, "MonetaryAmount")
    assert len({f.iri for f in amounts}) == 1


def test_stances_negation_passive_and_anonymous_officials():
    text = ("Iran and the United States met in Vienna on Tuesday.\n"
            "Tehran rejected a U.S. proposal for a phased lifting of sanctions.\n"
            "A senior Iranian official said Iran cannot accept any partial deal.\n"
            "The plan was welcomed by the European Union.")
    ctx, st = facts(text, "stance")
    got = actor_stances(ctx, st)
    assert ("Iran", "reject") in got
    assert ("European Union", "support") in got
    assert ("Iran", "accept") not in got  # "cannot accept" is a rejection
    assert all(f.evidence and f.props["topic"] for f in st)


def test_considered_moves_are_not_stances():
    _, st = facts("Japan and the United States held talks in Tokyo.\nJapan could accept a modest increase, officials said.", "stance")
    assert not [f for f in st if f.props["stanceType"][1] == "accept"]


def test_quotes_with_speakers_and_labels_skipped():
    text = ("Japan and the United States held host-nation support talks in Tokyo on Monday.\n"
            "\"We will keep working toward a fair outcome,\" Foreign Minister Taro Sato told reporters.\n"
            "\"Both sides narrowed their differences,\" he added.\n"
            "The costs fall under the \"facility improvement\" category.")
    ctx, qs = facts(text, "statement")
    by_quote = {f.props["quote"]: f for f in qs}
    # the closing comma belongs to the reporting sentence, not to the quote
    assert set(by_quote) == {"We will keep working toward a fair outcome", "Both sides narrowed their differences"}
    assert {label(ctx, f.props["speaker"]) for f in qs} == {"Taro Sato"}


def test_one_statement_quoted_with_a_comma_and_with_a_full_stop_is_one_node():
    comma = facts("\"We want a fair deal,\" Foreign Minister Taro Sato said on Monday.", "statement")[1]
    stop = facts("Foreign Minister Taro Sato said: \"We want a fair deal.\"", "statement")[1]
    assert [f.props["quote"] for f in comma] == [f.props["quote"] for f in stop] == ["We want a fair deal"]
    assert comma[0].iri == stop[0].iri and "/statement/person-taro-sato--" in comma[0].iri


@pytest.mark.parametrize("text", [
    "x" * 200_000,
    "no punctuation at all " * 5000,
    "\x00\x01\x02 control \x1b[31m characters \x7f " * 100,
    "Сеул и Вашингтон 首尔 와 워싱턴 mixed scripts 1조 원 ₩1tn " * 200,
    "<script>alert(1)</script> 5 billion dollars <img src=x onerror=alert(1)> " * 100,
    "(((((((((( $$$$ 1,2,3,4,5,6,7,8,9,0,1,2,3,4,5 trillion trillion won" * 300,
])
def test_hostile_text_never_crashes(text):
    ctx, _ = facts(text)
    assert isinstance(ctx.warnings, list)
    for f in ctx.facts:
        for ev in f.evidence:
            assert 0 <= ev.start <= ev.end <= len(text)


def test_ten_megabyte_article_is_processed():
    para = "The United States demanded that Japan pay $8 billion a year for U.S. Forces Japan. "
    text = "\n".join(para * 20 for _ in range(10 * 1024 * 1024 // (len(para) * 20) + 1))
    assert len(text) >= 10 * 1024 * 1024
    ctx, amounts = facts(text, "MonetaryAmount")
    assert amounts and len({f.iri for f in amounts}) == 1


def rounds_of(text: str, published: str):
    _, rs = facts(text, "round", published=published)
    return sorted(({k: (v.iso() if hasattr(v, "iso") else v[1] if isinstance(v, tuple) else v)
                    for k, v in r.props.items() if k in {"ordinal", "startDate", "endDate", "status"}} for r in rs),
                  key=lambda r: (r.get("ordinal", 0), r.get("startDate", "") or r.get("endDate", "")))


def test_a_date_tied_to_an_ending_verb_is_the_last_day_and_the_length_gives_the_first():
    text = ("Japan and the United States on Friday wrapped up the third round of talks on host-nation support "
            "for U.S. forces, officials said.\n"
            "The three-day session in Tokyo, which opened Wednesday, ended without agreement.")
    assert rounds_of(text, "2021-05-14") == [{"ordinal": 3, "startDate": "2021-05-12", "endDate": "2021-05-14", "status": "held"}]


def test_an_ended_meeting_without_its_length_keeps_no_start():
    text = "Japan and the United States wrapped up the second round of host-nation support talks in Tokyo on Friday."
    assert rounds_of(text, "2021-05-14") == [{"ordinal": 2, "endDate": "2021-05-14", "status": "held"}]


def test_meeting_again_is_the_next_round_planned():
    text = ("Japan and the United States held the fourth round of host-nation support talks in Tokyo on Tuesday.\n"
            "The delegations will meet again next month, a Japanese official said.")
    assert rounds_of(text, "2021-05-12") == [{"ordinal": 4, "startDate": "2021-05-11", "status": "held"},
                                             {"ordinal": 5, "startDate": "2021-06", "status": "planned"}]


def test_an_ordinal_in_apposition_names_the_round():
    text = ("Japan and the United States resumed host-nation support talks this week.\n"
            "The previous round, the sixth, took place in Tokyo in mid-April.")
    assert [r.get("ordinal") for r in rounds_of(text, "2021-05-12")] == [6]


@pytest.mark.parametrize("text,expected", [
    ("Washington pushed for roughly one and a half times the previous level.", [("Ratio", "1.5")]),
    ("The bill rose 2 and a half times.", [("Ratio", "2.5")]),
    ("Trump turned the offer down, two people with knowledge of the matter said.", []),
    ("Three officials familiar with the talks said so.", []),
    ("About 4,000 of the roughly 8,600 workers were furloughed.", [("Count", "4000"), ("Count", "8600")]),
])
def test_spelled_half_ratios_sources_and_part_counts(text, expected):
    from parley.graph.amounts import find_quantities
    from parley.ontology.rules import load_rules

    assert [(q.kind, f"{q.value.normalize():f}") for q in find_quantities(text, load_rules())] == expected


@pytest.mark.parametrize("text,name", [
    ("Foreign Minister Chung Eui-yong said the deal was fair.", "Chung Eui-yong"),
    ("Vice Foreign Minister Cho Sei-young met the envoy on Monday.", "Cho Sei-young"),
    ("Defense Minister Taro Kono spoke to reporters.", "Taro Kono"),
])
def test_titled_names_keep_their_hyphenated_given_names(text, name):
    ctx, _ = facts(text)
    assert [e.label for e in ctx.entities.values() if e.type == "Person"] == [name]


def test_led_by_names_a_person_with_title_and_side():
    ctx, _ = facts("Japan's team was led by Hiroshi Tanabe, deputy director general for North American affairs at the "
                   "Foreign Ministry.\n\"We explained our position,\" Tanabe told reporters.")
    people = [e for e in ctx.entities.values() if e.type == "Person"]
    assert [(p.label, p.title, label(ctx, p.affiliation)) for p in people] == [
        ("Hiroshi Tanabe", "deputy director general for North American affairs", "Japan")]
    quotes = [f for f in ctx.facts if f.kind == "statement"]
    assert [label(ctx, f.props["speaker"]) for f in quotes] == ["Hiroshi Tanabe"]


def test_a_country_name_is_not_a_speech_verb():
    ctx, qs = facts('A State Department spokesperson said the United States remained "committed to a fair and '
                    'equitable agreement that strengthens the alliance."', "statement")
    assert [label(ctx, f.props["speaker"]) for f in qs] == ["anonymous U.S. Department of State spokesperson"]


def test_coordinated_subjects_each_take_the_stance_and_dates_leave_the_topic():
    ctx, st = facts("France, Denmark and the Netherlands urged the negotiator to hold firm on fisheries on Monday.", "stance")
    assert sorted(label(ctx, f.props["actor"]) for f in st) == ["Denmark", "France", "Netherlands"]
    assert {f.props["topic"] for f in st} == {"hold firm on fisheries"}  # the addressee is not the topic
    ctx, st = facts("Japan and South Korea rejected the proposal on Monday.", "stance")
    assert sorted((label(ctx, f.props["actor"]), f.props["topic"]) for f in st) == [("Japan", "proposal"), ("South Korea", "proposal")]


def test_iso_countries_from_cldr_are_reference_entities_with_aliases():
    ctx, _ = facts("Turkey, Czechia and Bosnia and Herzegovina joined the talks with Denmark.")
    assert sorted(label(ctx, m.iri) for m in ctx.mentions if m.type == "Country") == [
        "Bosnia & Herzegovina", "Czechia", "Denmark", "Türkiye"]


@pytest.mark.parametrize("text,roles", [
    # a conversion in parentheses does not hide the verb of the figure's own clause
    ("Washington still wants far more than the 1.04 trillion won ($850 million) Seoul paid last year.",
     [("MonetaryAmount", "contribution"), ("MonetaryAmount", "contribution")]),
    # a change of the figure before it takes that figure's role
    ("Seoul is paying about 1.04 trillion won ($890 million) this year, up 8.2% from last year.",
     [("MonetaryAmount", "contribution"), ("MonetaryAmount", "contribution"), ("Percentage", "contribution")]),
    ("South Korea's contribution for this year rises 13.9 percent to 1.18 trillion won.",
     [("Percentage", "contribution"), ("MonetaryAmount", "contribution")]),
    # a comparison in apposition takes the role of the figure it compares
    ("Ottawa is seeking about $2 billion a year, roughly three times what Tokyo pays now.",
     [("MonetaryAmount", "demand"), ("Ratio", "demand")]),
    ("Canada wants $900 million, some 40 percent more than it received in 2020.",
     [("MonetaryAmount", "demand"), ("Percentage", "demand")]),
    # a rate next to a tariff is no payment, demand or offer
    ("Tokyo sought assurances that Washington will not impose duties of up to 25 percent on cars.",
     [("Percentage", "other")]),
    ("Seoul will pay 1.5 trillion won next year.\nThat is 8.3 percent more than this year.",
     [("MonetaryAmount", "contribution"), ("Percentage", "contribution")]),
    # a sentence restating the figure just reported keeps its role
    ("Japan will pay 1.2 trillion yen over five years.\nThe annual average of 240 billion yen compares with 201 billion yen now.",
     [("MonetaryAmount", "contribution"), ("MonetaryAmount", "contribution"), ("MonetaryAmount", "contribution")]),
    # "from A to B" and "A, or an annual average of B": the second figure is the first one's kind
    ("The share of fuel costs borne by Manila will fall from 64 percent to 55 percent.",
     [("Percentage", "share"), ("Percentage", "share")]),
    ("Tokyo's payment for base utilities drops from 23.1 billion yen in 2016 to about 19.8 billion yen in 2021.",
     [("MonetaryAmount", "contribution"), ("MonetaryAmount", "contribution")]),
    ("Japan's host-nation support will total 910 billion yen (about 8.1 billion U.S. dollars), or an annual average of 182 billion yen.",
     [("MonetaryAmount", "contribution"), ("MonetaryAmount", "contribution"), ("MonetaryAmount", "contribution")]),
    # a payment inside an offer's infinitive is what is offered
    ("Ankara rejected a Greek proposal to raise its yearly payment by 9 percent, diplomats said.",
     [("Percentage", "offer")]),
])
def test_roles_across_conversions_and_changes(text, roles):
    _, qs = facts(text, ("MonetaryAmount", "Percentage", "Ratio", "Count"))
    assert [(f.kind, f.props["role"][1]) for f in qs] == roles


def test_a_currency_named_for_a_country_is_not_the_figure_subject():
    ctx, qs = facts("The pipeline deal is worth 4.2 billion euros (about 4.6 billion U.S. dollars), the company said.",
                    ("MonetaryAmount",))
    assert len(qs) == 2 and all("subject" not in f.props for f in qs)


def test_a_noun_after_a_figure_is_not_its_verb():
    _, qs = facts("Tehran is also demanding access to about $7 billion of its funds frozen in foreign banks.",
                  ("MonetaryAmount",))
    assert [f.props["role"][1] for f in qs] == ["demand"]


def test_the_listener_after_told_is_not_the_speaker():
    ctx, qs = facts('A State Department official spoke on Monday.\n"Significant work remains to narrow the gap," '
                    'the official told Yonhap News Agency on condition of anonymity.', "statement")
    assert [label(ctx, f.props["speaker"]) for f in qs] == ["anonymous U.S. Department of State official"]


@pytest.mark.parametrize("text,expected", [
    ("The Trump administration initially asked for roughly $5 billion annually.",
     [("United States", "demand", "roughly $5 billion annually")]),
    ("A Pentagon spokesperson declined to comment on the status of the talks.", []),
    ("Japan rejected on Friday a proposal to double its payments.", [("Japan", "reject", "proposal to double its payments")]),
])
def test_administrations_silence_and_dates_in_stances(text, expected):
    ctx, st = facts(text, "stance")
    assert [(label(ctx, f.props["actor"]), f.props["stanceType"][1], f.props["topic"]) for f in st] == expected


def test_a_pronoun_before_a_verb_group_is_the_agent_not_an_earlier_name():
    ctx, st = facts('"Our payments already cover the U.S. troops here, so we cannot accept a new category of '
                    'operational support," a South Korean foreign ministry official told reporters.', "stance")
    assert ("South Korea", "reject", "new category of operational support") in [
        (label(ctx, f.props["actor"]), f.props["stanceType"][1], f.props["topic"]) for f in st]


def test_a_capitalised_group_modifier_at_a_sentence_start_is_kept():
    ctx, _ = facts("SEOUL, March 3 (Yonhap) -- Opposition lawmakers vowed to block the deal.", published="2021-03-03")
    groups = [e for e in ctx.entities.values() if e.type == "Group"]
    assert [(g.label, label(ctx, g.affiliation)) for g in groups] == [("opposition lawmakers", "South Korea")]


@pytest.mark.parametrize("text, expected", [
    ("Farmers' unions in India have opposed any opening of the dairy sector.", [("farmers' unions", "oppose")]),
    ("The fishermen\u2019s groups and unions protested; the unions opposed the quota.", [("labor unions", "oppose")]),
])
def test_a_plural_possessive_names_its_own_group(text, expected):
    ctx, st = facts(text, "stance")
    assert [(label(ctx, f.props["actor"]), f.props["stanceType"][1]) for f in st] == expected


def test_ordinal_meetings_dateline_here_and_country_venues():
    text = ("PUTRAJAYA, March 14 (Bernama) -- Malaysia and Singapore held a second meeting on the 1962 Water Agreement "
            "here today.\nThe first meeting took place in Singapore in late January.\n"
            "About 2,000 troops in Singapore were not involved.")
    ctx, rs = facts(text, "round", published="2019-03-14")
    got = sorted((r.props.get("ordinal"), label(ctx, r.props.get("venue")), r.props["startDate"].iso()) for r in rs)
    assert got == [(1, "Singapore", "2019-01"), (2, "Putrajaya", "2019-03-14")]


def test_the_demonym_capital_is_the_capital_city():
    text = ("South Korea and the United States ended the fifth round of talks on sharing the cost of U.S. troops on "
            "Wednesday.\nThe sixth round will be held in the South Korean capital next month.")
    ctx, rs = facts(text, "round", published="2019-12-18")
    assert [(r.props.get("ordinal"), label(ctx, r.props.get("venue"))) for r in rs] == [(5, None), (6, "Seoul")]


def test_cue_phrases_with_abbreviations_match_and_unnamed_talks_get_a_negotiation():
    ctx, _ = facts("American and South Korean negotiators ended round two of their talks on the cost of U.S. troops "
                   "on Thursday.", published="2019-10-24")
    assert ctx.negotiation == "https://w3id.org/parley/id/negotiation/sma-11"  # by its topic, "cost of U.S. troops", and date
    ctx, facts_ = facts("VIENNA, April 9 (Reuters) -- Iran and the European Union wrapped up a first round of talks in "
                        "Vienna on Friday and agreed to reconvene next week, diplomats said.\n"
                        "An envoy said the commission would meet again next week.", ("round", "negotiation"),
                        published="2021-04-09")
    neg = [f for f in facts_ if f.kind == "negotiation"]
    assert [f.props["@label"] for f in neg] == ["Iran–EU talks"]  # a country before an organization, by short name
    rounds = sorted((f.props["ordinal"], f.props["status"][1]) for f in facts_ if f.kind == "round")
    assert rounds == [(1, "held"), (2, "planned")]


def test_a_meeting_without_ordinal_is_one_node_per_month_whatever_each_article_says_of_its_venue():
    a = facts("Talks between South Korea and the United States on sharing the cost of U.S. troops broke down in Seoul "
              "this week.", "round", published="2019-11-20")[1]
    b = facts("South Korean and U.S. negotiators broke off talks on the cost of U.S. troops on Tuesday.", "round",
              published="2019-11-19")[1]
    assert len(a) == len(b) == 1 and a[0].iri == b[0].iri


@pytest.mark.parametrize("text,stance", [
    ("Civic groups denounced the deal as a humiliating surrender.", "oppose"),
    ("Opposition lawmakers vowed to block the agreement in parliament.", "oppose"),
    ("Japan ruled out any increase in its payments.", "reject"),
    ("Seoul applauded the agreement on Monday.", "support"),
])
def test_more_stance_cues_from_the_lexicon(text, stance):
    _, st = facts(text, "stance")
    assert [f.props["stanceType"][1] for f in st] == [stance]


@pytest.mark.parametrize("text,person,title", [
    ("The delegation, led by Vice Premier Liu He, arrived on Thursday.", "Liu He", "Vice Premier"),
    ("Chief Cabinet Secretary Hirokazu Matsuno told reporters the talks went well.", "Hirokazu Matsuno",
     "Chief Cabinet Secretary"),
    # an office written capitalized, an office with its complement, initials, a double-barrelled surname
    ("Spokesperson Helga Brandt said the delegation had brought new ideas.", "Helga Brandt", "spokesperson"),
    ("The Canadian ambassador to Peru, Mark Tillson, acts as mediator.", "Mark Tillson", "ambassador to Peru"),
    ("The Chief of the Army Staff, General RK Bhatia, said troops would stay.", "RK Bhatia", "General"),
    ("Talks ended with Bolivia's chief delegate, Tomas Quispe-Mamani, declaring they had failed.",
     "Tomas Quispe-Mamani", "chief delegate"),
    # appositives with lowercase modifiers and more offices
    ("Ramon Alvarado, a ruling Liberal Party lawmaker, urged the negotiators to hold firm.", "Ramon Alvarado", "lawmaker"),
    ("Mercosur's chief negotiator, Uruguayan diplomat Felipe Arrua, was cooler.", "Felipe Arrua", "diplomat"),
])
def test_more_titles_from_the_lexicon(text, person, title):
    ctx, _ = facts(text)
    assert [(e.label, e.title) for e in ctx.entities.values() if e.type == "Person"] == [(person, title)]


def test_an_office_of_a_country_in_its_complement_gives_that_countrys_body():
    ctx, _ = facts("The meeting between the Foreign Minister of Chile, Mr Ruben Soto, and his counterpart went well.\n"
                   "The U.N. special coordinator for Haiti, Ivo Lanz, attended.")
    people = {e.label: e for e in ctx.entities.values() if e.type == "Person"}
    assert people["Ruben Soto"].title == "Foreign Minister of Chile"
    assert label(ctx, people["Ruben Soto"].affiliation) == "Ministry of Foreign Affairs (Chile)"
    assert people["Ivo Lanz"].title == "special coordinator for Haiti"  # the modifier before the office is kept


def test_a_quote_belongs_to_the_verb_that_opens_it_and_the_ministry_is_the_one_named_before():
    text = ('Canadian negotiator Anne Leclerc said "serious gaps remain" on dairy, while Japan\'s chief negotiator '
            'Kenji Mori said a deal was "still within reach" this month.\n'
            'Japan\'s foreign ministry issued a statement on Friday.\n'
            '"Both sides deepened their understanding of each other," the ministry said.')
    ctx, qs = facts(text, "statement")
    who = {f.props["quote"]: label(ctx, f.props["speaker"]) for f in qs}
    assert who["serious gaps remain"] == "Anne Leclerc"
    assert who["still within reach"] == "Kenji Mori"
    assert who["Both sides deepened their understanding of each other"].startswith("Ministry of Foreign Affairs")


def test_honorifics_are_not_part_of_a_name():
    ctx, _ = facts("Prime Minister Tun Dr Mahathir Mohamad called the price unfair.\nMahathir said talks would resume.")
    assert {label(ctx, m.iri) for m in ctx.mentions if m.type == "Person"} == {"Mahathir Mohamad"}


def test_put_at_names_the_claimant_and_since_gives_no_year():
    ctx, qs = facts("Iran seeks compensation for losses since 2018, which Iranian officials have put at more than $100 billion.",
                    "MonetaryAmount")
    assert [("year" in f.props, f.evidence[0].claimant_text or label(ctx, f.evidence[0].claimed_by)) for f in qs] == [
        (False, "anonymous Iran official")]


def test_a_determiner_alone_before_a_speech_verb_names_no_speaker():
    ctx, _ = facts("Manila, the capital, hosted the meeting, and the Philippine side said little. The said report was late.")
    assert not [w for w in ctx.warnings if "gave up" in w]


@pytest.mark.parametrize("text,name,title", [
    ("South Korea's delegation was led by its chief negotiator, Lee Tae-woo, at the talks.", "Lee Tae-woo", "chief negotiator"),
    ("European Commission President Ursula von der Leyen called the deal historic.", "Ursula von der Leyen", "President"),
    ("Enrique Mora, the EU coordinator, said a deal was close.", "Enrique Mora", "coordinator"),
    ("Philippine Foreign Undersecretary Theresa Lazaro met her counterpart.", "Theresa Lazaro", "Foreign Undersecretary"),
])
def test_names_in_apposition_with_particles_and_more_titles(text, name, title):
    ctx, _ = facts(text)
    assert [(e.label, e.title) for e in ctx.entities.values() if e.type == "Person"] == [(name, title)]


@pytest.mark.parametrize("text,subject", [
    ("India has kept about 50,000 soldiers in the region.", "India"),
    ("The United States keeps about 28,500 troops in South Korea as a legacy of the war.", "U.S. Forces Korea"),
])
def test_troops_belong_to_the_force_stationed_where_they_are_or_to_their_country(text, subject):
    ctx, qs = facts(text, "Count")
    assert [label(ctx, f.props["subject"]) for f in qs] == [subject]


def test_untitled_names_before_speech_verbs_and_participle_speakers():
    text = ('"The talks have broken off," Kim Myong Gil told reporters. He said the other side had come "with empty hands."\n'
            'State Department spokeswoman Morgan Ortagus disputed his account, saying the team had brought "creative ideas".\n'
            'A civic group of progressive activists rallied downtown, calling the deal "an unfair burden on taxpayers."')
    ctx, qs = facts(text, "statement")
    who = {f.props["quote"]: label(ctx, f.props["speaker"]) for f in qs}
    assert who == {"The talks have broken off": "Kim Myong Gil", "with empty hands": "Kim Myong Gil",
                   "creative ideas": "Morgan Ortagus", "an unfair burden on taxpayers": "civic group"}


def test_the_two_sides_are_the_negotiations_parties():
    ctx, qs = facts("India and China held the 14th round of border talks on Wednesday.\n"
                    'In a joint statement, the two sides said they would "stay in close contact".', "statement")
    assert sorted(f.evidence[0].claimant_text.split(" and ") for f in qs) == [["China", "India"]]


def test_partial_quotes_after_an_appositive_a_coordinated_verb_or_according_to_have_speakers():
    text = ("Japan and the United States held host-nation support talks in Tokyo on Monday.\n"
            "Japan's top negotiator, Director-General Taro Sato, said the sides were \"moving closer\" on costs.\n"
            "Ambassador Helen Ward praised the mood and said both delegations wanted \"a fair and lasting deal.\"\n"
            "According to a senior defense ministry official, the U.S. side wanted \"much faster progress\" on costs.\n"
            "Farmers chanted \"No more concessions\" outside the ministry.")
    ctx, qs = facts(text, "statement")
    got = speakers_by_quote(ctx, qs)
    assert got["moving closer"] == "Taro Sato"
    assert got["a fair and lasting deal"] == "Helen Ward"
    assert "official" in got["much faster progress"]
    assert got["No more concessions"].lower() == "farmers"


def test_a_quoted_label_after_the_or_so_called_is_not_a_quote():
    _, qs = facts("Japan rejected the so-called \"final offer\", officials said.\n"
                  "Officials said the \"special measures\" fund would shrink.", "statement")
    assert qs == []


def test_a_delegation_head_speaks_for_their_side_and_every_affiliation_has_a_node():
    text = ("Deputy Trade Minister Ana Ribeiro led the Brazilian delegation, while Vice Foreign Minister "
            "Li Wen headed the Chinese delegation.\n"
            "Li said Beijing opposes any new quota on soybeans.\n"
            "Ribeiro said Brazil would not accept a cap on exports.")
    ctx, st = facts(text, "stance")
    got = actor_stances(ctx, st)
    assert ("Li Wen", "oppose") in got and ("Ana Ribeiro", "reject") in got
    li = next(e for e in ctx.entities.values() if e.label == "Li Wen")
    assert label(ctx, li.affiliation) == "Ministry of Foreign Affairs (China)"
    for ent in ctx.entities.values():  # no affiliation points at an IRI without a name
        assert ent.affiliation is None or label(ctx, ent.affiliation) != ent.affiliation


def test_every_country_has_its_demonym_and_capital_from_the_generated_gazetteer():
    text = ("Argentine and Kenyan officials met in Brasilia on Monday.\n"
            "Nairobi rejected the proposed quota, while the Brazilian delegation urged patience.")
    ctx, st = facts(text, "stance")
    by_reading = {(m.text, m.reading): label(ctx, m.iri) for m in ctx.mentions}
    assert by_reading[("Brasilia", "place")] == "Brasília"
    assert by_reading[("Nairobi", "actor")] == "Kenya"
    assert by_reading[("Kenyan", "demonym")] == "Kenya"
    assert by_reading[("Brazilian", "actor")] == "Brazil"  # "the Brazilian delegation" acts as Brazil
    assert actor_stances(ctx, st) >= {("Kenya", "reject"), ("Brazil", "urge")}


def test_speakers_named_in_part_abbreviated_titles_and_generational_suffixes_resolve_to_one_person():
    text = ("Japan and the United States held trade talks in Tokyo on Monday, led by chief negotiator Ana Lopez Vidal.\n"
            "\"We are close,\" Lopez Vidal told reporters.\n"
            "Okinawa Gov. Kenji Tamura opposed the plan. \"Not here,\" Tamura said.\n"
            "Trade Secretary Robert Hale Jr. said the two sides needed \"more time to settle it.\"\n"
            "\"We narrowed some differences,\" Jeong told reporters, a day after chief negotiator Jeong Eun-bo arrived.")
    ctx, qs = facts(text, "statement")
    speakers = {f.props["quote"]: label(ctx, f.props["speaker"]) for f in qs if f.props.get("speaker")}
    assert speakers["We are close"] == "Ana Lopez Vidal"
    assert speakers["Not here"] == "Kenji Tamura"
    assert speakers["more time to settle it"] == "Robert Hale Jr."
    assert speakers["We narrowed some differences"] == "Jeong Eun-bo"


def test_transcript_turns_of_people_in_the_story_are_quotes_and_presenters_are_not():
    text = ("MARA QUINN: Trade talks between Canada and Chile have stalled.\n\n"
            "LEO PARK: Trade Minister Ines Solano walked out of the meeting in Santiago on Sunday.\n\n"
            "INES SOLANO: We will not sign a deal that hurts our growers.\n\n"
            "LEO PARK: A Chilean official was more hopeful.\n\n"
            "CHILEAN OFFICIAL (voiced by actor): The door is still open for a fair deal.\n\n"
            "MARA QUINN: Leo Park reporting.")
    ctx, qs = facts(text, "statement", published="2023-10-30")
    got = speakers_by_quote(ctx, qs)
    assert set(got) == {"We will not sign a deal that hurts our growers", "The door is still open for a fair deal"}
    assert got["We will not sign a deal that hurts our growers"] == "Ines Solano"
    assert "Chile" in got["The door is still open for a fair deal"] and "official" in got["The door is still open for a fair deal"]


def test_a_titled_turn_label_is_an_interviewee_and_a_byline_label_is_the_outlets_reporter():
    text = ("MARA QUINN: Trade talks between Canada and Chile have stalled.\n\n"
            "LEO PARK, BYLINE: Leo Park reported from Santiago, where the talks stalled on Sunday.\n\n"
            "TOMAS REYES, Chilean deputy trade minister (through interpreter): We need more time to study it.\n\n"
            "PARK: Officials will meet again next month.")
    ctx, qs = facts(text, "statement", published="2023-10-30")
    got = speakers_by_quote(ctx, qs)
    assert got == {"We need more time to study it": "Tomas Reyes"}
    reyes = next(e for e in ctx.entities.values() if e.label == "Tomas Reyes")
    assert reyes.title == "Chilean deputy trade minister" and label(ctx, reyes.affiliation) == "Chile"


def test_unknown_organizations_by_their_head_noun_act_in_their_own_name():
    text = ("Canada and Chile resumed trade talks in Ottawa on Monday.\n"
            "The Canadian Chamber of Commerce urged both governments to finish quickly.\n"
            "A farm lobby, the Southern Growers' Federation, rejected the draft outright.\n"
            "The talks were held at the Institute for Trade Studies in Ottawa.")
    ctx, st = facts(text, "stance", published="2023-05-02")
    got = actor_stances(ctx, st)
    assert ("Canadian Chamber of Commerce", "urge") in got and ("Southern Growers' Federation", "reject") in got
    chamber = next(e for e in ctx.entities.values() if e.label == "Canadian Chamber of Commerce")
    assert chamber.type == "Organization" and label(ctx, chamber.affiliation) == "Canada"
    assert not any(e.label.startswith("Institute") for e in ctx.entities.values() if e.type == "Organization")


def test_armed_forces_by_their_head_noun_and_a_count_is_not_part_of_a_name():
    text = ("The Rapid Support Forces and the Sudanese Armed Forces sent delegations to Jeddah on Saturday.\n"
            "Eight Philippine Navy sailors were hurt when the China Coast Guard rammed their boat.\n"
            "The Arakan Army rejected the truce.")
    ctx, _ = facts(text, published="2023-05-20")
    got = {e.label: (e.type, label(ctx, e.affiliation) if e.affiliation else None) for e in ctx.entities.values()}
    assert got["Rapid Support Forces"] == ("Military", None)
    assert got["Sudanese Armed Forces"] == ("Military", "Sudan")
    assert got["Philippine Navy"] == ("Military", "Philippines") and got["China Coast Guard"] == ("Military", "China")
    assert got["Arakan Army"] == ("Organization", None)  # an army no country names: a non-state armed group
    assert not any(name.startswith("Eight") for name in got)


def test_an_organization_named_again_by_its_first_words_and_a_city_inside_a_name():
    text = ("Dock workers at Rotterdam Harbour Hospital and Lisbon Maritime Center stayed home on Monday.\n"
            "The Lisbon Port Pilots Association rejected the new rota.\n"
            "The breakthrough at Rotterdam Harbour came late.\n"
            "Rotterdam Harbour said the offer was final.\n"
            "Lisbon Maritime accepted the deal on Tuesday.")
    ctx, st = facts(text, "stance", published="2023-01-13")
    orgs = {e.label: e for e in ctx.entities.values() if e.type == "Organization"}
    assert {"Rotterdam Harbour Hospital", "Lisbon Maritime Center", "Lisbon Port Pilots Association"} <= set(orgs)
    assert label(ctx, orgs["Lisbon Port Pilots Association"].affiliation) == "Portugal"  # the city's country
    assert not any(e.type == "Person" for e in ctx.entities.values())  # "Rotterdam Harbour said": no person
    got = actor_stances(ctx, st)
    assert ("Lisbon Port Pilots Association", "reject") in got and ("Lisbon Maritime Center", "accept") in got
    said = [m for m in ctx.mentions if m.text == "Rotterdam Harbour"]
    assert len(said) == 1 and label(ctx, said[0].iri) == "Rotterdam Harbour Hospital"  # not the venue "at …"


def test_central_banks_are_government_bodies_and_a_bank_that_says_is_no_person():
    text = ("The Central Bank of Sri Lanka said it would keep rates on hold.\n"
            "China's Export-Import Bank reached its own deal in October.\n"
            "The Asian Development Bank said the loan was approved.")
    ctx, _ = facts(text, published="2024-03-22")
    got = {e.label: (e.type, label(ctx, e.affiliation) if e.affiliation else None) for e in ctx.entities.values()}
    assert got["Central Bank of Sri Lanka"] == ("GovernmentBody", "Sri Lanka")
    assert got["Export-Import Bank"] == ("Organization", "China")
    assert got["Asian Development Bank"][0] == "Organization"
    assert not any(t == "Person" for t, _ in got.values())


def test_a_country_before_a_known_body_names_that_body():
    text = ("The US State Department welcomed the deal on Friday.\n"
            "The U.S. State Department urged both sides to implement it.")
    ctx, st = facts(text, "stance", published="2023-03-18")
    bodies = {label(ctx, e.iri) for e in ctx.entities.values() if e.type == "GovernmentBody"}
    assert not bodies  # no new "US State Department" beside the reference data's body
    said = {label(ctx, m.iri) for m in ctx.mentions if "State Department" in m.text}
    assert said == {"U.S. Department of State"}
    assert {a for a, _ in actor_stances(ctx, st)} == {"U.S. Department of State"}


def test_reaching_a_deal_is_an_acceptance_by_each_party_and_an_aim_is_none():
    text = ("Lisbon and Oslo reached a new five-year agreement on sharing the cost of the Fisheries Accord on Friday.\n"
            "Earlier efforts to reach an agreement had stalled.\n"
            "Spain and France ended the talks without reaching a deal.\n"
            "\"You have reached an agreement that will help everyone,\" the mediator, Ana Lopes, told them.\n"
            "Italy is pushing for a one-year agreement, while Greece wants the two-year term.")
    ctx, st = facts(text, "stance", published="2024-10-04")
    got = {(label(ctx, f.props["actor"]), f.props["stanceType"][1], f.props["topic"]) for f in st}
    accepted = {(a, t) for a, s, t in got if s == "accept"}
    assert {a for a, _ in accepted} == {"Portugal", "Norway"}  # no aim, no "without", no "you" told to others
    assert all("five-year agreement" in t for _, t in accepted)  # no agreement the reference knows: the phrase stays
    assert ("Italy", "demand", "one-year agreement") in got  # a term demanded is the topic itself
    ctx, st = facts("Seoul and Washington have reached a new five-year agreement on the cost of U.S. troops, ending "
                    "talks on the 12th Special Measures Agreement.", "stance", published="2024-10-04")
    assert {(label(ctx, f.props["actor"]), f.props["topic"]) for f in st} == {
        ("South Korea", "12th Special Measures Agreement"), ("United States", "12th Special Measures Agreement")}


def test_a_double_hyphen_after_a_bracket_splits_the_words_it_joins():
    ctx, st = facts("Tokyo, Jan. 7 (Kanto Wire)--Japan and Canada signed on Friday a new fisheries agreement.", "stance",
                    published="2022-01-07")
    assert {a for a, s in actor_stances(ctx, st) if s == "accept"} == {"Japan", "Canada"}


def test_a_count_of_members_of_a_named_body_has_that_body_as_subject():
    text = ("Outside the ministry, about 30 members of the civic group Harbour Watch Association staged a rally.\n"
            "About 2,000 members of the Korean Teachers Union marched.\n"
            "About 4,000 of the roughly 8,600 South Korean employees of U.S. Forces Korea were furloughed.")
    ctx, counts = facts(text, "Count", published="2019-03-09")
    got = {str(c.props["value"]): label(ctx, c.props.get("subject")) if c.props.get("subject") else None for c in counts}
    assert got["30"] == "Harbour Watch Association" and got["2000"] == "Korean Teachers Union"
    assert got["8600"] == "South Korean workers"  # a workforce keeps its own rule
    assert got["4000"] != "South Korea"  # "4,000 of the … South Korean employees": a demonym is no body


def test_the_two_sides_acting_are_each_party_of_the_negotiation():
    text = ("Lisbon and Oslo resumed talks on a fisheries accord on Monday.\n"
            "The foreign ministry said the two sides had rejected a one-year extension.\n"
            "Lisbon had proposed that the two governments sign a separate arrangement on quotas.")
    ctx, st = facts(text, "stance", published="2024-10-04")
    got = {(label(ctx, f.props["actor"]), f.props["stanceType"][1]) for f in st}
    assert {("Portugal", "reject"), ("Norway", "reject")} <= got  # not the ministry that reported it
    assert ("Norway", "accept") not in got and ("Portugal", "propose") in got  # what one side proposed both should do


def test_a_named_military_far_from_a_troop_count_is_not_its_subject():
    text = ("India has kept about 50,000 soldiers in the region, and officers put the strength of the People's "
            "Liberation Army opposite them at a similar level.")
    ctx, amounts = facts(text, "Count", published="2021-10-11")
    assert [label(ctx, a.props.get("subject")) for a in amounts if str(a.props["value"]) == "50000"] == ["India"]
    ctx, amounts = facts("The People's Liberation Army keeps about 50,000 soldiers in the region.", "Count",
                         published="2021-10-11")
    assert [label(ctx, a.props.get("subject")) for a in amounts] == ["People's Liberation Army"]


def test_the_buyer_not_the_goods_origin_is_the_subject_and_difficult_to_accept_is_a_refusal():
    text = ("Chile has offered to buy an additional $12 billion of Canadian goods, officials said.\n"
            "\"It would be difficult to accept a higher quota,\" Trade Minister Ines Solano said.")
    ctx, amounts = facts(text, "MonetaryAmount", published="2023-05-02")
    offer = next(f for f in amounts if str(f.props["value"]) == "12000000000")
    assert label(ctx, offer.props["subject"]) == "Chile"
    _, st = facts(text, "stance", published="2023-05-02")
    assert [f.props["stanceType"][1] for f in st if "quota" in f.props["topic"]] == ["reject"]


def test_accented_names_a_ministry_spokesman_and_no_time_taken_for_a_name():
    text = ("On Thursday, Chilean Trade Ministry spokesman Tomás Ibáñez said Santiago opposed any new quota.\n"
            "Taoiseach Micheál Martin met the delegation in Dublin.")
    ctx, st = facts(text, "stance", published="2023-05-02")
    people = {e.label: e for e in ctx.entities.values() if e.type == "Person"}
    assert "Tomás Ibáñez" in people and "Micheál Martin" in people
    assert not any("Thursday" in name for name in people)
    assert not any(e.anonymous for e in people.values())
    assert label(ctx, people["Tomás Ibáñez"].affiliation).startswith("Ministry of Trade")
    assert [(label(ctx, f.props["actor"]), f.props["stanceType"][1]) for f in st] == [("Tomás Ibáñez", "oppose")]


def test_unit_prices_are_costs_and_trade_figures_belong_to_the_goods_country():
    text = ("Under the 1975 accord, Chile pays $0.04 per 1,000 gallons of water drawn from the river.\n"
            "Canada will hold off on raising tariffs on $80 billion in Chilean imports, officials said.")
    ctx, amounts = facts(text, "MonetaryAmount", published="2023-05-02")
    by_value = {str(f.props["value"]): f for f in amounts}
    assert by_value["0.04"].props["role"][1] == "cost"
    assert label(ctx, by_value["80000000000"].props["subject"]) == "Chile"
    assert by_value["80000000000"].props["role"][1] == "other"


def test_asking_for_or_agreeing_to_a_fair_outcome_is_support():
    text = ("Canada and Chile held trade talks in Ottawa on Monday.\n"
            "Trade Minister Ines Solano said Chile would push for a deal that both publics find fair and reasonable.\n"
            "The ministers agreed to work toward an outcome acceptable to both sides.\n"
            "Canada demanded a 20 percent cut in dairy tariffs.")
    ctx, st = facts(text, "stance", published="2023-05-02")
    got = {(f.props["stanceType"][1], f.props["topic"]) for f in st}
    assert {s for s, t in got if "fair" in t or "acceptable" in t} == {"support"}
    assert ("demand", "20 percent cut in dairy tariffs") in got


@pytest.mark.parametrize("text,value", [
    ("About twenty-eight thousand five hundred American troops are stationed here.", "28500"),
    ("some two thousand workers", "2000"),
    ("fifty-five thousand three hundred and twenty troops", "55320"),
    ("three hundred thousand dollars", "300000"),
])
def test_spelled_out_thousands_are_one_number(text, value):
    assert [str(q.value) for q in find_quantities(text, load_rules())] == [value]


def test_half_of_a_year_is_a_period_and_inline_read_links_are_furniture():
    assert find_quantities("The meeting will be held in the second half of the year.", load_rules()) == []
    assert [str(q.value) for q in find_quantities("Seoul pays half of the cost.", load_rules())] == ["0.5"]
    ctx, got = facts("Canada and Chile met in Ottawa.\nREAD: 2 coast guard ships damaged off the coast\n", "Count")
    assert got == []


def test_a_sum_inside_a_demands_that_clause_is_demanded_and_a_surplus_with_a_country_is_the_speakers():
    text = ("Manila demanded that Beijing return the seized rifles and pay ₱60 million for the damaged boats.\n"
            "Japan's goods trade surplus with the United States came to about 6.5 trillion yen last year.")
    ctx, amounts = facts(text, "MonetaryAmount", published="2024-07-03")
    by_value = {int(f.props["value"]): f for f in amounts}
    assert by_value[60000000].props["role"][1] == "demand"
    assert label(ctx, by_value[60000000].props["heldBy"]) == "Philippines"
    assert label(ctx, by_value[6500000000000].props["subject"]) == "Japan"


def test_apposed_names_quoted_as_saying_and_a_pronoun_after_the_clause_subject():
    text = ("Canada and Mexico resumed dairy talks in Ottawa on Monday.\n"
            "Mexico's envoy to the talks, Lucia Herrera Vidal, said \"our farmers cannot wait\" after the session.\n"
            "Radio Canada quoted Trade Minister Paul Grant as saying \"the gap is narrowing fast\".\n"
            "A local newspaper quoted a senior trade official as saying \"nothing is agreed yet\".\n"
            "Trade Minister Paul Grant met Herrera Vidal and thanked her for what he called \"a serious and welcome offer\".")
    ctx, qs = facts(text, "statement", published="2023-03-07")
    got = speakers_by_quote(ctx, qs)
    assert got["our farmers cannot wait"] == "Lucia Herrera Vidal"
    assert got["the gap is narrowing fast"] == "Paul Grant"
    assert "official" in got["nothing is agreed yet"]
    assert got["a serious and welcome offer"] == "Paul Grant"
    envoy = next(e for e in ctx.entities.values() if e.label == "Lucia Herrera Vidal")
    assert envoy.title == "envoy to the talks" and envoy.affiliation.endswith("/mexico")


def test_counts_over_adjectives_and_acronyms_take_their_clauses_subject():
    rules = load_rules()
    got = [(str(q.value), q.unit) for q in find_quantities(
        "The pact caps each side at 1,550 deployed strategic warheads, 27 IAEA surveillance cameras and "
        "five existing EDCA sites, but not the 2020 existing limits.", rules)]
    assert got == [("1550", "count"), ("27", "count"), ("5", "count")]
    ctx, amounts = facts("Norway and Iceland held fisheries talks in Oslo on Monday.\n"
                         "Iceland has removed 12 monitoring cameras from the disputed zone.", "Count",
                         published="2022-06-14")
    assert [(str(f.props["value"]), label(ctx, f.props.get("subject"))) for f in amounts] == [("12", "Iceland")]


def test_unknown_government_bodies_by_head_word_and_no_person_or_speaker_from_their_tail():
    text = ("NAIROBI, May 2 - Kenya and Uganda held border talks in Kampala on Tuesday.\n"
            "The Department of Lake Resources said in a statement that the new posts would be opened \"once the survey "
            "is finished\".\n"
            "Uganda's Ministry of Fisheries said talks would continue.\n"
            "South Korea's Foreign Ministry said it was not involved.")
    ctx, qs = facts(text, "statement", published="2023-05-02")
    bodies = {e.label: (e.type, e.affiliation and e.affiliation.rsplit("/", 1)[-1]) for e in ctx.entities.values()}
    assert bodies["Department of Lake Resources"] == ("GovernmentBody", None)
    assert bodies["Ministry of Fisheries"] == ("GovernmentBody", "uganda")
    assert not any(e.type == "Person" for e in ctx.entities.values())  # not "Lake Resources", not "Fisheries"
    assert not any(label.startswith("South Korea's") for label in bodies)  # the known foreign ministry
    assert [label(ctx, q.props["speaker"]) for q in qs] == ["Department of Lake Resources"]


def test_a_quote_mark_opening_the_next_sentence_starts_it():
    from parley.graph.nlp import sentences
    text = ('The minister ruled out any concession on rice. "We will never give up on our growers," he said. '
            'He said "no." Then \u201cwe wait.\u201d')
    assert [s.text for s in sentences(text)] == [
        "The minister ruled out any concession on rice.", '"We will never give up on our growers," he said.',
        'He said "no."', "Then \u201cwe wait.\u201d"]


def test_who_before_a_speech_verb_and_he_after_a_newer_name():
    text = ("Officials in Seoul worry about a return of former President Donald Trump, the Republican nominee, who has "
            "said South Korea is a \"very rich country\" that should pay more.\n"
            "\"The burden is fair,\" a senior defense ministry official said.\n"
            "Trade Minister Ines Solano ruled out any concession on rice. \"We will never give up on our growers,\" "
            "he said.")
    ctx, qs = facts(text, "statement", published="2024-08-30")
    got = speakers_by_quote(ctx, qs)
    assert got["very rich country"] == "Donald Trump"
    # "he" is the minister named after the official spoke, not the official
    assert got["We will never give up on our growers"] == "Ines Solano"


@pytest.mark.parametrize("text, quote, speaker", [
    # the outlet's "reported" frames what the subject of the earlier speech verb said
    ('Premier Li Qiang said the talks had made "important progress on tariffs," state television reported.',
     "important progress on tariffs", "Li Qiang"),
    # ", he announced a halt …, calling": a clause with its own subject, not an aside after "Singapore"
    ("President Maria Lopez met the delegates in May.\nAfter her summit in Singapore, she announced a pause in the "
     'drills, calling them "far too costly."', "far too costly", "Maria Lopez"),
    # "the association said": the organization with that head word named before
    ("The Northern Islands Residents Association urged the government to stand firm.\n"
     '"Giving up any island would betray our parents," the association said in a statement.',
     "Giving up any island would betray our parents", "Northern Islands Residents Association"),
])
def test_the_speaker_of_a_quote_in_a_reported_or_participial_frame(text, quote, speaker):
    ctx, qs = facts(text, "statement", published="2019-02-16")
    assert speakers_by_quote(ctx, qs)[quote] == speaker


def test_physical_measures_with_their_units_and_no_rate_bases():
    text = ("China offered to buy 5 million tonnes of soybeans, and the dam will generate 5,000 MW. "
            "Egypt receives 55.5 bcm a year; Singapore pays three sen per 1,000 gallons.")
    got = [(q.kind, str(q.value), q.unit) for q in find_quantities(text, load_rules())]
    assert ("Measure", "5000000", "tonnes") in got and ("Measure", "5000", "MW") in got
    assert any(k == "Measure" and Decimal(v) == Decimal("55500000000") and u == "cubic metres" for k, v, u in got)
    assert not any(u == "gallons" for _, _, u in got)  # "per 1,000 gallons" is a price's base
    ctx, amounts = facts("China offered to buy 5 million tonnes of soybeans. Ethiopia paid for 74 billion cubic metres "
                         "of storage.", "Measure", published="2019-02-20")
    roles = {f.props["unit"]: (f.props["role"][1], label(ctx, f.props.get("subject"))) for f in amounts}
    assert roles["tonnes"] == ("offer", "China")
    assert roles["cubic metres"][0] == "other"  # a measure is never paid, whatever the verb


def test_a_rise_by_a_percentage_a_that_clause_after_an_aside_and_a_multiple_of_a_possessive():
    text = ("That agreement raised Seoul's contribution for 2021 by 13.9 percent.\n"
            "Donald Trump demanded during his time in office that South Korea pay $5 billion annually, over five "
            "times Seoul's payment at that point.")
    ctx, amounts = facts(text, published="2024-07-12")
    got = {(str(f.props["value"]), f.props["unit"], f.props["role"][1]) for f in amounts if "value" in f.props}
    assert ("13.9", "percent", "contribution") in got  # a rise in the contribution, not a share of it
    assert ("5000000000", "USD", "demand") in got and ("5", "ratio", "demand") in got
    assert not any(unit == "count" for _, unit, _ in got)


def test_the_government_is_the_one_named_earlier_a_title_is_no_name_and_us_dollars_are_no_actor():
    text = ("RIMBO, Sweden, Dec. 13 (Xinhua) -- Yemen's government and the Houthi rebels agreed on Thursday to a "
            "ceasefire.\nSweden hosted the talks. Sweden said it was glad to help.\n"
            "The government had long insisted on a full Houthi pullout from the city.\n"
            "Trade Minister Don Farrell urged China to scrap its tariffs. Senator Farrell said he had asked for wine "
            "to be handled the same way.\n"
            "The tranche of about 337 million US dollars will be paid once the board signs off.")
    ctx, st = facts(text, "stance", published="2018-12-13")
    got = actor_stances(ctx, st)
    assert ("Yemen", "demand") in got and ("Sweden", "demand") not in got
    assert not any(e.type == "Person" and e.label.startswith("Senator") for e in ctx.entities.values())
    assert ("Don Farrell", "demand") in got
    last = ctx.sentences[-1]
    assert not any(m.type == "Country" for m in ctx.mentions_in(last))  # "US dollars": a currency's name


def test_the_union_is_the_one_workers_body_named_when_no_union_is():
    text = ("United Auto Workers members ratified a new contract with General Motors. The UAW said GM had agreed.\n"
            "The union had insisted on a clear path to full-time status for temporary workers.")
    ctx, st = facts(text, "stance", published="2019-10-25")
    assert ("United Auto Workers", "demand") in actor_stances(ctx, st)
    both = text + "\nThe Teamsters Union backed the strike."  # a body named with "Union" itself comes first
    ctx, st = facts(both, "stance", published="2019-10-25")
    assert ("United Auto Workers", "demand") not in actor_stances(ctx, st)


def test_a_proposal_frames_the_first_figure_and_a_base_year_is_not_the_figures():
    text = ("Under the proposal, Seoul would have increased its contribution for this year by at least 13% over the "
            "1.04 trillion won it paid in 2019.\nThe 27 member states backed the plan.")
    ctx, amounts = facts(text, published="2020-04-10")
    got = {(format(f.props["value"].normalize(), "f"), f.props["role"][1],
            f.props["year"].iso() if f.props.get("year") else None) for f in amounts if "value" in f.props}
    assert ("13", "offer", "2020") in got and ("1040000000000", "contribution", "2019") in got
    assert ("27", "count", None) in got


@pytest.mark.parametrize("text,expected", [
    # a subject that names no actor: no earlier actor takes its stance
    ("Tokyo and Washington initialed the text on Monday, and two days later the Cabinet formally approved the deal.",
     {("Japan", "accept"), ("United States", "accept")}),
    # "signs" held up is a noun, and the members' body opposes
    ("Outside the ministry, members of civic groups held up signs opposing any increase.", {("civic groups", "oppose")}),
    # reporting conventions, a chance to act and a before-clause take no stance
    ("Australia's trade minister declined to discuss figures.", set()),
    ("Negotiators hope to finish soon, so that parliament has time to ratify a new deal.", set()),
    ('"Before we sign up to another increase, the public deserves answers," said Kim Min-ji, an activist.', set()),
    ("The deficit narrowed again, a decline Ottawa frequently cites.", set()),
    ("President Donald Trump signed proclamations imposing tariffs on steel.", set()),
])
def test_stances_need_an_actor_as_their_verbs_subject_and_a_verb_not_a_noun(text, expected):
    ctx, st = facts(text, "stance")
    assert actor_stances(ctx, st) == expected


def test_a_relative_clause_keeps_its_coordination_in_one_topic_that_wishes_for_an_outcome():
    ctx, st = facts('Foreign Minister Park Jin told lawmakers the government would seek an outcome "that the public '
                    'and the legislature can accept."', "stance", publisher="Korea Wire")
    assert [(f.props["stanceType"][1], f.props["topic"]) for f in st] == [
        ("support", "outcome that the public and the legislature can accept")]


def figures(text: str, published: str = "2019-03-09") -> list[tuple[str, str, str]]:
    """(value, role, subject label) of every figure."""
    ctx, qs = facts(text, ("MonetaryAmount", "Percentage", "Ratio", "Count"), published=published)
    return [(format(f.props["value"].normalize(), "f"), f.props["role"][1], label(ctx, f.props["subject"])) for f in qs]


@pytest.mark.parametrize("text,expected", [
    ("South Korea and the United States met on defense cost-sharing. About 28,500 U.S. troops are stationed here, along "
     "with some 8,700 South Korean civilians who work on the bases.",
     [("28500", "count", "U.S. Forces Korea"), ("8700", "count", "South Korean workers")]),
    ("Japan and the United States met on host nation support. Some 25,000 Japanese nationals work at U.S. bases.",
     [("25000", "count", "Japanese workers")]),
    # the cap on the agreed annual rise, and a rise stated as a sum over the current deal, are what the payer pays
    ("South Korea and the United States met on defense cost-sharing. The annual increase is tied to inflation and "
     "capped at 4 percent.", [("4", "contribution", "South Korea")]),
    ("Japan and the United States reached agreement on host nation support. This represents an increase of 13.3 "
     "billion yen, approximately 1.4 percent, over the current agreement.",
     [("13300000000", "contribution", "Japan"), ("1.4", "contribution", "Japan")]),
    ("The United States and China agreed that tariffs will be capped at 25 percent.", [("25", "other", "China")]),
])
def test_workers_by_their_work_and_caps_and_rises_on_what_the_payer_pays(text, expected):
    assert figures(text) == expected


def test_a_predicate_with_to_is_no_passive_and_an_apposed_body_gives_the_person_a_side():
    ctx, st = facts("Mara Specht, senior adviser for security agreements at the State Department, led the U.S. side.\n"
                    'Specht said Washington was committed to reaching "a fair and mutually beneficial outcome."', "stance")
    assert [(label(ctx, f.props["actor"]), f.props["stanceType"][1]) for f in st] == [("Mara Specht", "support")]
    person = next(e for e in ctx.entities.values() if e.label == "Mara Specht")
    assert label(ctx, person.affiliation) == "U.S. Department of State"


def test_who_reports_a_figure_is_not_its_subject():
    got = figures("Japan and the United States held talks on host nation support. The figure has since come down to "
                  "about $1.3 billion for this year, local media reported last month.")
    assert got and all(subject != "local media" for _, _, subject in got)


def test_a_procedural_agreement_with_its_day_and_a_reported_stance_take_no_stance_of_the_reporter():
    ctx, st = facts("South Korea and the United States held the fifth round of talks on defense cost-sharing.\n"
                    "The two sides agreed on Wednesday to hold the sixth round in Washington in mid-January.\n"
                    "It has since lowered its request to about $4 billion, according to media reports.", "stance",
                    published="2019-12-19")
    assert actor_stances(ctx, st) == set()
