"""Public pages of the knowledge base: home, timeline (and its exports), events, officials, articles."""

from django import forms
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import render
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


@require_safe
def event_export_json(request):
    return _download(request, downloads.json_download)


@require_safe
def event_export_csv(request):
    return _download(request, downloads.csv_download)


def _download(request, write):
    """Filters checked, the client's quota taken, then one page of the events streamed."""
    events, filterset = _filtered_events(request)
    if events is None:
        return _bad_filters(filterset)
    if refused := downloads.throttled(request):
        return refused
    return write(events, downloads.export_page(request, events))


@require_safe
def event_detail(request, pk: int):
    return render(request, "entities/event_detail.html", {"event_page": selectors.event_detail(pk)})


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
