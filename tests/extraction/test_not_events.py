"""Sentences that look like events and are not: what a demanding reader would not want on the timeline."""

import pytest

pytestmark = pytest.mark.model


def test_a_hedge_about_the_past_is_not_a_plan(article):
    a = article(
        "During a phone call in late February, President Tomas Novak might have urged Prime Minister Ivan Horvat "
        "to question the trader Marko Kovac."
    )
    call = a.one("phone_call")
    assert not call.planned
    assert set(a.sides(call)) == {"Tomas Novak", "Ivan Horvat"}
