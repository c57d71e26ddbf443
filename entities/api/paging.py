"""Page-number paging for the API: a stable order is the caller's, the page and its neighbours' addresses ours."""

from typing import Any

from django.core.paginator import InvalidPage, Paginator
from ninja import Field, Schema
from ninja.errors import HttpError

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class PageParams(Schema):
    page: int = Field(1, ge=1, le=1_000_000, description="1 for the first page")
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description=f"at most {MAX_PAGE_SIZE}")


PAGE_PARAMETERS = frozenset(PageParams.model_fields)


def page_of(request, items, params: PageParams) -> tuple[list, dict[str, Any]]:
    """The requested page's items and the page's description; a page past the end is a 404, as on the site."""
    paginator = Paginator(items, params.page_size)
    try:
        page = paginator.page(params.page)
    except InvalidPage as exc:
        raise HttpError(404, f"no page {params.page}: there are {paginator.num_pages}") from exc
    meta = {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "page_size": params.page_size,
        "next": _page_url(request, page.next_page_number()) if page.has_next() else None,
        "previous": _page_url(request, page.previous_page_number()) if page.has_previous() else None,
    }
    return list(page.object_list), meta


def _page_url(request, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")
