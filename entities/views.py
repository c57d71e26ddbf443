"""Public pages of the knowledge base: home, timeline (and its exports), events, officials, articles."""

from django import forms
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from articles.models import Article
from articles.search import MAX_QUERY_CHARS, count_is_capped
from entities import charts, downloads, facets, network, relations, selectors
from entities.filters import EventFilter
from entities.models import Event
from entities.templatetags.parley import official_url

EVENTS_PER_PAGE = 30
OFFICIALS_LIMIT = 50
ARTICLES_PER_PAGE = 20


class OfficialSearchForm(forms.Form):
    q = forms.CharField(label="Name", max_length=200, required=False)


class ArticleSearchForm(forms.Form):
    q = forms.CharField(label="Search articles", max_length=MAX_QUERY_CHARS, required=False)


def paginate(request, items, per_page: int, count: int | None = None):
    """The requested page; a page that does not exist is a 404, as on any site."""
    paginator = Paginator(items, per_page, orphans=3)
    if count is not None:
        paginator.count = count  # already known from the chart's query
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage as exc:
        raise Http404("No such page") from exc


@require_safe
def home(request):
    context = {"summary": selectors.kb_summary(), "events": selectors.latest_events()}
    return render(request, "entities/home.html", context)


@require_safe
def event_list(request):
    events, filterset = _filtered_events(request)
    valid = events is not None
    events = events if valid else Event.objects.none()
    rows = selectors.chart_rows(events) if valid else []
    counts = selectors.month_counts(rows)
    page = paginate(request, events.timeline(), EVENTS_PER_PAGE, sum(n for _, n in counts))
    years, undated = selectors.group_by_month(list(page.object_list))
    counted = facets.timeline_facets(filterset, events) if valid else None
    if counted:
        facets.label_choices(filterset, counted)
    context = {
        "facets": counted,
        "filter": filterset,
        "page": page,
        "years": years,
        "undated": undated,
        "counts": counts,
        "chart": charts.build_chart(rows, request.GET, *_date_range(filterset)) if valid else None,
        "undated_total": sum(n for month, n in counts if month is None),
        "undated_left_out": selectors.undated_left_out(filterset) if valid else 0,
        "undated_included": valid and filterset.dated_range() and filterset.form.cleaned_data.get("undated"),
    }
    return render(request, "entities/event_list.html", context, status=200 if valid else 400)


def _date_range(filterset) -> tuple:
    data = filterset.form.cleaned_data
    return data.get("date_from"), data.get("date_to")


def _filtered_events(request):
    """The events the URL's filters select, or None when a filter cannot be read."""
    filterset = EventFilter(request.GET, queryset=Event.objects.all())
    return filterset.qs if filterset.is_valid() else None, filterset


def _bad_filters(filterset) -> JsonResponse:
    return JsonResponse({"errors": filterset.errors.get_json_data()}, status=400)


# The shapes each download comes in (`?format=`); the first is the default.
CSV_FORMATS = {"events": downloads.csv_download, "edges": downloads.edges_download}
JSON_FORMATS = {"events": downloads.json_download}
# Parameters a download reads besides the timeline's filters.
DOWNLOAD_PARAMETERS = {"page", "format", "bom"}


@require_safe
def event_export_json(request):
    return _download(request, JSON_FORMATS)


@require_safe
def event_export_csv(request):
    return _download(request, CSV_FORMATS, csv=True)


@require_safe
def event_export_gexf(request):
    events, refused = _download_events(request, formats={"gexf": None})
    if refused:
        return refused
    return _in_a_slot(lambda: downloads.gexf_download(events))


def _download(request, formats: dict, *, csv: bool = False):
    """Parameters checked, the client's quota taken and one of the site's download slots, then one page of the
    events streamed in the asked shape; the slot is given back when the response is closed."""
    events, refused = _download_events(request, formats=formats, csv=csv)
    if refused:
        return refused
    write = formats[request.GET.get("format") or next(iter(formats))]

    def respond():
        page = downloads.export_page(request, events)
        return write(events, page, bom=request.GET.get("bom") == "1") if csv else write(events, page)

    return _in_a_slot(respond)


def _in_a_slot(respond):
    """The response made while holding one of the site's download slots (a 429 when none is free), so downloads
    can never take every worker from the pages."""
    slot = downloads.export_slot()
    if slot is None:
        return downloads.busy()
    try:
        response = respond()
    except BaseException:
        slot.release()
        raise
    return downloads.holding(response, slot)


def _download_events(request, *, formats: dict, csv: bool = False):
    """The visible events the filters select (a download never holds a rejected event), or the response refusing
    the request: a 400 naming the parameter that cannot be read, or the throttle's 429."""
    problem = _download_problem(request, formats, csv)
    events, filterset = _filtered_events(request)
    if problem:
        return None, JsonResponse({"errors": problem}, status=400)
    if events is None:
        return None, _bad_filters(filterset)
    return events.visible(), downloads.throttled(request)


def _download_problem(request, formats: dict, csv: bool) -> dict | None:
    if unknown := sorted(set(request.GET) - set(EventFilter.base_filters) - DOWNLOAD_PARAMETERS):
        return {name: [{"message": "unknown parameter"}] for name in unknown}
    if request.GET.get("format", "") not in {"", *formats}:
        return {"format": [{"message": f"one of: {', '.join(formats)}"}]}
    if request.GET.get("bom", "") not in ({"", "0", "1"} if csv else {""}):
        return {"bom": [{"message": "1 (a byte-order mark for spreadsheets) or 0, and only for CSV"}]}
    return None


@require_safe
def event_detail(request, pk: int):
    """One event; the address of an event merged into another leads to that one, so citations keep working."""
    try:
        page = selectors.event_detail(pk)
    except Http404:
        if (target := selectors.merged_event_target(pk)) is None:
            raise
        return redirect("entities:event_detail", pk=target, permanent=True)
    permalink = request.build_absolute_uri(reverse("entities:event_detail", args=[pk]))
    return render(request, "entities/event_detail.html", {"event_page": page, "permalink": permalink})


@require_safe
def official_list(request):
    form = OfficialSearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    if query:
        officials = selectors.search_officials(query, limit=OFFICIALS_LIMIT)
    elif form.is_valid():
        officials = selectors.officials_with_stats(limit=OFFICIALS_LIMIT)
    else:
        officials = []
    context = {"form": form, "query": query, "officials": officials}
    return render(request, "entities/official_list.html", context, status=200 if form.is_valid() else 400)


@require_safe
def official_detail(request, pk: int):
    page = selectors.official_detail(pk)
    graph = network.build(selectors.official_network_rows(page.official), centre=page.official.pk)
    context = {"official_page": page, "network": graph, "network_svg": _network_svg(graph)}
    return render(request, "entities/official_detail.html", context)


def _network_svg(graph: network.Network):
    timeline = reverse("entities:event_list")
    return network.svg(graph, official_url, lambda a, b: f"{timeline}?official={a}&official={b}")


@require_safe
def event_network(request):
    """Who met whom in the events the timeline's filters select."""
    events, filterset = _filtered_events(request)
    valid = events is not None
    graph = network.build(selectors.network_rows(events) if valid else [])
    strongest = sorted(graph.edges, key=lambda e: -e.events)[: network.LABELLED]
    names = {n.actor_id: n.name for n in graph.nodes}
    context = {
        "filter": filterset,
        "network": graph,
        "network_svg": _network_svg(graph),
        "pairs": [(names[e.a], names[e.b], e) for e in strongest],
    }
    return render(request, "entities/event_network.html", context, status=200 if valid else 400)


@require_safe
def article_list(request):
    form = ArticleSearchForm(request.GET)
    valid = form.is_valid()
    query = form.cleaned_data["q"].strip() if valid else ""
    articles = selectors.article_list(query) if valid else Article.objects.none()
    page = paginate(request, articles, ARTICLES_PER_PAGE)
    rows = selectors.article_rows(page.object_list, query)
    capped = count_is_capped(articles, page.paginator.count)
    context = {"form": form, "query": query, "page": page, "rows": rows, "capped": capped}
    return render(request, "articles/list.html", context, status=200 if valid else 400)


@require_safe
def article_detail(request, pk: int):
    return render(request, "articles/detail.html", {"article_page": selectors.article_detail(pk)})


@require_safe
def relations_index(request, country: str = ""):
    """The busiest pairs of countries, or one country's partners."""
    name = relations.country_named(country) if country else ""
    context = {"country": name, "pairs": relations.busiest_pairs(name)}
    return render(request, "entities/relations_index.html", context)


@require_safe
def relations_pair(request, first: str, second: str):
    """Two countries' relations: the pair's events under the timeline's other filters."""
    a, b = relations.country_named(first), relations.country_named(second)
    if a == b:
        raise Http404("A country has no relations with itself")
    params = request.GET.copy()
    params.setlist("country", [a, b])
    filterset = EventFilter(params, queryset=Event.objects.all())
    valid = filterset.is_valid()
    events = filterset.qs if valid else Event.objects.none()
    pair = relations.relations_of(a, b, events)
    page = paginate(request, events.timeline(), EVENTS_PER_PAGE, pair.total)
    years, undated = selectors.group_by_month(list(page.object_list))
    context = {
        "pair": pair,
        "filter": filterset,
        "page": page,
        "years": years,
        "undated": undated,
        "chart": charts.build_chart(pair.rows, request.GET, *_date_range(filterset)) if valid else None,
        "undated_left_out": selectors.undated_left_out(filterset) if valid else 0,
    }
    return render(request, "entities/relations_pair.html", context, status=200 if valid else 400)
