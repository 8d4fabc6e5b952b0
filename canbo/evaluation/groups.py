"""Groups of civil servants with similar tasks (Art. 20): the quota counts within each.

A task group is a code stored on the annual result: a job-position field for staff, or one of
the two leader groups (commune leaders, department leaders). `group_label` is the one place
that names them for screens, reports and quota messages.
"""

from django.utils.translation import gettext as _

from canbo.org.choices import Field

COMMUNE_LEADERS = "commune_leaders"
DEPARTMENT_LEADERS = "department_leaders"


def group_label(code: str) -> str:
    """The display name of a task group code ('archives' → 'Nhóm Văn phòng - Lưu trữ')."""
    if code == COMMUNE_LEADERS:
        return _("Leaders of the commune People's Committee")
    if code == DEPARTMENT_LEADERS:
        return _("Leaders of departments, boards and centres")
    field = Field(code).label if code in Field.values else _("Not determined")
    return _("Group %(field)s") % {"field": field}
