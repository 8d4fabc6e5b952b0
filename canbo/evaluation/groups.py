"""Groups of civil servants with similar tasks (nhóm công chức có nhiệm vụ tương đồng).

Decision (province): groups are data per agency and year, kept on the annual result. The
default is the job-position field for staff, with the commune's leaders and the departments'
leaders as two separate groups; a personnel officer can move a person to another group.
"""

from canbo.org.choices import Field
from canbo.people.models import Person

COMMUNE_LEADERS = "commune_leaders"
DEPARTMENT_LEADERS = "department_leaders"
WHOLE_AGENCY = "Toàn cơ quan"
LEADER_GROUPS = {
    COMMUNE_LEADERS: "Lãnh đạo UBND xã, phường",
    DEPARTMENT_LEADERS: "Lãnh đạo phòng, ban, trung tâm",
}


def group_label(code: str) -> str:
    if code in LEADER_GROUPS:
        return LEADER_GROUPS[code]
    label = Field(code).label if code in Field.values else "Chưa xác định"
    return f"Nhóm {label}"


def group_choices() -> list[tuple[str, str]]:
    return [(code, group_label(code)) for code in [*LEADER_GROUPS, *Field.values]]


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
