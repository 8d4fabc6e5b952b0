"""Key titles of the communes: holders who are local people, and vacancies."""

from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.cadre.pipeline_forms import KeyTitleFilterForm
from canbo.cadre.services.pipeline import communes_of, key_title_rows
from canbo.cadre.tables import Link, Table, render_listing, yes
from canbo.core.access import require
from canbo.people.services import log_personal_data_access


def key_titles(request):
    require(request.user, "cadre.view")
    form = KeyTitleFilterForm(request.GET or None)
    show_all = form.is_valid() and form.cleaned_data["show"] == "all"
    rows = [r for r in key_title_rows(communes_of(request.user)) if show_all or r.problem]
    table = Table(
        _("Key titles"),
        [_("Commune / ward"), _("Title"), _("Holder"), _("Code"), _("Local person"), _("Vacant")],
    )
    for r in rows:
        holder = (
            Link(r.person.full_name, reverse("cadre:person", args=[r.person.pk]))
            if r.person
            else ""
        )
        table.add(
            str(r.commune),
            str(r.title),
            holder,
            r.person.code if r.person else "",
            yes(r.local),
            yes(r.vacant),
            css="warn" if r.problem else "",
        )
    log_personal_data_access(request, [r.person.pk for r in rows if r.person], "cadre.key_titles")
    return render_listing(
        request,
        _("Key titles: local holders and vacancies"),
        [table],
        "chuc-danh-chu-chot",
        form=form,
        intro=_(
            "The plan requires the Party secretary, the People's Committee "
            "chairman and the chairman of the Inspection Committee not to be "
            "local people."
        ),
    )
