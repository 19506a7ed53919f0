"""Rounds described across sentences: the meeting named once, described elsewhere (texts written for these tests)."""
from __future__ import annotations

from test_facts import facts, label

ID = "https://w3id.org/parley/id/"


def rounds(text: str, published: str) -> list[dict]:
    _, rs = facts(text, "round", published=published)
    out = []
    for r in sorted(rs, key=lambda r: r.props.get("ordinal", 0)):
        row = {k: (v.iso() if hasattr(v, "iso") else v[1] if isinstance(v, tuple) else v) for k, v in r.props.items()
               if k in {"ordinal", "startDate", "endDate", "status", "venue"}}
        if "venue" in row:
            row["venue"] = row["venue"].rsplit("/", 1)[-1]
        out.append(row)
    return out


def test_a_description_of_the_main_meeting_lends_it_venue_and_length():
    text = ("Japan and the United States ended the fifth round of host-nation support talks on Friday.\n"
            "The two-day meeting in Honolulu followed a fourth round in Tokyo last month.")
    assert rounds(text, "2021-05-14") == [
        {"ordinal": 4, "venue": "tokyo", "startDate": "2021-04", "status": "held"},
        {"ordinal": 5, "venue": "honolulu", "startDate": "2021-05-13", "endDate": "2021-05-14", "status": "held"}]


def test_talks_in_a_capital_in_the_lead_are_the_round_named_later():
    text = ("Japan and the United States failed to agree on host-nation support after two days of talks in "
            "Washington, Japan's foreign ministry said Thursday.\n"
            "The seventh round of negotiations, held on Tuesday and Wednesday, ended without a date for the next.")
    assert rounds(text, "2021-05-13") == [
        {"ordinal": 7, "venue": "washington", "startDate": "2021-05-11", "endDate": "2021-05-12", "status": "held"}]


def test_a_far_date_is_not_an_unnumbered_sessions_and_scheduled_for_a_capital_is_a_venue():
    text = ("Japan and the United States wrapped up the sixth round of host-nation support talks on Friday.\n"
            "The three-day session at the Foreign Ministry was the first since the fifth round collapsed last month.\n"
            "The seventh round is scheduled for Tokyo later this month.")
    got = rounds(text, "2021-05-14")
    assert got[1] == {"ordinal": 6, "venue": "foreign-ministry", "startDate": "2021-05-12", "endDate": "2021-05-14",
                      "status": "held"}
    assert got[2]["venue"] == "tokyo" and got[2]["status"] == "planned"


def test_unknown_venues_and_the_previous_round():
    text = ("NEW DELHI, Jan 13 - India and China held the 14th round of commander-level talks at the Chushul-Moldo "
            "border point on Wednesday, the Indian army said.\n"
            "The previous round, held in October at Moldo, ended in a stalemate.\n"
            "U.S. troops in Okinawa were not involved.")
    got = rounds(text, "2022-01-13")
    assert [(r.get("ordinal"), r.get("venue")) for r in got] == [(13, "moldo"), (14, "chushul-moldo")]


def test_a_time_after_since_dates_nothing():
    text = ("VIENNA, Nov 29 - Iran and world powers resumed talks in Vienna on Monday on the nuclear deal.\n"
            "The seventh round of negotiations, the first since June, opened at the Palais Coburg hotel.")
    got = rounds(text, "2021-11-29")
    assert [(r.get("ordinal"), r.get("startDate")) for r in got] == [(7, "2021-11-29")]


def test_rounds_of_something_else_are_not_rounds_and_the_edition_named_most_wins():
    text = ("Japan and North Korea's talks in Stockholm broke down on Saturday after North Korea conducted 11 rounds of "
            "weapons tests this year.")
    assert [(r.get("ordinal"), r["status"]) for r in rounds(text, "2019-10-05")] == [(None, "broken_off")]
    _, negs = facts("South Korea and the United States held the second round of talks on the 12th SMA in Seoul.\n"
                    "The 12th SMA would replace the 11th SMA, which expires next year.", "negotiation", published="2024-05-23")
    assert [n.props["agreement"].rsplit("/", 1)[-1] for n in negs] == ["sma-12"]


def test_rounds_that_began_somewhere_give_the_first_round_and_a_count_of_earlier_rounds():
    text = ("South Korea and the United States signed the 12th Special Measures Agreement on Friday.\n"
            "Negotiators sealed it at the ninth round of talks, held in Seoul on Tuesday, after eight earlier rounds "
            "that began in Busan in March.")
    assert rounds(text, "2025-09-12") == [
        {"status": "concluded", "startDate": "2025-09-12"},  # the signing: a session of its own
        {"ordinal": 1, "venue": "busan", "startDate": "2025-03", "status": "held"},
        {"ordinal": 8, "status": "held"},
        {"ordinal": 9, "venue": "seoul", "startDate": "2025-09-09", "status": "concluded"}]


def test_a_non_restrictive_began_clause_is_the_reported_meeting_not_the_first_round():
    text = ("Japan and the United States held the sixth round of host-nation support talks this week.\n"
            "The talks, which began on Tuesday in Tokyo, ended on Wednesday.")
    assert [r.get("ordinal") for r in rounds(text, "2021-05-14")] == [6]


def test_numbered_forums_adjectives_future_dates_and_an_ordinal_without_its_noun():
    text = ("Canada and Mexico wrapped up the 112th meeting of the Joint Fisheries Commission in Ottawa on Thursday.\n"
            "The two sides agreed on Thursday to hold the 113th meeting in Mexico City in mid-January.\n"
            "The 111th was held in Merida in June.")
    assert rounds(text, "2023-11-17") == [
        {"ordinal": 111, "venue": "merida", "startDate": "2023-06", "status": "held"},
        {"ordinal": 112, "venue": "ottawa", "endDate": "2023-11-16", "status": "held"},
        {"ordinal": 113, "venue": "mexico-city", "startDate": "2024-01", "status": "planned"}]


def test_a_named_dialogue_after_its_ordinal_and_an_adjective_before_round():
    text = ("The 10th Canada-Mexico Strategic Dialogue was held on Monday at the Canadian Embassy in Washington.\n"
            "The fourth formal round of fisheries talks is planned for Ottawa in March.")
    got = rounds(text, "2023-11-14")
    assert [(r["ordinal"], r["status"]) for r in got] == [(4, "planned"), (10, "held")]
    assert got[1]["startDate"] == "2023-11-13"


def test_a_bare_opening_long_ago_is_the_first_round_and_a_since_clause_lends_no_venue():
    text = ("The European Union and Norway ended the seventh round of fisheries talks in Oslo on Friday.\n"
            "Negotiations opened in Bergen on March 2.\n"
            "The session was the seventh round since the leaders agreed to a framework in Tromso on Jan. 4.")
    got = {r["ordinal"]: r for r in rounds(text, "2021-08-20")}
    assert got[1] == {"ordinal": 1, "venue": "bergen", "startDate": "2021-03-02", "status": "held"}
    assert got[7]["venue"] == "oslo"


def test_a_meetings_days_and_venue_told_in_another_sentence_complete_the_round():
    text = ("Canada and Chile ended two days of fisheries negotiations in Ottawa on Friday.\n"
            "The talks, held on Thursday and Friday at the Lord Elgin Hotel, were the fourth round of fisheries "
            "negotiations since the ministers agreed to a framework in Santiago on Jan. 4.\n"
            "The third round was held in Valparaiso in July, while the fifth round is set to take place in "
            "Ottawa in early December.")
    got = {r["ordinal"]: r for r in rounds(text, "2023-10-14")}
    assert got[4]["startDate"] == "2023-10-12" and got[4]["endDate"] == "2023-10-13"
    assert got[3]["startDate"] == "2023-07" and got[5]["startDate"] == "2023-12" and got[5]["status"] == "planned"


def test_concluding_a_numbered_meeting_is_holding_it_and_spans_in_day_month_order():
    text = ("Pakistan and India on Tuesday concluded the 118th meeting of the Joint River Commission in New Delhi.\n"
            "The two-day meeting, held on 30th and 31st May, 2022 at Sewa Bhawan in New Delhi, was cordial.\n"
            "The next meeting is pencilled in for early next year.")
    got = {r.get("ordinal"): r for r in rounds(text, "2022-06-01")}
    assert got[118]["status"] == "held" and got[118]["startDate"] == "2022-05-30"
    assert got[119] == {"ordinal": 119, "status": "planned", "startDate": "2023"}


def _negotiation_labels(text: str, published: str) -> list[str]:
    _, ns = facts(text, "negotiation", published=published)
    return [n.props["@label"] for n in ns]


def test_unnamed_talks_take_the_name_of_the_forum_they_meet_in():
    text = ("GENEVA, March 3 - Canadian and Brazilian officials held the fourth round of their Joint Economic "
            "Dialogue at a lakeside hotel on Thursday.\n"
            "Canada and Brazil agreed to meet again in Brasilia in June.")
    assert _negotiation_labels(text, "2023-03-03") == ["Brazil–Canada Joint Economic Dialogue"]


def test_a_standing_commission_names_its_meetings_and_a_headline_names_nothing():
    text = ("Mexico, Guatemala Hold Talks On River Water At Border Commission\n"
            "Mexico and Guatemala on Tuesday concluded the 31st meeting of the International Boundary "
            "Commission in Tapachula.\n"
            "The two countries will meet again next year.")
    assert _negotiation_labels(text, "2019-05-08") == ["Guatemala–Mexico International Boundary Commission meetings"]


def test_without_a_forum_name_the_talks_are_named_by_parties_and_topic():
    text = "Canada and Brazil held a second round of trade talks in Ottawa on Friday."
    assert _negotiation_labels(text, "2023-03-03") == ["Brazil–Canada trade talks"]


def test_a_country_that_begins_a_longer_name_is_not_the_venue():
    text = ("Norway and Sweden ended their third round of fisheries talks on Friday.\n"
            "The two-day session was held at the Norway House of Maritime Studies in Tromso.")
    got = rounds(text, "2022-09-16")
    assert got == [{"ordinal": 3, "venue": "norway-house-of-maritime-studies", "startDate": "2022-09-15",
                    "endDate": "2022-09-16", "status": "held"}]


def test_the_place_nearest_a_round_noun_is_its_venue():
    text = ("Chile and Peru met on Tuesday at the Pacific Trade Centre, their first meeting since the fourth round "
            "in Arica, which broke down in May.")
    got = rounds(text, "2023-08-10")
    assert (got[0].get("ordinal"), got[0].get("venue")) == (4, "arica")


def test_a_verb_that_tells_how_a_round_ended_does_not_make_its_date_the_last_day():
    text = ("Peru and Chile held the 14th round of fisheries talks in Lima on Monday.\n"
            "It was the first since the 13th round on October 10 last year, which ended with both sides blaming "
            "each other.")
    got = rounds(text, "2022-01-12")
    assert got[0] == {"ordinal": 13, "startDate": "2021-10-10", "status": "held"}


def test_an_ordinal_over_a_forums_acronym_and_a_planned_half_year():
    text = ("Peru and Bolivia held the ninth meeting of their Joint Water Commission in Lima on Tuesday.\n"
            "The eighth JWC meeting was held in La Paz in January. The 10th meeting will take place in Bolivia in "
            "the second half of the year.")
    got = rounds(text, "2024-07-03")
    assert [(r["ordinal"], r.get("startDate"), r["status"]) for r in got] == [
        (8, "2024-01", "held"), (9, "2024-07-02", "held"), (10, "2024", "planned")]


def test_a_since_clause_dates_an_earlier_event_unless_it_names_a_round():
    text = ("NEW DELHI: The 13th round of the India-China Corps Commander Level Meeting was held at the Chushul-Moldo "
            "border point on 10 October 2021.\n"
            "The two sides have held 13 rounds of talks since the stand-off in Eastern Ladakh began in May 2020.")
    got = rounds(text, "2021-10-11")
    assert got == [{"ordinal": 13, "venue": "chushul-moldo", "startDate": "2021-10-10", "status": "held"}]
    ctx, _ = facts(text, "round", published="2021-10-11")
    assert not [e.label for e in ctx.entities.values() if e.type == "Person"]  # not "Level Meeting"
    text = ("Peru and Chile met in Lima on Monday, the first time since the 13th round on October 10 last year.")
    assert [(r["ordinal"], r.get("startDate")) for r in rounds(text, "2022-01-12") if r.get("ordinal")] == [(13, "2021-10-10")]


def test_talks_on_a_topic_that_opened_somewhere_and_an_ordinal_without_its_noun_mid_sentence():
    text = ("Japan and the United States ended a fifth round of host-nation support talks in Tokyo on Friday.\n"
            "It was the first session held in Tokyo since talks on the new cost-sharing deal opened in Honolulu in January.\n"
            "A second round followed in Okinawa in February, and the third took place in Washington last month.")
    # "the first session held in Tokyo since …" is no first round; the opening is, and so is "the third" after ", and"
    assert rounds(text, "2021-05-14") == [
        {"ordinal": 1, "venue": "honolulu", "startDate": "2021-01", "status": "held"},
        {"ordinal": 2, "venue": "okinawa", "startDate": "2021-02", "status": "held"},
        {"ordinal": 3, "venue": "washington", "startDate": "2021-04", "status": "held"},
        {"ordinal": 5, "venue": "tokyo", "endDate": "2021-05-14", "status": "held"}]


def test_the_first_round_since_an_event_is_still_the_first():
    text = ("China and the United States ended a third round of trade talks in Beijing on Friday.\n"
            "The first round since the truce, a three-day meeting, was held in Washington in early January, "
            "and the second took place in Beijing on Jan. 30-31.")
    assert [(r["ordinal"], r.get("venue")) for r in rounds(text, "2019-02-15")] == [
        (1, "washington"), (2, "beijing"), (3, "beijing")]


def test_a_city_inside_the_region_named_first_is_the_venue():
    text = ("South Korea and the United States ended a second round of cost-sharing talks in Hawaii on Thursday.\n"
            "The second round, held in Honolulu, produced no deal.")
    assert [(r["ordinal"], r.get("venue")) for r in rounds(text, "2019-10-25")] == [(2, "honolulu")]


def test_a_day_after_the_talks_dates_them_the_day_before():
    text = ("Japan on Sunday urged China and South Korea to return to the table, "
            "a day after their trade talks broke down in Busan.")
    assert [(r.get("startDate"), r["status"]) for r in rounds(text, "2019-10-06")] == [("2019-10-05", "broken_off")]
    text = "On Sunday, a day after the minister's remarks, trade talks between China and Japan broke down in Busan."
    assert [r.get("startDate") for r in rounds(text, "2019-10-06")] == ["2019-10-06"]  # the offset is the remarks'


def negotiation(text: str, published: str) -> str:
    ctx, _ = facts(text, "negotiation", published=published)
    return next(f.props["@label"] for f in ctx.facts if f.kind == "negotiation")


def test_talks_held_while_the_named_edition_is_in_force_belong_to_the_edition_under_negotiation():
    text = ("Seoul and Washington ended a fifth round of defense cost-sharing talks in Seoul on Wednesday.\n"
            "South Korea pays 1.3 trillion won this year under the 11th Special Measures Agreement, which runs "
            "through 2025.")
    assert negotiation(text, "2024-07-11") == "12th Special Measures Agreement negotiation"
    # an article written while no edition was under negotiation keeps the one it names
    assert negotiation(text, "2022-07-13") == "11th Special Measures Agreement negotiation"


def test_a_gathering_the_talks_met_beside_does_not_name_them():
    text = ("The foreign ministers of Chile and Bolivia held a second round of border talks on Saturday on the "
            "sidelines of the Lima Security Conference.\nThey agreed to meet again in La Paz in June.")
    assert negotiation(text, "2023-03-12") == "Bolivia–Chile border talks"


def test_a_party_named_once_in_passing_does_not_pick_an_agreement_by_topic():
    text = ("Trade ministers resumed fisheries talks in Geneva on Monday, the European Union said.\n"
            "The European Union wants limits on subsidies for distant-water fleets.\n"
            "India and Indonesia rejected the draft, according to researchers at the University of British Columbia.")
    assert "Trade and Cooperation Agreement" not in negotiation(text, "2022-06-14")


def test_an_abbreviation_in_the_topic_phrase_and_sitting_down_again():
    text = ("Chile and Peru wrapped up their sixth round of water-sharing talks in Lima on Tuesday.\n"
            "Negotiations on the Lauca River Accord (LRA) opened in Santiago in March, officials said.\n"
            "The two sides would sit down again in Santiago next month, the ministry said.")
    got = rounds(text, "2023-09-14")
    assert {"ordinal": 1, "venue": "santiago", "startDate": "2023-03", "status": "held"} in got
    assert any(r.get("ordinal") == 7 and r["status"] == "planned" and r.get("startDate") == "2023-10" for r in got)


def test_a_status_in_an_aside_about_the_talks_is_not_the_rounds_and_concluded_needs_a_deal():
    text = ("Canada and Peru resumed their trade talks. The negotiations, suspended in 2016, were relaunched in March "
            "2023, when the first round was held in Lima. The sixth round of negotiations on a free trade agreement "
            "between Canada and Peru concluded in Ottawa on Friday, with the two sides still apart on dairy. "
            "The seventh round concluded with a deal on beef in Lima.")
    got = [(r.get("ordinal"), r["status"]) for r in rounds(text, "2024-05-11")]
    assert (1, "held") in got and (6, "held") in got and (7, "concluded") in got, got


def test_venues_end_before_their_day_and_a_city_after_its_quarter():
    texts = ["WASHINGTON, June 6 (AP) -- Mexico and the United States held a second round of talks on tariffs at the "
             "State Department on Thursday.",
             "SEOUL, June 6 (Yonhap) -- The eighth round of talks between South Korea and Japan on the fisheries deal "
             "was held Tuesday at the Riverside Diplomatic Academy in southern Seoul."]
    venues = []
    for text in texts:
        ctx, rs = facts(text, "round", published="2019-06-06")
        venues += [label(ctx, r.props.get("venue")) for r in rs]
    assert venues == ["State Department", "Riverside Diplomatic Academy"]


def test_a_deals_expiry_neither_dates_nor_plans_the_round():
    text = ("South Korea and the United States have wrapped up their first round of negotiations on sharing the cost "
            "of American troops, an early bid to renew a deal that does not expire until the end of next year.")
    ctx, rs = facts(text, "round", published="2024-04-26")
    assert [(r.props.get("ordinal"), r.props["status"][1], r.props.get("startDate")) for r in rs] == [(1, "held", None)]


def test_unnamed_talks_use_short_names_and_one_order_for_the_pair():
    # the press writes "US–Cuba", "India–UK": short names (parley:shortName); the United States first
    # ("name_first" in negotiation.json), then countries before organizations, then alphabetical; a tie in
    # mentions goes to the party named first, and a trade union does not make the talks trade talks
    text = ("Cuban and U.S. officials met at the State Department in Washington on Wednesday for a second round of "
            "migration talks. Cuba asked the United States to lift sanctions.")
    assert negotiation(text, "2023-04-27") == "US–Cuba migration talks"
    text = "India and the UK concluded the 10th round of FTA talks in London on Friday, India said. The UK agreed."
    assert negotiation(text, "2023-06-12") == "India–UK trade talks"
    text = ("The Kenya Doctors Union, a registered trade union, held a third round of talks with Kenya on Thursday. "
            "The Kenya Doctors Union said Kenya offered too little, and the union will meet Kenya again on Tuesday.")
    assert negotiation(text, "2024-04-12") == "Kenya–Kenya Doctors Union talks"


def test_an_armed_group_and_its_acronym_name_the_talks():
    text = ("Colombia's government and the National Liberation Army (ELN) guerrilla group opened a third cycle of "
            "peace talks in Havana on May 2. The ELN said Colombia must end the blockade, and Colombia urged the ELN "
            "to stop kidnapping. Colombia and the ELN will hold a fourth round of peace talks in Caracas in August.")
    ctx, _ = facts(text, "negotiation", published="2023-06-09")
    assert negotiation(text, "2023-06-09") == "Colombia–ELN peace talks"
    eln = next(e for e in ctx.entities.values() if e.label == "National Liberation Army")
    assert (eln.type, eln.short_name) == ("Organization", "ELN")  # a non-state armed group is an organization


def test_meeting_again_with_neither_date_nor_venue_is_no_round():
    text = ("South Korea and the United States ended the seventh round of talks on sharing the cost of U.S. troops "
            "in Los Angeles on Thursday. The two sides would meet again as early as possible, but no date was given.")
    assert [r["ordinal"] for r in rounds(text, "2020-03-20")] == [7]
    text = text.replace("as early as possible, but no date was given", "in Seoul next month")
    assert [(r["ordinal"], r["status"]) for r in rounds(text, "2020-03-20")] == [(7, "held"), (8, "planned")]


def test_the_talks_opened_long_ago_agreed_to_meet_and_a_finer_nearer_date_wins():
    text = ("South Korea and the United States concluded a fourth round of cost-sharing talks, racing to finish a deal "
            "before the election in November.\n"
            "The fourth round ran from Tuesday to Thursday in Seoul. The two sides agreed to meet for a fifth round in "
            "Honolulu at the end of this month.\n"
            "The talks opened in Honolulu in April.")
    got = rounds(text, "2024-07-12")
    assert {"ordinal": 1, "venue": "honolulu", "startDate": "2024-04", "status": "held"} in got
    assert {"ordinal": 4, "venue": "seoul", "startDate": "2024-07-09", "endDate": "2024-07-11", "status": "held"} in got
    assert {"ordinal": 5, "venue": "honolulu", "startDate": "2024-07", "status": "planned"} in got
    # talks that opened this week are the meeting reported, not the start of the process
    assert not any(r["ordinal"] == 1 for r in rounds("The talks opened in Geneva on Tuesday.", "2024-07-12") if "ordinal" in r)


def test_talks_held_over_several_days_are_a_session_but_a_one_day_call_is_not():
    text = ("Sri Lanka reached a staff-level agreement with the IMF on its bailout programme. An IMF team held talks "
            "with Sri Lankan officials in Colombo from March 7 to 21.")
    got = rounds(text, "2024-03-22")
    assert [(r["venue"], r["startDate"], r["endDate"]) for r in got] == [("colombo", "2024-03-07", "2024-03-21")]
    assert negotiation(text, "2024-03-22") == "Sri Lanka–IMF program review talks"  # the bailout's reviews
    one_day = "Iran and the United States held talks in Doha on March 7. Iran said the talks were useful."
    assert rounds(one_day, "2024-03-22") == []


def test_a_partys_own_board_and_a_numbered_tranche_do_not_name_the_talks():
    text = ("Sri Lanka held talks with the IMF in Colombo from March 7 to 21. The second tranche will be paid once the "
            "Fund's Executive Board signs off. Once approved by the Executive Board, the second tranche is paid.")
    assert "Executive Board" not in negotiation(text, "2024-03-22")


def test_no_date_set_for_a_round_is_no_round_and_first_talks_in_years_are_no_first_round():
    text = ("South Korea and the United States held a seventh round of talks in Los Angeles last month. No date has "
            "been set for an eighth round.")
    assert [r["ordinal"] for r in rounds(text, "2020-04-10")] == [7]
    text = ("North and South Korea have held their first formal talks in more than two years. The talks began at ten "
            "this morning at the Peace House in Panmunjom.")
    got = rounds(text, "2018-01-09")
    assert [(r.get("ordinal"), r["startDate"], r["status"]) for r in got] == [(None, "2018-01-09", "held")]
    # "North and South Korea" names both; the "Peace" of "the Peace House" is no topic of the talks
    assert negotiation(text, "2018-01-09") == "North Korea–South Korea talks"


def test_a_session_described_with_its_opening_day_and_an_agreement_not_yet_negotiated():
    text = ("SEOUL, Aug. 23 (Yonhap) -- South Korea and the United States wrapped up their sixth round of defense "
            "cost-sharing talks here on Thursday. The three-day session on the 10th Special Measures Agreement (SMA) "
            "opened Tuesday at the Korea National Diplomatic Academy in southern Seoul.")
    got = rounds(text, "2018-08-23")
    assert [(r["ordinal"], r["startDate"], r["endDate"]) for r in got] == [(6, "2018-08-21", "2018-08-23")]
    # 2017 EU-UK trade talk is not about the Trade and Cooperation Agreement negotiated from 2020
    text = "The UK and the EU opened the fifth round of talks on trade in Brussels on Monday."
    assert "Trade and Cooperation" not in negotiation(text, "2017-10-12")
    assert "Trade and Cooperation" in negotiation(text, "2020-10-12")


def test_a_spelled_out_acronym_is_a_party_and_a_venue_keeps_its_of_phrase_but_not_its_owner():
    text = ("DETROIT -- United Auto Workers members ratified a new contract with General Motors on Friday. The UAW "
            "said GM had agreed to higher wages. The tentative agreement was reached on Oct. 16 after a final "
            "marathon session at GM's Renaissance Center headquarters. The UAW's National GM Council met the next day "
            "along the Line of Actual Control.")
    ctx, _ = facts(text, published="2019-10-25")
    orgs = {e.label: e.short_name for e in ctx.entities.values() if e.type == "Organization"}
    assert orgs.get("United Auto Workers") == "UAW" and orgs.get("General Motors") == "GM"
    assert "National GM Council" in orgs and "Line of Actual Control" not in orgs
    assert negotiation(text, "2019-10-25") == "GM–UAW contract talks"
    assert [r["venue"] for r in rounds(text, "2019-10-25")] == ["renaissance-center"]
    text = ("U.S. and South Korean negotiators wrapped up a third round of talks on their free trade agreement on "
            "Friday. The two-day session, held at the Office of the U.S. Trade Representative in Washington, ended "
            "without a deal.")
    assert [r["venue"] for r in rounds(text, "2018-03-16")] == ["office-of-the-u-s-trade-representative"]


def test_reviews_of_an_imf_programme_are_its_rounds():
    text = ("Egypt has reached a staff-level agreement with the IMF on the fourth review of its $8bn loan programme, "
            "the IMF said late on Tuesday. The agreement follows a mission to Cairo from November 6 to 20 and weeks of "
            "talks. "
            "Sisi warned in October that Egypt might have to review the programme. The first review was concluded at "
            "staff level in Cairo in March. Staff would return for the fifth review but did not give a date. "
            "A sixth review is scheduled for May.")
    got = {r.get("ordinal"): r for r in rounds(text, "2024-12-25")}
    assert set(got) == {1, 4, 6}  # no review of "to review the programme", none for the undated fifth
    assert got[4] == {"ordinal": 4, "status": "concluded", "venue": "cairo", "startDate": "2024-11-06",
                      "endDate": "2024-11-20"}  # the mission's days, not the day the IMF said so
    assert (got[1]["status"], got[1]["startDate"]) == ("concluded", "2024-03")
    assert (got[6]["status"], got[6]["startDate"]) == ("planned", "2025-05")
    assert negotiation(text, "2024-12-25") == "Egypt–IMF program review talks"
    # outside such talks a review is no round
    assert rounds("Japan and China held talks in Tokyo on Monday. They agreed to a fourth review of the pact.",
                  "2024-12-25") == []


def test_a_go_between_is_no_party_of_the_talks():
    text = ("OSLO -- The Philippine government and the National Democratic Front (NDF) wrapped up the first round of "
            "peace talks on Friday. The round, brokered by Norway, was held in Oslo. Norway said it would keep "
            "hosting the talks, and Norwegian diplomats praised both sides. The NDF welcomed the outcome.")
    assert negotiation(text, "2016-08-26") == "Philippines–NDF peace talks"
    text = ("Serbian and Kosovar leaders met for EU-facilitated talks in Brussels on Monday. The EU said the talks "
            "were useful, and the EU will host another round in March. Serbia said any deal must be Serbian-led. "
            "Kosovo agreed.")
    assert negotiation(text, "2023-02-28") == "Kosovo–Serbia talks"  # "Serbian-led" is a party's own lead


def test_a_rounds_own_days_its_venue_with_a_particle_and_the_edition_under_negotiation():
    text = ("South Korea and the United States reached the deal Thursday at the end of the eighth round of "
            "negotiations, which ran from Tuesday to Thursday at the Palais des Nations.")
    assert rounds(text, "2024-10-04") == [{"ordinal": 8, "status": "concluded", "venue": "palais-des-nations",
                                           "startDate": "2024-10-01", "endDate": "2024-10-03"}]
    text = ("South Korea and the United States on Friday signed the 10th Special Measures Agreement after talks in "
            "Seoul. Officials said talks on the 11th SMA could begin this year. The 11th SMA will need new rules.")
    assert negotiation(text, "2019-03-09") == "10th Special Measures Agreement negotiation"


def test_a_count_of_rounds_with_its_first_and_last_gives_both_rounds():
    text = ("Japan and the United States signed the host-nation support agreement on Friday.\n"
            "The deal followed nine rounds of talks, the first in Honolulu in March last year and the last in "
            "Tokyo in December, and weeks of contacts between ministers.")
    assert rounds(text, "2022-01-07") == [
        {"status": "concluded", "startDate": "2022-01-07"},  # the signing
        {"ordinal": 1, "venue": "honolulu", "startDate": "2021-03", "status": "held"},
        {"ordinal": 9, "venue": "tokyo", "startDate": "2021-12", "status": "held"}]
    # only the first told: the count's round keeps no venue or date of the first's
    got = rounds("Japan and the United States signed the host-nation support agreement on Friday. The deal followed "
                 "nine rounds of talks, the first in Honolulu in March last year.", "2022-01-07")
    assert got[1] == {"ordinal": 1, "venue": "honolulu", "startDate": "2021-03", "status": "held"}
    assert all(r.get("venue") != "honolulu" for r in got[2:])


def test_japans_host_nation_support_talks_of_different_years_are_different_negotiations():
    text = ("Japan and the United States held the third round of talks on host-nation support for U.S. forces in Tokyo "
            "on Thursday, the Foreign Ministry said.")
    got = {published: [(r.props["ordinal"], r.props["partOf"]) for r in facts(text, "round", published=published)[1]]
           for published in ("2015-11-20", "2021-11-19")}
    assert [o for o, _ in got["2015-11-20"]] == [3] and [o for o, _ in got["2021-11-19"]] == [3]
    assert got["2015-11-20"][0][1] != got["2021-11-19"][0][1]  # two negotiations, so two third rounds
    assert _negotiation_labels(text, "2021-11-19") == ["2022 Host Nation Support Special Measures Agreement (Japan) negotiation"]


def test_a_dated_signing_is_a_concluded_session_and_a_cabinet_meeting_is_none():
    text = ("TOKYO, Jan. 8 (Wire) -- Japan and the United States on Friday signed a new host-nation support agreement "
            "covering the five years from April.\n"
            "Negotiators had initialed the text on Dec. 21, and the Cabinet endorsed the deal at its regular meeting on Tuesday.\n"
            "Foreign Minister Yoshimasa Hayashi and Ambassador Rahm Emanuel signed the pact at the Foreign Ministry in Tokyo.")
    got = sorted((r["startDate"], r["status"], r.get("venue")) for r in rounds(text, "2022-01-08"))
    assert got == [("2021-12-21", "concluded", None), ("2022-01-07", "concluded", "foreign-ministry")]


def test_signing_something_else_or_not_yet_signing_is_no_session():
    for text in ("President Donald Trump on Thursday signed proclamations imposing tariffs on imported steel.",
                 "South Korea and the United States have not signed the agreement, officials said on Monday."):
        assert rounds(text, "2019-03-08") == []


def test_another_events_date_and_a_round_nobody_has_dated_give_the_round_nothing():
    text = ("SEOUL, June 28 (Wire) - South Korea and the United States ended a third round of talks on sharing the cost "
            "of U.S. troops, as the allies race to seal a deal before the U.S. presidential election in November.\n"
            "The three-day session in Washington, which ended on Thursday, was cordial. Neither side has set a date "
            "for a fifth round.")
    assert rounds(text, "2024-06-28") == [
        {"ordinal": 3, "venue": "washington", "startDate": "2024-06-25", "endDate": "2024-06-27", "status": "held"}]


def test_a_reference_agreement_by_topic_needs_its_parties_to_be_the_articles_main_sides():
    text = ("Britain and Australia held a fifth round of free trade talks in London on Friday.\n"
            "Australia wants better access for beef, and Britain wants its cars sold more cheaply in Australia.\n"
            "Britain left the European Union last year, and Australian farmers hope the trade deal opens British "
            "supermarkets to them.")
    labels = _negotiation_labels(text, "2021-06-14")
    assert labels and not any("EU-UK" in label for label in labels)


def test_an_ordinal_whose_verb_the_clause_before_gave_is_a_round():
    text = ("South Korea and the United States held the third round of defense cost-sharing talks in Washington this week.\n"
            "The first round was held in Honolulu in March, and the second on South Korea's Jeju Island in April.")
    got = [(r.get("ordinal"), r.get("venue"), r.get("startDate")) for r in rounds(text, "2018-05-17")]
    assert (2, "jeju", "2018-04") in got and (1, "honolulu", "2018-03") in got
