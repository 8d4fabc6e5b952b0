"""What every dashboard chart is made of: the chart itself (title, SVG, the table of the very
numbers it draws) and the grouping of rows into communes (the province's view) or departments
(a commune's view)."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from canbo.core.access import within
from canbo.org.models import Organization


@dataclass
class Chart:
    key: str
    title: str
    svg: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)


@dataclass
class Grouping:
    """Rows are counted in the group (commune, or department) their organisation lies in."""

    root: Organization
    groups: dict[int, Organization]

    def of(self, path: str | None) -> int | None:
        parts = [int(p) for p in (path or "").strip("/").split("/") if p]
        depth = self.root.depth + 1
        if len(parts) < depth or parts[depth - 1] != self.root.pk:
            return None
        key = parts[depth] if len(parts) > depth else self.root.pk
        return key if key in self.groups else None

    def ordered(self) -> list[Organization]:
        return sorted(self.groups.values(), key=lambda o: (o.pk != self.root.pk, o.path))

    def name(self, org: Organization) -> str:
        return _("Commune leadership") if org.pk == self.root.pk else org.name


def grouping(root: Organization, user) -> Grouping:
    orgs = within(Organization.objects.visible_to(user), root.path, "path").filter(
        depth__in=[root.depth, root.depth + 1]
    )
    groups = {o.pk: o for o in orgs}
    if root.depth == 0:  # the province itself holds nobody evaluated
        groups.pop(root.pk, None)
    return Grouping(root, groups)


def per_group(g: Grouping, rows) -> dict[int, Counter]:
    """rows: (organisation path, key, count) → {group id: Counter(key → count)}."""
    found: dict[int, Counter] = defaultdict(Counter)
    for path, key, n in rows:
        group = g.of(path)
        if group is not None:
            found[group][key] += n
    return found
