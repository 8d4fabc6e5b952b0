"""Groups of civil servants with similar tasks (nhóm công chức có nhiệm vụ tương đồng, Art. 20).

Decision (province): groups are data per agency and year, a code stored on the annual result.
The default is the job-position field for staff, with the commune's leaders and the
departments' leaders as two separate groups; a personnel officer can move a person to another
group. `group_label` is the one place that names them for screens, reports and messages.
"""

from django.utils.translation import gettext as _

from canbo.org.choices import Field
from canbo.people.models import Person

COMMUNE_LEADERS = "commune_leaders"
DEPARTMENT_LEADERS = "department_leaders"


def whole_agency() -> str:
    """The agency as a whole, counted like a group by the quota."""
    return _("Whole agency")


def group_label(code: str) -> str:
    """The display name of a task group code ('archives' → 'Nhóm Văn phòng - Lưu trữ')."""
    if code == COMMUNE_LEADERS:
        return _("Leaders of the commune People's Committee")
    if code == DEPARTMENT_LEADERS:
        return _("Leaders of departments, boards and centres")
    field = Field(code).label if code in Field.values else _("Not determined")
    return _("Group %(field)s") % {"field": field}


def group_choices() -> list[tuple[str, str]]:
    return [
        (code, group_label(code)) for code in [COMMUNE_LEADERS, DEPARTMENT_LEADERS, *Field.values]
    ]


def default_groups(people: list[Person]) -> dict[int, str]:
    """The default group of each person (people loaded with organisation, title, position)."""
    groups = {}
    for person in people:
        if person.title_id and person.title.is_leader and person.organization_id:
            commune_level = person.organization.is_commune
            groups[person.pk] = COMMUNE_LEADERS if commune_level else DEPARTMENT_LEADERS
        else:
            groups[person.pk] = person.job_position.field if person.job_position_id else ""
    return groups
