"""Sentences that look like events and are not: what a demanding reader would not want on the timeline."""

import pytest

pytestmark = pytest.mark.model


def test_receiving_votes_is_no_meeting(article):
    a = article("Governor Maria Alvarez received 52 percent of the vote in the Chilean election on Sunday.")
    assert a.events == []


def test_hosting_a_show_is_no_meeting(article):
    a = article("Former minister Paolo Rossi hosts a weekly television show about Italian cooking.")
    assert a.events == []


def test_a_press_conference_is_a_statement_not_a_conference(article):
    a = article(
        "Kenyan Foreign Minister Ruth Njeri and her aide Peter Otieno held a press conference in Nairobi on Monday."
    )
    assert a.of_kind("multilateral") == []


def test_a_lone_subject_that_assembled_is_no_gathering(article):
    a = article("Photographer Anna Berg assembled a portfolio in Oslo for Minister Lars Dahl.")
    assert a.of_kind("multilateral") == []


def test_flying_cargo_to_a_country_is_no_visit(article):
    a = article("Transport Minister Omar Haddad said Rami Khalil flies cargo to Syria every week.")
    assert a.of_kind("visit") == []


def test_going_back_home_is_no_visit(article):
    a = article("After the talks, Peruvian Foreign Minister Lucia Quispe went back to Peru on Tuesday.")
    assert a.of_kind("visit") == []


def test_a_hedge_about_the_past_is_not_a_plan(article):
    a = article(
        "In a phone call in late February, President Tomas Novak might have pressed Prime Minister Ivan Horvat "
        "to investigate the banker Marko Kovac."
    )
    call = a.one("phone_call")
    assert not call.planned
    assert set(a.sides(call)) == {"Tomas Novak", "Ivan Horvat"}
