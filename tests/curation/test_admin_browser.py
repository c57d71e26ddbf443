"""A curator's two commonest moves, in a real browser: confirm an event, merge two officials.

Debian's Chromium, headless, driven by Playwright's sync API against pytest-django's live server.
"""

import pytest

from entities.models import Actor, DuplicateStatus, MergeRecord, ReviewStatus
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    EventFactory,
    MentionFactory,
    ParticipationFactory,
    SuspectedDuplicateFactory,
)

PASSWORD = "correct horse battery"  # tests.factories.UserFactory's

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def desk(browser, live_server, curator):
    """A page signed in to the admin as the curator."""
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", curator.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    yield page
    context.close()


def run_action(page, *, rows, action: str) -> None:
    for row in rows:
        page.check(f"input[name=_selected_action][value='{row.pk}']")
    page.select_option("select[name=action]", action)
    page.click("button[name=index]")


def test_a_curator_confirms_an_event(desk):
    event = EventFactory(place="Accra")
    ParticipationFactory(event=event, actor=ActorFactory(name="Ana Silva"))
    desk.goto("/admin/entities/event/")
    assert "Ana Silva" in desk.inner_text("#result_list")

    run_action(desk, rows=[event], action="confirm_events")

    assert "1 event(s) marked confirmed" in desk.inner_text(".messagelist")
    event.refresh_from_db()
    assert event.status == ReviewStatus.CONFIRMED


def test_a_curator_merges_two_officials(desk):
    kwame = ActorFactory(name="Kwame Mensah")
    kofi = ActorFactory(name="Kofi Mensah")
    ActorAliasFactory(actor=kofi, name="Kofi Mensah")
    MentionFactory(actor=kwame)
    desk.goto("/admin/entities/actor/")

    run_action(desk, rows=[kwame, kofi], action="merge_actors")
    desk.wait_for_selector("#merge-form")
    assert desk.is_checked(f"input[name=target][value='{kwame.pk}']")  # the most mentioned is suggested
    desk.click("#merge-form input[type=submit]")

    desk.wait_for_url(f"**/admin/entities/actor/{kwame.pk}/change/")
    assert "Merged Kofi Mensah into Kwame Mensah" in desk.inner_text(".messagelist")
    assert list(Actor.objects.all()) == [kwame]
    assert kwame.aliases.filter(name="Kofi Mensah").exists()
    assert MergeRecord.objects.get().merged_ids == [kofi.pk]


def test_a_curator_tells_two_officials_apart_with_one_click(desk):
    pair = SuspectedDuplicateFactory(
        actor_a=ActorFactory(name="Mohammad Bagheri"), actor_b=ActorFactory(name="Mohammad Baqeri")
    )
    desk.goto("/admin/entities/suspectedduplicate/")

    desk.click(f"#result_list button[formaction$='/{pair.pk}/distinct/']")

    desk.wait_for_selector(".messagelist")
    assert "different people" in desk.inner_text(".messagelist")
    pair.refresh_from_db()
    assert pair.status == DuplicateStatus.DISTINCT
    assert Actor.objects.count() == 2
