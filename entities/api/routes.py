"""The read API's endpoints: thin views over the selectors, answering with the schemas of entities.api.schemas.

Every list has a stable order (its last key is the id) and page-number paging; every event is one a visitor may
see (never a rejected one); a parameter the endpoint does not know is a 400 rather than silently ignored.
"""

from django import forms
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import create_model

from articles.models import Article
from articles.search import MAX_QUERY_CHARS
from entities import selectors
from entities.api import records
from entities.api.paging import PAGE_PARAMETERS, PageParams, page_of
from entities.api.schemas import (
    ArticleOut,
    ArticlePage,
    ErrorOut,
    EventDetailOut,
    EventPage,
    OfficialOut,
    OfficialPage,
    RelationsOut,
)
from entities.filters import EventFilter
from entities.models import Event

router = Router()
ERRORS = {400: ErrorOut, 404: ErrorOut, 429: ErrorOut}


def _filter_parameters() -> type[Schema]:
    """The timeline's filters as documented query parameters, read from the FilterSet itself: a filter added to the
    timeline is a parameter of the API too. The FilterSet, not this model, reads and checks the values."""
    fields = {}
    for name, found in EventFilter.base_filters.items():
        many = issubclass(found.field_class, forms.MultipleChoiceField | forms.ModelMultipleChoiceField)
        kind = list[str] | None if many else str | None
        fields[name] = (kind, Field(None, description=str(found.label or name)))
    return create_model("EventFilters", __base__=Schema, **fields)


EventFilters = _filter_parameters()


def refuse_unknown(request: HttpRequest, known: frozenset[str]) -> None:
    if unknown := sorted(set(request.GET) - known):
        raise HttpError(400, f"unknown parameter: {', '.join(unknown)} (known: {', '.join(sorted(known))})")


def filtered_events(request: HttpRequest):
    """The visible events the timeline's filters select; a value the filters cannot read is a 400."""
    refuse_unknown(request, frozenset(EventFilter.base_filters) | PAGE_PARAMETERS)
    filterset = EventFilter(request.GET, queryset=Event.objects.all())
    if not filterset.is_valid():
        raise HttpError(400, _first_errors(filterset.errors.get_json_data()))
    return filterset.qs.visible()


def _first_errors(errors: dict) -> str:
    return "; ".join(f"{name}: {problems[0]['message']}" for name, problems in errors.items())


@router.get("/events", response={200: EventPage, **ERRORS}, summary="Events, filtered as on the timeline")
def events(request, filters: Query[EventFilters], paging: Query[PageParams]):  # type: ignore[valid-type]
    """Newest first (undated last), as the timeline lists them; rejected events are never listed."""
    items, meta = page_of(request, filtered_events(request).timeline(), paging)
    return {**meta, "items": [records.event(request, e) for e in items]}


@router.get("/events/{int:pk}", response={200: EventDetailOut, **ERRORS}, summary="One event with its evidence")
def event(request, pk: int):
    refuse_unknown(request, frozenset())
    return records.event_detail(request, selectors.api_event(pk))


class OfficialQuery(Schema):
    q: str = Field("", max_length=200, description="a name under any spelling; best matches first")


@router.get("/officials", response={200: OfficialPage, **ERRORS}, summary="Officials with aliases and offices")
def officials(request, query: Query[OfficialQuery], paging: Query[PageParams]):
    """In name order, or the best matches of `q` first."""
    refuse_unknown(request, frozenset({"q"}) | PAGE_PARAMETERS)
    found = selectors.officials_matching(query.q.strip()) if query.q.strip() else selectors.officials_listed()
    items, meta = page_of(request, found, paging)
    return {**meta, "items": [records.official(request, actor) for actor in items]}


@router.get("/officials/{int:pk}", response={200: OfficialOut, **ERRORS}, summary="One official")
def official(request, pk: int):
    refuse_unknown(request, frozenset())
    return records.official(request, get_object_or_404(selectors.officials_listed(), pk=pk))


class ArticleQuery(Schema):
    q: str = Field("", max_length=MAX_QUERY_CHARS, description="full-text search, as on /articles/")


@router.get("/articles", response={200: ArticlePage, **ERRORS}, summary="Articles, newest first or searched")
def articles(request, query: Query[ArticleQuery], paging: Query[PageParams]):
    refuse_unknown(request, frozenset({"q"}) | PAGE_PARAMETERS)
    items, meta = page_of(request, selectors.api_articles(query.q.strip()), paging)
    return {**meta, "items": [records.article(request, a) for a in items]}


@router.get("/articles/{int:pk}", response={200: ArticleOut, **ERRORS}, summary="One article's metadata")
def article(request, pk: int):
    refuse_unknown(request, frozenset())
    found = get_object_or_404(Article.objects.only(*selectors.API_ARTICLE_FIELDS), pk=pk)
    return records.article(request, found)


class PairQuery(Schema):
    a: str = Field(..., min_length=1, max_length=100, description="a country")
    b: str = Field(..., min_length=1, max_length=100, description="another country")


@router.get("/relations", response={200: RelationsOut, **ERRORS}, summary="The events of a pair of countries")
def relations(request, pair: Query[PairQuery], paging: Query[PageParams]):
    """Counts per year and kind, and a page of the events themselves, newest first."""
    refuse_unknown(request, frozenset({"a", "b"}) | PAGE_PARAMETERS)
    # The cached list only: reading it afresh for every unknown name would let any client cost a scan of three tables.
    known = {name for name, _ in selectors.country_choices()}
    for country in (pair.a, pair.b):
        if country not in known:
            raise HttpError(404, f"no country named {country[:100]!r} in the knowledge base")
    if pair.a == pair.b:
        raise HttpError(400, "a and b must be two different countries")
    relations = selectors.country_pair(pair.a, pair.b)
    ids, meta = page_of(request, relations.event_ids, paging)
    events_page = {**meta, "items": [records.event(request, e) for e in selectors.events_in_order(ids)]}
    return {"countries": [pair.a, pair.b], "counts": relations.counts, "events": events_page}
