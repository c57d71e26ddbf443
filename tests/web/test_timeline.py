"""The timeline: grouped by month, filtered from the URL, undated events apart, rejected ones hidden."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import EventFactory
from tests.web.conftest import add_events

URL = reverse("entities:event_list")


def event_ids(response) -> set[int]:
    years = response.context["years"]
    dated = {e.pk for y in years for m in y.months for e in m.events}
    return dated | {e.pk for e in response.context["undated"]}


def test_groups_events_by_year_and_month_newest_first(client, kb):
    response = client.get(URL)
    years = response.context["years"]
    assert [y.label for y in years] == ["2019", "2017"]
    assert [m.label for m in years[1].months] == ["November 2017"]
    assert response.context["undated"] == [kb.undated]
    content = response.content.decode()
    assert content.index("November 2019") < content.index("November 2017") < content.index("Date unknown")


def test_rejected_events_are_hidden_unless_asked_for(client, kb):
    assert kb.rejected.pk not in event_ids(client.get(URL))
    assert event_ids(client.get(URL, {"status": "rejected"})) == {kb.rejected.pk}
    assert kb.visit.pk in event_ids(client.get(URL, {"status": "confirmed"}))


def test_filters_by_kind(client, kb):
    assert event_ids(client.get(URL, {"kind": "visit"})) == {kb.visit.pk}


def test_date_range_leaves_undated_events_out_with_a_switch_to_include_them(client, kb):
    response = client.get(URL, {"date_from": "2019-01-01", "date_to": "2019-12-31"})
    assert event_ids(response) == {kb.monthly.pk}
    content = response.content.decode()
    assert "1 undated event cannot be placed in this date range" in content
    assert "date_from=2019-01-01&amp;date_to=2019-12-31&amp;undated=on" in content
    included = client.get(URL, {"date_from": "2019-01-01", "date_to": "2019-12-31", "undated": "on"})
    assert event_ids(included) == {kb.monthly.pk, kb.undated.pk}
    assert "Leave them out" in included.content.decode()


def test_without_a_date_range_undated_events_stay_listed_apart(client, kb):
    assert kb.undated.pk in event_ids(client.get(URL, {"kind": "meeting"}))


def test_date_range_includes_events_overlapping_it(client, kb):
    ids = event_ids(client.get(URL, {"date_from": "2017-11-07", "date_to": "2017-11-07"}))
    assert {kb.visit.pk, kb.meeting.pk, kb.meeting2.pk} <= ids


def test_country_is_the_host_or_a_participants(client, kb):
    assert event_ids(client.get(URL, {"country": "Japan"})) == {kb.monthly.pk}
    assert event_ids(client.get(URL, {"country": "Pakistan"})) == {
        kb.visit.pk,
        kb.meeting.pk,
        kb.meeting2.pk,
        kb.undated.pk,
    }


def test_country_choices_are_read_once_then_cached(client, kb, django_assert_num_queries):
    client.get(URL)
    with django_assert_num_queries(5):  # the page's queries: the country choices and the counts are kept a while
        client.get(URL)


def test_a_country_new_since_the_choices_were_cached_is_accepted(client, kb):
    assert client.get(URL).status_code == 200  # choices cached
    EventFactory(host_country="Chile", place="Santiago")
    response = client.get(URL, {"country": "Chile"})
    assert response.status_code == 200
    assert len(event_ids(response)) == 1
    assert client.get(URL, {"country": "Atlantis"}).status_code == 400  # still refused when nobody names it


@pytest.mark.parametrize("official", ["Rohani", "hassan rouhani", "President Rouhani"])
def test_official_by_any_name(client, kb, official):
    assert event_ids(client.get(URL, {"official": official})) == {kb.meeting.pk, kb.monthly.pk}


def test_official_by_id(client, kb):
    assert event_ids(client.get(URL, {"official": str(kb.bagheri.pk)})) == {kb.meeting2.pk}


def test_text_searches_evidence_sentences(client, kb):
    assert event_ids(client.get(URL, {"q": "received by president"})) == {kb.meeting.pk}


def test_filters_combine_and_stay_in_the_links(client, kb):
    response = client.get(URL, {"kind": "meeting", "country": "Iran"})
    assert event_ids(response) == {kb.meeting.pk, kb.meeting2.pk}
    content = response.content.decode()
    assert "export.csv?kind=meeting&amp;country=Iran" in content
    assert 'value="meeting" selected' in content


def test_chart_counts_months_in_the_filtered_range(client, kb):
    response = client.get(URL)
    assert response.context["counts"][-1] == (None, 1)
    content = response.content.decode()
    assert "<svg" in content and "Nov 2017: 3 events" in content
    assert "date_from=2017-11-01&amp;date_to=2017-11-30" in content


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "summit"},
        {"date_from": "2019-13-45"},
        {"status": "deleted"},
        {"country": "Atlantis"},
        {"official": "b" * 10_000},
        {"q": "nul\x00byte"},
        {"official": "nul\x00"},
        {"q": "x" * 10_000},
    ],
)
def test_bad_filters_give_a_400_and_no_events(client, kb, params):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert event_ids(response) == set()
    assert "could not be read" in response.content.decode()


@pytest.mark.parametrize("page", ["9999", "abc", "-1", "0"])
def test_missing_pages_are_404(client, kb, page):
    assert client.get(URL, {"page": page}).status_code == 404


@pytest.mark.parametrize("official", ["nobody like this", "99999999999999999999999", "٣"])
def test_unknown_official_gives_no_events(client, kb, official):
    response = client.get(URL, {"official": official})
    assert response.status_code == 200
    assert event_ids(response) == set()


def test_paginates_with_undated_events_at_the_end(client, kb):
    add_events(70)
    first = client.get(URL)
    assert first.context["page"].paginator.num_pages == 3
    assert first.context["undated"] == []
    last = client.get(URL, {"page": 3})
    assert last.context["undated"]
    assert 'rel="prev" href="?page=2"' in last.content.decode()


def test_years_and_decades_are_not_listed_as_january(client, kb):
    kb.monthly.date_precision = "year"
    kb.monthly.save()
    EventFactory(date_start=datetime.date(1990, 1, 1), date_end=datetime.date(1993, 12, 31), date_precision="decade")
    years = client.get(URL).context["years"]
    assert [(y.label, [m.label for m in y.months]) for y in years] == [
        ("2019", ["Sometime in 2019"]),
        ("2017", ["November 2017"]),
        ("1990s", ["Sometime in the 1990s"]),
    ]


def test_chart_spans_the_filtered_range(client, kb):
    content = client.get(URL, {"date_from": "2017-09-01", "date_to": "2018-02-28"}).content.decode()
    assert "Sep 2017" in content and "Feb 2018" in content  # the first and last ticks


def test_chart_of_a_long_span_counts_years(client, kb):
    EventFactory(date_start=datetime.date(1990, 1, 1), date_end=datetime.date(1993, 12, 31), date_precision="decade")
    content = client.get(URL).content.decode()
    assert "per year" in content and "2017: 3 events" in content
