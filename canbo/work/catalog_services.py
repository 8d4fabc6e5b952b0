"""Workflow functions for the standard-product catalogue: drafts are edited, a published
version is frozen (tasks keep its coefficients) and replaced by publishing a new version."""

from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.core.text import nfc
from canbo.org.models import JobPosition, Organization
from canbo.work.errors import WorkError
from canbo.work.models import Catalog, CatalogItem

CATALOG_FIELDS = ["name", "version", "decision", "effective_from", "published", "reviewed_on"]
ITEM_FIELDS = ["code", "name", "output", "unit", "complexity", "coefficient"]


@transaction.atomic
def create_catalog(
    actor, organization: Organization, name: str, effective_from: date, decision: str = ""
) -> Catalog:
    """Start a draft catalogue; the same name again starts its next version."""
    name = nfc(name) or ""
    if not name:
        raise WorkError(_("A catalogue needs a name."))
    catalog = Catalog.objects.create(
        organization=organization,
        name=name,
        version=_next_version(organization, name),
        effective_from=effective_from,
        decision=nfc(decision) or "",
    )
    audit.record(
        actor, "work.create_catalog", catalog, after=audit.snapshot(catalog, CATALOG_FIELDS)
    )
    return catalog


@transaction.atomic
def save_catalog_item(
    actor, item: CatalogItem, job_positions: list[JobPosition] | None = None
) -> CatalogItem:
    """Create or change an item of a draft catalogue (validated by the caller's form)."""
    _check_draft(item.catalog)
    before = {}
    if item.pk:
        before = audit.snapshot(CatalogItem.objects.get(pk=item.pk), ITEM_FIELDS)
    item.save()
    if job_positions is not None:
        item.job_positions.set(job_positions)
    action = "work.change_catalog_item" if before else "work.add_catalog_item"
    audit.record(actor, action, item, before, audit.snapshot(item, ITEM_FIELDS))
    return item


@transaction.atomic
def publish_catalog(actor, catalog: Catalog, decision: str = "") -> Catalog:
    """Publish a draft: it becomes readable by every civil servant of the organisation."""
    catalog = Catalog.objects.select_for_update().get(pk=catalog.pk)
    _check_draft(catalog)
    if not catalog.items.exists():
        raise WorkError(_("The catalogue has no items yet, so it cannot be issued."))
    before = audit.snapshot(catalog, CATALOG_FIELDS)
    catalog.published, catalog.reviewed_on = True, timezone.localdate()
    if decision := nfc(decision):
        catalog.decision = decision
    catalog.save(update_fields=["published", "reviewed_on", "decision"])
    audit.record(
        actor,
        "work.publish_catalog",
        catalog,
        before,
        audit.snapshot(catalog, CATALOG_FIELDS),
        reason=catalog.decision,
    )
    return catalog


@transaction.atomic
def new_catalog_version(actor, catalog: Catalog, effective_from: date) -> Catalog:
    """Copy a catalogue and its items into the next draft version (the yearly review)."""
    draft = Catalog.objects.create(
        organization=catalog.organization,
        name=catalog.name,
        version=_next_version(catalog.organization, catalog.name),
        effective_from=effective_from,
        decision="",
    )
    for item in catalog.items.prefetch_related("job_positions"):
        copy = CatalogItem.objects.create(
            catalog=draft, **{name: getattr(item, name) for name in ITEM_FIELDS}
        )
        copy.job_positions.set(item.job_positions.all())
    audit.record(
        actor,
        "work.new_catalog_version",
        draft,
        after=audit.snapshot(draft, CATALOG_FIELDS),
        reason=_("New version of %(catalog)s") % {"catalog": catalog},
    )
    return draft


def _next_version(organization: Organization, name: str) -> int:
    latest = Catalog.objects.filter(organization=organization, name=name).aggregate(
        v=Max("version")
    )["v"]
    return (latest or 0) + 1


def _check_draft(catalog: Catalog) -> None:
    if catalog.published:
        raise WorkError(_("An issued catalogue cannot be edited: create a new version."))
