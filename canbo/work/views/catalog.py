"""Catalogue pages: read by everyone of the organisation, managed by personnel and unit heads."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.core.access import can, manageable_catalogs, require
from canbo.org.models import Organization
from canbo.work import catalog_services, xlsx
from canbo.work.errors import WorkError
from canbo.work.forms import CatalogForm, CatalogItemForm, ImportForm, NewVersionForm, PublishForm
from canbo.work.models import Catalog, CatalogItem

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _manageable_orgs(user):
    return manageable_catalogs(Organization.objects.all(), user, path_field="path")


def catalog_list(request):
    require(request.user, "work.catalog.view")
    catalogs = Catalog.objects.visible_to(request.user).select_related("organization")
    manager = can(request.user, "work.catalog.manage")
    form = CatalogForm(organizations=_manageable_orgs(request.user)) if manager else None
    return render(
        request, "work/catalog_list.html", {"catalogs": catalogs, "form": form, "manager": manager}
    )


@require_POST
def catalog_create(request):
    require(request.user, "work.catalog.manage")
    form = CatalogForm(request.POST, organizations=_manageable_orgs(request.user))
    if not form.is_valid():
        catalogs = Catalog.objects.visible_to(request.user).select_related("organization")
        return render(
            request,
            "work/catalog_list.html",
            {"catalogs": catalogs, "form": form, "manager": True},
            status=400,
        )
    data = form.cleaned_data
    catalog = catalog_services.create_catalog(
        request.user, data["organization"], data["name"], data["effective_from"], data["decision"]
    )
    return redirect("work:catalog", catalog.pk)


def catalog_detail(request, pk: int, import_form=None, report=None, status=200):
    require(request.user, "work.catalog.view")
    catalog = get_object_or_404(
        Catalog.objects.visible_to(request.user).select_related("organization"), pk=pk
    )
    managed = Catalog.objects.manageable_by(request.user).filter(pk=pk).exists()
    items = catalog.items.prefetch_related("job_positions")
    context = {
        "catalog": catalog,
        "items": items,
        "managed": managed,
        "import_form": import_form or ImportForm(),
        "report": report,
        "publish_form": PublishForm(),
        "version_form": NewVersionForm(),
    }
    return render(request, "work/catalog_detail.html", context, status=status)


def item_create(request, pk: int):
    catalog = _managed(request, pk)
    return _item_form(request, CatalogItem(catalog=catalog))


def item_edit(request, pk: int):
    item = get_object_or_404(CatalogItem, pk=pk)
    _managed(request, item.catalog_id)
    return _item_form(request, item)


def _item_form(request, item: CatalogItem):
    if item.catalog.published:
        messages.error(request, _("A published catalogue cannot be changed: start a new version."))
        return redirect("work:catalog", item.catalog_id)
    form = CatalogItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        catalog_services.save_catalog_item(
            request.user, form.save(commit=False), list(form.cleaned_data["job_positions"])
        )
        messages.success(request, _("Item saved."))
        return redirect("work:catalog", item.catalog_id)
    status = 400 if form.is_bound else 200
    return render(request, "work/item_form.html", {"form": form, "item": item}, status=status)


@require_POST
def catalog_publish(request, pk: int):
    catalog = _managed(request, pk)
    form = PublishForm(request.POST)
    decision = form.cleaned_data["decision"] if form.is_valid() else ""
    try:
        catalog_services.publish_catalog(request.user, catalog, decision)
        messages.success(request, _("Catalogue published."))
    except WorkError as exc:
        messages.error(request, exc.message)
    return redirect("work:catalog", pk)


@require_POST
def catalog_new_version(request, pk: int):
    catalog = _managed(request, pk)
    form = NewVersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the date the new version takes effect."))
        return redirect("work:catalog", pk)
    draft = catalog_services.new_catalog_version(
        request.user, catalog, form.cleaned_data["effective_from"]
    )
    messages.success(request, _("Draft of the new version created."))
    return redirect("work:catalog", draft.pk)


def catalog_export(request, pk: int):
    require(request.user, "work.catalog.view")
    catalog = get_object_or_404(Catalog.objects.visible_to(request.user), pk=pk)
    response = HttpResponse(xlsx.export_catalog(catalog), content_type=XLSX)
    filename = f"danh-muc-{catalog.pk}-v{catalog.version}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_POST
def catalog_import(request, pk: int):
    catalog = _managed(request, pk)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return catalog_detail(request, pk, import_form=form, status=400)
    try:
        report = xlsx.import_catalog(request.user, catalog, form.cleaned_data["file"].read())
    except WorkError as exc:
        form.add_error("file", exc.message)
        return catalog_detail(request, pk, import_form=form, status=400)
    if report.errors:
        return catalog_detail(request, pk, report=report, status=400)
    messages.success(
        request,
        _("Imported: %(created)d new, %(updated)d updated items.")
        % {"created": report.created, "updated": report.updated},
    )
    return redirect("work:catalog", pk)


def _managed(request, pk: int) -> Catalog:
    require(request.user, "work.catalog.manage")
    return get_object_or_404(Catalog.objects.manageable_by(request.user), pk=pk)
