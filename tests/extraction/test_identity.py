"""Which stored event a new report is of, and when two drafts of an article are one event: table-tested."""

from datetime import date

import pytest

from extraction.drafts import Draft
from extraction.identity import (
    ActorChoice,
    ActorStanding,
    EqualsPick,
    KnownActor,
    KnownEvent,
    Report,
    choose_actor,
    choose_event,
    overlaps,
    pick_among_equals,
    same_event,
    weak_guess_allowed,
)
from extraction.records import DateSpan, EventRecord, ParticipantRecord

UNDATED = None


def days(first: str, last: str | None = None) -> DateSpan:
    return DateSpan(date.fromisoformat(first), date.fromisoformat(last or first), "day")


def report(kind="meeting", when=UNDATED, people=(1, 2), host="", companions=()) -> Report:
    record = EventRecord(
        kind=kind,
        participants=[ParticipantRecord(person=p) for p in people],
        evidence=[],
        date=when,
        host_country=host,
    )
    return Report(record=record, people={p: "participant" for p in people}, companions=frozenset(companions))


def known(pk, kind="meeting", when=UNDATED, actors=(1, 2), host="", companions=()) -> KnownEvent:
    return KnownEvent(
        pk=pk, kind=kind, date=when, host_country=host, actors=frozenset(actors), companions=frozenset(companions)
    )


@pytest.mark.parametrize(
    ("a", "b", "slack", "expected"),
    [
        (days("2021-03-01"), days("2021-03-01"), 0, True),
        (days("2021-03-01"), days("2021-03-02"), 0, False),
        (days("2021-03-01"), days("2021-03-03"), 2, True),
        (days("2021-03-01", "2021-03-31"), days("2021-03-15"), 0, True),
        (UNDATED, days("2021-03-15"), 0, True),
    ],
)
def test_dates_overlap_within_the_slack_and_an_unknown_date_contradicts_nothing(a, b, slack, expected):
    assert overlaps(a, b, slack=slack) is expected


@pytest.mark.parametrize(
    ("new", "stored", "chosen", "uncertain"),
    [
        # a dated report joins the stored event of the same people on the same day
        (report(when=days("2021-03-01")), [known(7, when=days("2021-03-01"))], 7, False),
        # ... not one a day away: meetings have no slack
        (report(when=days("2021-03-01")), [known(7, when=days("2021-03-02"))], None, False),
        # visits do: reports of one trip disagree on its first day
        (
            report("visit", days("2021-03-01"), people=(1,), host="Kenya"),
            [known(7, "visit", days("2021-03-03"), actors=(1,), host="Kenya")],
            7,
            False,
        ),
        # the closest of several dated events
        (
            report(when=days("2021-03-10", "2021-03-20")),
            [known(7, when=days("2021-03-11")), known(8, when=days("2021-03-19"))],
            7,
            False,
        ),
        # other people, other event
        (report(when=days("2021-03-01")), [known(7, when=days("2021-03-01"), actors=(1, 3))], None, False),
        # another host country, another event
        (report(host="Peru"), [known(7, host="Chile")], None, False),
        # a bare undated mention of the only such event joins it
        (report(), [known(7)], 7, False),
        # an undated report among several candidates is not guessed: it is flagged for review
        (report(), [known(7, when=days("2021-03-01")), known(8, when=days("2021-05-01"))], None, True),
        # ... unless the people of its trip are among those of one candidate's trip
        (
            report(companions=(5,)),
            [known(7, when=days("2021-03-01"), companions=(5, 6)), known(8, when=days("2021-05-01"), companions=(9,))],
            7,
            False,
        ),
        # a dated report joins the only undated event whose trip people it also brought
        (report(when=days("2021-03-01"), companions=(5, 6)), [known(7, companions=(5,))], 7, False),
    ],
)
def test_a_new_report_joins_the_stored_event_it_reports_again(new, stored, chosen, uncertain):
    found, refused = choose_event(new, stored)
    assert (found.pk if found else None, refused) == (chosen, uncertain)


def test_a_call_never_joins_a_meeting_of_the_same_people():
    new = report("phone_call", days("2021-03-01"))
    assert choose_event(new, [known(7, "meeting", days("2021-03-01"))]) == (None, False)
    assert choose_event(new, [known(8, "phone_call", days("2021-03-01"))])[0].pk == 8


def test_a_meeting_may_join_the_gathering_it_was_held_at():
    found, _ = choose_event(report("meeting", days("2021-03-01")), [known(7, "multilateral", days("2021-03-01"))])
    assert found.pk == 7


def test_an_undated_report_joins_only_an_event_of_the_days_before_its_publication():
    stored_long_ago = known(7, when=days("2019-06-01"), companions=(5, 6))
    stored_last_week = known(8, when=days("2021-03-10"), companions=(5, 6))
    trip = report(companions=(5,))  # the people of its trip are among those of both stored trips
    undated = Report(record=trip.record, people=trip.people, companions=trip.companions, published=date(2021, 3, 17))
    assert choose_event(undated, [stored_long_ago]) == (None, False)
    assert choose_event(undated, [stored_last_week])[0].pk == 8


def draft(kind: str, people=(1, 2), when=UNDATED, host="") -> Draft:
    return Draft(kind=kind, trigger=0, sentence=None, others=list(people), date=when, host_country=host)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (draft("meeting"), draft("meeting"), True),
        (draft("meeting"), draft("phone_call"), False),
        (draft("meeting", host="Peru"), draft("meeting", host="Chile"), False),
        (draft("meeting", when=days("2021-03-01")), draft("meeting", when=days("2021-03-02")), False),
        (draft("meeting"), draft("meeting", people=(1, 3)), False),
    ],
)
def test_two_drafts_of_an_article_are_one_event_only_if_nothing_tells_them_apart(a, b, expected):
    assert same_event(a, b) is expected


def actor(pk, score, country="", exact_word=False, matched="") -> KnownActor:
    return KnownActor(pk=pk, country=country, score=score, known_by_this_word=exact_word, matched=matched)


@pytest.mark.parametrize(
    ("country", "candidates", "full_name", "expected"),
    [
        # one strong match is the person
        ("", [actor(1, 0.9)], True, ActorChoice(1)),
        # two strong matches: the clear leader wins, a tie is a new actor for the curator to judge
        ("", [actor(1, 0.95), actor(2, 0.82)], True, ActorChoice(1)),
        ("", [actor(1, 0.9), actor(2, 0.88)], True, ActorChoice(None)),
        # a conflicting country rules a candidate out
        ("Kenya", [actor(1, 0.9, country="Uganda")], True, ActorChoice(None)),
        # the only weak candidate is a guess, to be checked
        ("", [actor(1, 0.5)], False, ActorChoice(1, guess=True)),
        # among weak candidates of a lone surname, the one known by that very word
        ("", [actor(1, 0.6), actor(2, 0.5, exact_word=True)], False, ActorChoice(2, guess=True)),
        ("", [actor(1, 0.6), actor(2, 0.5)], False, ActorChoice(None)),
        # actors holding one name are equals, one of which the person is (never one more of that name)
        (
            "",
            [actor(1, 1.0, matched="ines varga"), actor(2, 1.0, matched="ines varga")],
            True,
            ActorChoice(None, equals=(1, 2)),
        ),
        (
            "",
            [actor(3, 0.9, matched="ines varga"), actor(1, 0.9, matched="ines varga")],
            True,
            ActorChoice(None, equals=(3, 1)),
        ),
        # ... among the candidates that fit the country, and only those matched as well by the same name
        (
            "Chile",
            [actor(1, 1.0, "Chile", matched="ines varga"), actor(2, 1.0, "Peru", matched="ines varga")],
            True,
            ActorChoice(1),
        ),
        (
            "",
            [
                actor(1, 1.0, matched="ines varga"),
                actor(2, 1.0, matched="ines varga"),
                actor(4, 0.95, matched="ines m varga"),
            ],
            True,
            ActorChoice(None, equals=(1, 2)),
        ),
        # ... the name several hold, whichever comes first
        (
            "",
            [
                actor(5, 1.0, matched="ines varga kovacs"),
                actor(1, 1.0, matched="ines varga"),
                actor(2, 1.0, matched="ines varga"),
            ],
            True,
            ActorChoice(None, equals=(1, 2)),
        ),
        # different names that fit as well are different people as far as names go: a question, not a pick
        ("", [actor(1, 0.9, matched="ines varga"), actor(2, 0.9, matched="inez varga")], True, ActorChoice(None)),
    ],
)
def test_a_person_is_the_actor_whose_names_fit_clearly(country, candidates, full_name, expected):
    assert choose_actor(country, candidates, full_name=full_name) == expected


@pytest.mark.parametrize(
    ("full_name", "told_apart", "distinct", "has_full", "allowed"),
    [
        (False, False, False, False, True),  # a lone surname meets its only candidate
        (False, False, True, False, False),  # a curator told that actor apart from another
        (True, False, False, False, True),  # a full name meets an actor known by a lone surname
        (True, False, False, True, False),  # ... never one with a full name of its own
        (True, True, False, False, False),  # ... nor when the article keeps them apart
    ],
)
def test_a_weak_guess_stands_only_when_nothing_speaks_against_it(full_name, told_apart, distinct, has_full, allowed):
    assert (
        weak_guess_allowed(
            full_name=full_name, told_apart=told_apart, curator_told_distinct=distinct, has_full_name=has_full
        )
        is allowed
    )


def standing(pk, *, confirmed=False, rejected=False, mentions=0) -> ActorStanding:
    return ActorStanding(pk=pk, confirmed=confirmed, rejected=rejected, mentions=mentions)


@pytest.mark.parametrize(
    ("standings", "expected"),
    [
        # the one a curator confirmed, however little it is mentioned
        ([standing(1, mentions=9), standing(2, confirmed=True)], EqualsPick(2, "confirmed")),
        # else one a curator did not reject as no person
        ([standing(1, rejected=True, mentions=9), standing(2)], EqualsPick(2, "not rejected")),
        # else the most mentioned
        ([standing(1, mentions=2), standing(2, mentions=5), standing(3, mentions=4)], EqualsPick(2, "most mentioned")),
        (
            [standing(1, confirmed=True, mentions=2), standing(2, confirmed=True, mentions=5)],
            EqualsPick(2, "most mentioned"),
        ),
        # else the oldest, whatever order they come in
        ([standing(7, mentions=3), standing(4, mentions=3)], EqualsPick(4, "oldest")),
        ([standing(4)], EqualsPick(4, "the only one left")),
    ],
)
def test_among_equal_actors_new_reports_go_to_the_one_with_the_best_standing(standings, expected):
    assert pick_among_equals(standings) == expected
