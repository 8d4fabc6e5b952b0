"""The API's one page shape, through ninja's pagination.

Every paginated list answers `{"count", "page", "page_size", "items"}` and takes `page` (from 1)
and `page_size` (1–500, default 100); the short lists that answer a bare JSON array
(/cadre/qualification-gaps …, /agency/results) keep that shape. A view decorated with
`@paginate(Pages)` returns all its rows — a queryset or a list — or a `Listing` when the rows
of the page must be turned into output schemas or logged as a personal-data read: only the
rows of the page are.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ninja import Field, Schema
from ninja.pagination import PaginationBase

from canbo.people.services import log_personal_data_access


class Page(Schema):
    """The fields every page has before its `items` (declared by each endpoint's page schema,
    so the OpenAPI schema names the item type)."""

    count: int
    page: int
    page_size: int


@dataclass(frozen=True)
class Listing:
    rows: Any  # a queryset (counted in the database) or a list
    out: Callable[[Any], Any] = lambda row: row
    # Rows about people: the people of the page are logged as read (personal data), as `read_as`.
    person_of: Callable[[Any], int | None] | None = None
    read_as: str = ""


class PageFilters(Schema):
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(100, ge=1, le=500)


class Pages(PaginationBase):
    Input = PageFilters

    # The endpoints declare their page schema themselves (`response={200: TaskPage}`): ninja's
    # generated `Paged<Item>` schema would rename the documented schemas and cannot name a page
    # of a union of item types (GET /results).
    Output = None  # type: ignore[assignment]

    def paginate_queryset(self, queryset, pagination: PageFilters, request, **params) -> dict:
        listing = queryset if isinstance(queryset, Listing) else Listing(queryset)
        start = (pagination.page - 1) * pagination.page_size
        rows = list(listing.rows[start : start + pagination.page_size])
        if listing.person_of is not None:
            people = (listing.person_of(row) for row in rows)
            log_personal_data_access(request, [pk for pk in people if pk], listing.read_as)
        return {
            "count": self._items_count(listing.rows),
            "page": pagination.page,
            "page_size": pagination.page_size,
            "items": [listing.out(row) for row in rows],
        }
