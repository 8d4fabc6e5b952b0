"""The one access chokepoint: which rows a user may see, and what they may do.

Every query for organisations, people, tasks, evaluations and the other registers goes through
the `visible_*` rules here, via the querysets' `visible_to(user)`; views never filter by role
or organisation by hand (tests/core/test_access_chokepoint.py keeps it so). Three rooms:
`scope` (who the user is: scope, capabilities), `orgs` (rows by organisation and the
narrowing a user picks), `registers` (each register's rows).
"""

from canbo.core.access.orgs import (
    covering,
    home_commune,
    in_own_subtree,
    made_by,
    narrowed_to,
    not_own,
    own_org,
    own_rows,
    visible_org_rows,
    visible_orgs,
    visible_payloads,
    within,
    writable_orgs,
)
from canbo.core.access.registers import (
    handled_cases,
    handles_case,
    manageable_catalogs,
    owned_actions,
    published_in_unit,
    reads_all_oversight,
    usable_catalogs,
    visible_agency_rows,
    visible_annual_results,
    visible_cases,
    visible_catalogs,
    visible_dossiers,
    visible_oversight,
    visible_people,
    visible_sheets,
    visible_tasks,
)
from canbo.core.access.scope import (
    NO_SCOPE,
    Scope,
    can,
    can_for_other,
    is_own,
    is_province_wide,
    require,
    scope_for,
    who_can,
)

__all__ = [
    "NO_SCOPE",
    "Scope",
    "can",
    "can_for_other",
    "covering",
    "handled_cases",
    "handles_case",
    "home_commune",
    "in_own_subtree",
    "is_own",
    "is_province_wide",
    "made_by",
    "manageable_catalogs",
    "narrowed_to",
    "not_own",
    "own_org",
    "own_rows",
    "owned_actions",
    "published_in_unit",
    "reads_all_oversight",
    "require",
    "scope_for",
    "usable_catalogs",
    "visible_agency_rows",
    "visible_annual_results",
    "visible_cases",
    "visible_catalogs",
    "visible_dossiers",
    "visible_org_rows",
    "visible_orgs",
    "visible_oversight",
    "visible_payloads",
    "visible_people",
    "visible_sheets",
    "visible_tasks",
    "who_can",
    "within",
    "writable_orgs",
]
