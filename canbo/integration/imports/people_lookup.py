"""What a people spreadsheet is checked against, loaded in a few queries before the rows."""

from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.integration.imports import people_format as fmt
from canbo.integration.imports.reader import Row, text
from canbo.integration.imports.scope import Actor
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import JobPosition, Organization, Title
from canbo.people.models import PastClassification, Person, Post


class Lookup:
    def __init__(self, actor: Actor, rows: list[Row]) -> None:
        codes = {text(v["code"]) for _n, v in rows}
        self.people = {p.code: p for p in Person.objects.filter(code__in=codes)}
        self.in_scope = set(actor.people().filter(code__in=codes).values_list("code", flat=True))
        self.orgs = list(actor.orgs().select_related("parent"))
        self.positions = {p.code: p for p in JobPosition.objects.all()}
        self.titles = {t.code: t for t in Title.objects.all()}
        self.today = timezone.localdate()
        self._index_orgs()
        ids = {text(v["id_number"]) for _n, v in rows} - {""}
        self.id_owners = dict(
            Person.objects.filter(id_number__in=ids).values_list("id_number", "code")
        )
        self._load_known([p.pk for p in self.people.values()])
        self.codes = codes
        self.tables = {
            "gender": fmt.folded(fmt.GENDERS),
            "ethnicity": fmt.folded(fmt.ETHNICITIES),
            "party_member": fmt.folded(fmt.YES_NO),
            "education": fmt.folded(fmt.EDUCATION),
            "political_theory": fmt.folded(fmt.THEORY),
            "state_management": fmt.folded(fmt.STATE),
            "past": fmt.folded(fmt.LEVELS),
        }

    def _index_orgs(self) -> None:
        """The actor's organisations by code, name and "parent / name"; every commune of the
        province by code and name (hometowns and former posts may lie outside the scope)."""
        self.by_ref: dict[str, list[Organization]] = {}
        for o in self.orgs:
            for key in {o.code, o.name, parent_path(o)} - {None, ""}:
                self.by_ref.setdefault(key, []).append(o)
        self.communes: dict[str, list[Organization]] = {}
        for o in Organization.objects.filter(kind__in=COMMUNE_KINDS):
            for key in {o.code, o.name} - {None, ""}:
                self.communes.setdefault(key, []).append(o)

    def _load_known(self, known: list[int]) -> None:
        """What the file's known people already have: past classifications, posts; and the
        current holders of single-holder titles."""
        self.past = {
            (p, y): lv
            for p, y, lv in PastClassification.objects.filter(person_id__in=known).values_list(
                "person_id", "year", "level"
            )
        }
        self.posts = set(
            Post.objects.filter(person_id__in=known).values_list(
                "person_id", "start", "organization_id"
            )
        )
        # Current holders of single-holder titles (Chủ tịch…): (org id, title id) → code.
        self.holders = {
            (o, t): c
            for o, t, c in Post.objects.filter(
                end__isnull=True, title__single_holder=True
            ).values_list("organization_id", "title_id", "person__code")
        }

    def org(self, ref: str, errors: list[str]) -> Organization | None:
        found = self.by_ref.get(ref, [])
        matches = [o for o in found if o.code == ref] or found
        if len(matches) == 1:
            return matches[0]
        if matches:
            errors.append(
                _(
                    "Several organisations are named “%(name)s”: write “Parent organisation "
                    "name / %(name)s” or the identifier code."
                )
                % {"name": ref}
            )
        elif (
            Organization.objects.filter(code=ref).exists()
            or Organization.objects.filter(name=ref).exists()
        ):
            errors.append(
                _("Organisation “%(name)s” is outside the scope you are allowed.") % {"name": ref}
            )
        else:
            errors.append(_("There is no organisation “%(name)s”.") % {"name": ref})
        return None


def parent_path(org: Organization) -> str:
    return f"{org.parent.name} / {org.name}" if org.parent_id else org.name
