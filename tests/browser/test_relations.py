"""Relations at a glance, in Chromium: a country pair's page, an official's network, two officials' shared events,
undated events switched in and out of a date range, and the chart's labels read; at a desktop and a phone width."""

import datetime
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_pages import assert_clean
from tests.factories import ActorFactory, EventFactory, ParticipationFactory

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def ties(db):
    """Sudria and Norland: visits each way over three years, calls, a year-precision meeting and an undated one."""
    okafor = ActorFactory(name="Tomas Okafor", country="Sudria")
    varga = ActorFactory(name="Ilse Varga", country="Norland")
    berg = ActorFactory(name="Lena Berg", country="Norland")
    moreau = ActorFactory(name="Paul Moreau", country="Estova")
    for i in range(9):
        day = datetime.date(2019 + i // 3, 1 + (i * 4) % 12, 10)
        guest, host, where = (okafor, varga, "Norland") if i % 2 else (varga, okafor, "Sudria")
        visit = EventFactory(kind="visit", host_country=where, place="", date_start=day, date_end=day)
        ParticipationFactory(event=visit, actor=guest, role="guest")
        meeting = EventFactory(kind="meeting", host_country=where, place="", parent=visit, date_start=day, date_end=day)
        ParticipationFactory(event=meeting, actor=guest, role="guest")
        ParticipationFactory(event=meeting, actor=host, role="host")
        if i % 3 == 0:
            ParticipationFactory(event=meeting, actor=berg)
        call = EventFactory(kind="phone_call", host_country="", place="", date_start=day, date_end=day)
        ParticipationFactory(event=call, actor=okafor)
        ParticipationFactory(event=call, actor=moreau if i % 4 == 0 else berg)
    year = EventFactory(
        kind="meeting",
        date_start=datetime.date(2020, 1, 1),
        date_end=datetime.date(2020, 12, 31),
        date_precision="year",
    )
    undated = EventFactory(kind="meeting", date_start=None, date_end=None, date_precision="unknown")
    for event in (year, undated):
        ParticipationFactory(event=event, actor=okafor)
        ParticipationFactory(event=event, actor=varga)
    return {"okafor": okafor, "varga": varga}


def save(page, name: str, shot) -> None:
    """The whole page, and what the first screen shows (where the chart or the network is)."""
    shot(page, name)
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}-first-screen.png"))


def test_a_pair_page_reads_at_desktop_and_phone_width(page, phone, ties, shot):
    for view, label in ((page, "1366"), (phone, "390")):
        view.set_viewport_size(DESKTOP if label == "1366" else PHONE)
        view.goto("/relations/")
        view.get_by_role("link", name="Norland – Sudria").click()
        expect(view).to_have_url(re.compile(r"/relations/norland/sudria/"))
        expect(view.get_by_role("heading", level=1)).to_have_text("Norland – Sudria")
        expect(view.get_by_role("heading", name="Who visited whom")).to_be_visible()
        expect(view.locator(".visit-counts")).to_contain_text("Sudria → Norland")
        chart = view.locator(f"svg.chart-{'wide' if label == '1366' else 'narrow'}")
        expect(chart).to_be_visible()
        assert chart.locator("text").all_text_contents()[:2] == ["events", "year" if label == "390" else "month"]
        assert_clean(view)  # before the screenshot, which leaves style attributes of its own
        save(view, f"pair-{label}", shot)


def test_an_officials_network_links_to_counterparts(page, ties, shot):
    page.set_viewport_size(DESKTOP)
    page.goto(f"/officials/{ties['okafor'].pk}/")
    network = page.locator("svg.network-svg")
    expect(network).to_be_visible()
    expect(network.locator("title", has_text="Ilse Varga, Norland")).to_have_count(1)
    save(page, "official-network-1366", shot)
    network.get_by_role("link", name=re.compile(r"^Ilse Varga, Norland")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ilse Varga")
    assert_clean(page)


def test_filter_by_two_officials_then_see_their_network(page, phone, ties, shot):
    page.set_viewport_size(DESKTOP)
    page.goto("/events/")
    page.locator("#id_official").fill(str(ties["okafor"].pk))
    page.get_by_role("button", name="Apply").click()
    page.get_by_label("Another official").fill(str(ties["varga"].pk))
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(rf"official={ties['okafor'].pk}&official={ties['varga'].pk}"))
    expect(page.locator(".result-count")).to_contain_text(
        "11 events, 1 of them undated"
    )  # nine meetings, one known to its year, one undated
    save(page, "two-officials-1366", shot)
    page.get_by_role("link", name=re.compile("Who met whom in these events")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Who met whom")
    expect(page.locator("svg.network-svg circle")).to_have_count(3)
    assert_clean(page)
    save(page, "filter-network-1366", shot)
    phone.set_viewport_size(PHONE)
    phone.goto(f"/events/network/?official={ties['okafor'].pk}")
    expect(phone.locator("svg.network-svg")).to_be_visible()
    save(phone, "filter-network-390", shot)


def test_undated_events_switch_in_and_out_of_a_date_range(page, phone, ties, shot):
    page.set_viewport_size(DESKTOP)
    page.goto("/events/?date_from=2019-01-01&date_to=2021-12-31")
    switch = page.locator(".undated-switch")
    expect(switch).to_contain_text("1 undated event cannot be placed in this date range")
    expect(page.get_by_role("heading", name="Date unknown")).to_have_count(0)
    switch.get_by_role("link", name="Include undated events").click()
    expect(page.get_by_role("heading", name="Date unknown")).to_be_visible()
    expect(page.locator(".undated-switch")).to_contain_text("Undated events are included")
    expect(page.get_by_label("Include undated events in a date range")).to_be_checked()
    save(page, "undated-included-1366", shot)
    page.locator(".undated-switch").get_by_role("link", name="Leave them out").click()
    expect(page.get_by_role("heading", name="Date unknown")).to_have_count(0)
    phone.set_viewport_size(PHONE)
    phone.goto("/events/")
    expect(phone.locator("svg.chart-narrow")).to_be_visible()
    save(phone, "timeline-390", shot)


def test_the_chart_labels_its_axes_and_its_bars(page, ties, shot):
    page.set_viewport_size(DESKTOP)
    page.goto("/events/")
    chart = page.locator("svg.chart-wide")
    labels = chart.locator("text").all_text_contents()
    assert labels[:2] == ["events", "month"]
    assert "undated" in labels and "Jan 2019" in labels
    expect(chart.locator("title", has_text="Jan 2019: 3 events (1 visit, 1 meeting, 1 phone call)")).to_have_count(1)
    expect(chart.locator("title", has_text="some time in 2020")).to_have_count(1)
    chart.get_by_role("link", name=re.compile(r"^Jan 2019: 3 events")).focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"date_from=2019-01-01&date_to=2019-01-31"))
    expect(page.locator(".result-count")).to_contain_text("3 events")
    save(page, "timeline-1366", shot)
