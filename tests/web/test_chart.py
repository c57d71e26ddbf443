"""The timeline chart: labelled axes, bars split by kind, a band for events known only to their year, an undated
bar, numbers in every bar's <title>, and a narrow drawing of wider bars for phones."""

import datetime

from django.http import QueryDict
from django.urls import reverse

from entities.charts import ChartRow, build_chart
from tests.factories import EventFactory

D = datetime.date


def test_bars_stack_kinds_and_say_their_numbers():
    rows = [ChartRow(D(2020, 3, 1), "meeting", "day", 2), ChartRow(D(2020, 3, 1), "visit", "day", 1)]
    chart = build_chart(rows, QueryDict())
    [bar] = chart.wide.bars
    assert bar.title == "Mar 2020: 3 events (1 visit, 2 meetings)"
    assert [s.kind for s in bar.segments] == ["visit", "meeting"]
    assert bar.href == "?date_from=2020-03-01&date_to=2020-03-31"


def test_the_count_axis_is_labelled_with_round_numbers():
    chart = build_chart([ChartRow(D(2020, 3, 1), "meeting", "day", 7)], QueryDict())
    assert [t.label for t in chart.wide.y_ticks] == ["0", "5", "10"]


def test_a_year_precision_event_spans_its_year_rather_than_january():
    rows = [ChartRow(D(2019, 1, 1), "meeting", "year", 1), ChartRow(D(2019, 6, 1), "meeting", "day", 1)]
    chart = build_chart(rows, QueryDict())
    assert [b.label for b in chart.wide.bars if b.total] == ["Jun 2019"]
    [band] = chart.wide.bands
    assert band.title == "1 event some time in 2019"
    assert band.href == "?date_from=2019-01-01&date_to=2019-12-31"


def test_undated_events_get_a_bar_of_their_own():
    rows = [ChartRow(D(2020, 3, 1), "meeting", "day", 1), ChartRow(None, "phone_call", "unknown", 4)]
    chart = build_chart(rows, QueryDict())
    assert chart.undated == 4
    assert chart.wide.undated.title == "Undated: 4 events (4 phone calls)"
    assert chart.table[-1].label == "Undated" and chart.table[-1].total == 4


def test_the_phone_drawing_counts_years_once_the_months_are_too_many():
    rows = [ChartRow(D(2016, 1, 1), "meeting", "day", 1), ChartRow(D(2020, 3, 1), "meeting", "day", 1)]
    chart = build_chart(rows, QueryDict())
    assert not chart.wide.by_year and len(chart.wide.bars) == 51
    assert chart.narrow.by_year and [b.label for b in chart.narrow.bars] == [str(y) for y in range(2016, 2021)]


def test_x_axis_labels_are_few_enough_to_read():
    rows = [ChartRow(D(2012, 1, 1), "meeting", "day", 1), ChartRow(D(2020, 12, 1), "meeting", "day", 1)]
    chart = build_chart(rows, QueryDict())
    assert 4 <= len(chart.wide.x_ticks) <= 9
    assert chart.wide.x_ticks[0].label == "Jan 2012"


def test_the_timeline_draws_axes_labels_and_titles(client, db):
    day = D(2020, 3, 12)
    EventFactory(date_start=day, date_end=day)
    EventFactory(date_start=None, date_end=None, date_precision="unknown")
    content = client.get(reverse("entities:event_list")).content.decode()
    assert "<title>Mar 2020: 1 event (1 meeting)</title>" in content
    assert ">events</text>" in content and ">month</text>" in content
    assert ">undated</text>" in content and 'href="#undated-title"' in content
