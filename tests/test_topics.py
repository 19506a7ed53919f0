"""Stance topics and agents: the short phrase a stance is about, and who takes it (texts written for these tests)."""
from __future__ import annotations

import pytest

from test_facts import facts, label


def stances(text: str) -> set[tuple[str, str, str]]:
    ctx, st = facts(text, "stance")
    return {(label(ctx, f.props["actor"]), f.props["stanceType"][1], f.props["topic"]) for f in st}


@pytest.mark.parametrize("text,expected", [
    # quotation marks inside the object are transparent; "and" inside a quote does not end it
    ('Tokyo said it would not accept a plan beyond "a modest and fair ceiling."',
     {("Japan", "reject", "plan beyond a modest and fair ceiling")}),
    # the addressee of a control verb is not the topic
    ("Washington wanted Tokyo to shoulder a far larger share.",
     {("United States", "demand", "shoulder a far larger share")}),
    ("Labor unions urged the government not to yield on wages.",
     {("labor unions", "urge", "not yield on wages")}),
    # coordinated objects are separate topics
    ("Canada demanded a cap on tariffs as well as a review of quotas.",
     {("Canada", "demand", "cap on tariffs"), ("Canada", "demand", "review of quotas")}),
    # an object-relative clause points back to its noun phrase
    ("Seoul offered a three-year freeze, a plan Washington rejected.",
     {("South Korea", "propose", "three-year freeze"), ("United States", "reject", "three-year freeze")}),
    # a place or a channel is not what the stance is about
    ("Britain welcomed the accord in a statement.", {("United Kingdom", "support", "accord")}),
    ("France denounced the accord as a betrayal.", {("France", "oppose", "accord")}),
    # the subject of a that-clause is not the topic
    ("Iran demanded that Washington lift sanctions first.", {("Iran", "demand", "lift sanctions first")}),
    # "is pressing for" is progressive, not passive; an actor before a bare verb or a second object is an addressee
    ("Brazil is pressing for a larger beef quota.", {("Brazil", "demand", "larger beef quota")}),
    ("Washington is demanding Tokyo pay twice as much.", {("United States", "demand", "pay twice as much")}),
    ("The EU offered Mercosur a larger quota.", {("European Union", "propose", "larger quota")}),
])
def test_topics_are_short_object_phrases(text, expected):
    assert stances(text) == expected


@pytest.mark.parametrize("text,absent", [
    # what a demand asks for has not been done: no stance of the addressee
    ("Iran demanded that Washington offer new guarantees.", "propose"),
    # a stance noun inside a compound is no stance
    ("Japan will pay 1.1 trillion yen in host-nation support over five years.", "support"),
    ("The cost covers logistical support for the troops.", "support"),
    # a requirement is not a stance taken
    ("The deal must be approved by parliament.", "accept"),
    # the noun object of a cue is not a second stance
    ("Malaysia rejected the call for a review.", "support"),
    # an intention is not yet a stance
    ("Canada's premier said he hoped to sign the accord within weeks.", "accept"),
    # a participle used as an adjective is no stance
    ("The memo described the newly proposed levy on imports.", "propose"),
])
def test_cues_that_take_no_stance(text, absent):
    assert absent not in {s for _, s, _ in stances(text)}


def test_participles_and_coordinated_verbs_take_the_subject():
    got = stances("A farmers' union held a rally outside parliament, opposing the quota deal.")
    assert {(s, t) for _, s, t in got} == {("oppose", "quota deal")}
    got = stances("Norway has said that Iceland broke the rules, and has rejected the new quota.")
    assert ("Norway", "reject", "new quota") in got
    got = stances("Talks between Japan and Canada stalled, a Japanese official said, calling on Ottawa to compromise.")
    assert got == {("Japan", "urge", "compromise")}


@pytest.mark.parametrize("text,expected", [
    # the listener of "told" is not the agent; the speaker is
    ("Prime Minister Mark Carney told reporters in Ottawa that the government would seek a longer transition.",
     {("Mark Carney", "demand", "longer transition")}),
    # the object of a participle is not the agent
    ("The union representing the fishermen welcomed the quota deal.", {("labor union", "support", "quota deal")}),
    # "press conference" is no pressing
    ("Japan's foreign minister told a press conference that Tokyo rejected the tariff plan.",
     {("Japan", "reject", "tariff plan")}),
    # a pledge is an offer; the that-clause of a position noun is its topic
    ("China pledged to open its bond market to foreign banks.", {("China", "propose", "open its bond market to foreign banks")}),
    ("Norway stuck to its position that the talks should cover mackerel quotas.",
     {("Norway", "support", "cover mackerel quotas")}),
    # "welcomed it": what was last reported
    ("Japan and Canada agreed on a new fisheries accord. Britain welcomed it.",
     {("Japan", "accept", "new fisheries accord"), ("Canada", "accept", "new fisheries accord"),
      ("United Kingdom", "support", "new fisheries accord")}),
])
def test_agents_and_pointers(text, expected):
    assert stances(text) == expected


def test_apposition_is_not_coordination_and_the_deal_is_the_articles_agreement():
    got = stances("According to a memoir by adviser John Bolton, the Trump administration sought $8 billion from Tokyo.")
    assert {a for a, _, _ in got} == {"United States"}
    ctx, st = facts("Japan and the United States held talks on the Special Measures Agreement in Tokyo.\n"
                    "A civic group denounced the new deal as a surrender.\n"
                    "Japan's negotiator initialed the document at the foreign ministry building.", "stance", published="2021-12-22")
    topics = {f.props["topic"] for f in st}
    assert len(topics) == 1 and "Special Measures Agreement" in topics.pop()  # the agreement by its name, no place


def test_a_speech_cue_inside_a_name_does_not_end_a_topic():
    assert stances("Iran wants the United States to pay compensation for losses.") == {
        ("Iran", "demand", "pay compensation for losses")}


def test_reported_speech_is_the_speakers_stance_and_joint_subjects_share_it():
    got = stances("Japan's chief negotiator, Kenji Mori, led the delegation.\n"
                  "Mori said Tokyo would not accept an excessive burden.")
    assert got == {("Kenji Mori", "reject", "excessive burden")}
    got = stances("France, Britain and Germany said the talks were in their final stage and urged Iran to decide.")
    assert {a for a, _, _ in got} == {"France", "United Kingdom", "Germany"}
    assert stances("Canada's envoy welcomed the accord, calling it a clear sign of progress.") == {
        ("Canada", "support", "accord")}


def test_a_particle_or_pronoun_alone_is_no_topic_but_a_figure_is():
    got = stances("Sri Lanka will receive the tranche once the Fund's Executive Board signs off.\n"
                  "Organised labour came down from its demand but insisted that it would not go below N250,000.")
    assert not any(topic in {"off", "it"} for _, _, topic in got)
    assert any("N250,000" in topic for _, _, topic in got)


def test_a_that_clause_after_a_date_is_the_topic_with_its_own_verb():
    got = stances("Seoul proposed last month that the two governments sign a separate arrangement to pay the workers.")
    assert {(a, s) for a, s, _ in got} == {("South Korea", "propose")}
    assert any("separate arrangement to pay the workers" in topic for _, _, topic in got)


def test_a_request_refused_on_grounds_is_what_was_requested():
    got = stances("Washington has pressed Seoul to shoulder part of the cost of rotating strategic assets, a request "
                  "Seoul has refused on the grounds that it falls outside the scope of the agreement.")
    assert ("South Korea", "reject", "shoulder part of the cost of rotating strategic assets") in got
    assert not any("grounds" in topic or topic == "Seoul has" for _, _, topic in got)
