"""Roles a user can hold, and what each may do."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CIVIL_SERVANT = "civil_servant", _("Civil servant")
    UNIT_HEAD = "unit_head", _("Unit head")
    UNIT_DEPUTY = "unit_deputy", _("Deputy unit head")
    CHAIRMAN = "chairman", _("Commune chairman")
    VICE_CHAIRMAN = "vice_chairman", _("Commune vice chairman")
    PERSONNEL_COMMUNE = "personnel_commune", _("Commune personnel officer")
    PERSONNEL_PROVINCE = "personnel_province", _("Provincial personnel officer")
    PROVINCE_VIEWER = "province_viewer", _("Provincial leadership (view)")
    ADMIN = "admin", _("System administrator")
    # The two Party bodies the plan (III.3, III.4) gives the job of following it.
    PLAN_REPORTER = "plan_reporter", _("Reporting body (Propaganda and Mass Mobilisation)")
    PLAN_SUPERVISOR = "plan_supervisor", _("Supervising body (Inspection Committee)")


# Connected systems are not users; their scope is their organisation's subtree.
API_CLIENT = "api_client"

# Roles whose scope is the whole province, whatever organisation they are attached to.
PROVINCE_WIDE = {Role.PERSONNEL_PROVINCE, Role.PROVINCE_VIEWER, Role.ADMIN}
# Roles that see only their own record among people.
SELF_ONLY = {Role.CIVIL_SERVANT}
# Bodies that read every oversight row (the plan, inspections, complaints) province-wide but
# hold no province-wide scope over personal data: they see a person only where an oversight
# row names them, and each such reading is logged.
OVERSIGHT_BODIES = {Role.PLAN_REPORTER, Role.PLAN_SUPERVISOR}
# Who follows the plan and its supervision province-wide.
OVERSIGHT_READERS = PROVINCE_WIDE | OVERSIGHT_BODIES

# Capabilities: one table, read by `can()`; views never test roles themselves.
CAPABILITIES: dict[str, set[str]] = {
    "people.list": set(Role) - SELF_ONLY,
    "people.view": set(Role),
    # The absence register (leave periods): personnel officers within their scope.
    "people.leave.manage": {Role.PERSONNEL_COMMUNE, Role.PERSONNEL_PROVINCE, Role.ADMIN},
    # Lifting a login lockout of an account within one's scope (audited).
    "people.account.unlock": {Role.PERSONNEL_COMMUNE, Role.PERSONNEL_PROVINCE, Role.ADMIN},
    # Editing a personnel record (qualifications, hometown, posts...): personnel officers
    # within their scope, audited and logged as personal-data access.
    "people.record.edit": {Role.PERSONNEL_COMMUNE, Role.PERSONNEL_PROVINCE, Role.ADMIN},
    # Reading the personal-data access log (read-only): the provincial personnel office.
    "people.access_log": {Role.PERSONNEL_PROVINCE, Role.ADMIN},
    "org.view": set(Role),
    "audit.view": {Role.ADMIN},
    # Django's admin site (with is_staff as well).
    "admin.site": {Role.ADMIN},
    "work.catalog.view": set(Role),
    "work.catalog.manage": {
        Role.UNIT_HEAD,
        Role.PERSONNEL_COMMUNE,
        Role.PERSONNEL_PROVINCE,
        Role.ADMIN,
    },
    "work.tasks.own": set(Role),
    "work.tasks.list": set(Role) - SELF_ONLY,
    "work.tasks.view": set(Role),
    "integration.manage": {Role.ADMIN, Role.PERSONNEL_PROVINCE},
    # Quality and delay judgments, objective-cause certification (the competent authority).
    "work.tasks.judge": {
        Role.UNIT_HEAD,
        Role.UNIT_DEPUTY,
        Role.CHAIRMAN,
        Role.VICE_CHAIRMAN,
        Role.PERSONNEL_COMMUNE,
    },
    # Imports (edXML, task spreadsheets) write tasks for people of the importer's subtree.
    "integration.import": {
        Role.UNIT_HEAD,
        Role.CHAIRMAN,
        Role.VICE_CHAIRMAN,
        Role.PERSONNEL_COMMUNE,
        Role.PERSONNEL_PROVINCE,
        Role.ADMIN,
    },
    "integration.import_people": {Role.PERSONNEL_COMMUNE, Role.PERSONNEL_PROVINCE, Role.ADMIN},
    # One-stop dossiers and their ratings (the web twin of the API scope dossiers:write): the
    # commune's personnel office for the officers of its scope, the province's for all.
    "integration.import_dossiers": {Role.PERSONNEL_COMMUNE, Role.PERSONNEL_PROVINCE, Role.ADMIN},
    "evaluation.me": {
        Role.CIVIL_SERVANT,
        Role.UNIT_HEAD,
        Role.UNIT_DEPUTY,
        Role.CHAIRMAN,
        Role.VICE_CHAIRMAN,
        Role.PERSONNEL_COMMUNE,
    },
    "evaluation.sheet": set(Role),
    "evaluation.review_board": set(Role) - SELF_ONLY,
    "evaluation.approval_board": {Role.CHAIRMAN, Role.VICE_CHAIRMAN},
    # Who reviews and approves a sheet (besides the sheet being visible and not one's own):
    # unit heads review their unit's civil servants; the commune's leaders review everyone of
    # the commune (its leaders and its own staff included) and approve; a chairman's sheet
    # goes to the provincial personnel office, a vice chairman's to the chairman.
    "evaluation.review_unit": {Role.UNIT_HEAD, Role.UNIT_DEPUTY},
    "evaluation.review_commune": {Role.CHAIRMAN, Role.VICE_CHAIRMAN},
    "evaluation.approve": {Role.CHAIRMAN, Role.VICE_CHAIRMAN},
    "evaluation.approve_chairman": {Role.PERSONNEL_PROVINCE},
    "evaluation.approve_vice_chairman": {Role.CHAIRMAN},
    # Told when a published result of a leader of one's commune changes and needs approval
    # again (a chairman's own goes to "evaluation.approve_chairman").
    "evaluation.leaders.follow": {Role.CHAIRMAN},
    # The chairman decides the annual rating of his commune's civil servants (the personnel
    # offices decide with "evaluation.periods").
    "evaluation.annual.decide": {Role.CHAIRMAN},
    "evaluation.periods": {Role.PERSONNEL_COMMUNE, Role.PERSONNEL_PROVINCE, Role.ADMIN},
    "evaluation.annual": set(Role) - SELF_ONLY,
    # Downloads follow the page they are taken from: one's own sheet for everyone, the
    # unit's table with the review board, the annual form with the annual screen.
    "reports.sheet": set(Role),
    "reports.unit": set(Role) - SELF_ONLY,
    "reports.annual": set(Role) - SELF_ONLY,
    # Dashboards: the province's roles see the province (and any commune), a commune's
    # leaders and personnel officer their commune by department; others have none.
    "reports.dashboard": {
        Role.PERSONNEL_PROVINCE,
        Role.PROVINCE_VIEWER,
        Role.ADMIN,
        Role.CHAIRMAN,
        Role.VICE_CHAIRMAN,
        Role.PERSONNEL_COMMUNE,
    },
    # The province-wide annual .xlsx built in the background (downloadable by its requester).
    "reports.export": {Role.PERSONNEL_PROVINCE, Role.PROVINCE_VIEWER, Role.ADMIN},
    # Cadre development: everyone sees their own training/commendation records; leaders see
    # their scope read-only; personnel officers manage their scope; the province keeps the
    # catalogue of programmes, classes and planning terms.
    "cadre.own": set(Role),
    "cadre.view": set(Role) - SELF_ONLY,
    "cadre.manage": {Role.PERSONNEL_COMMUNE, Role.PERSONNEL_PROVINCE, Role.ADMIN},
    "cadre.catalogue": {Role.PERSONNEL_PROVINCE, Role.ADMIN},
    # Citizen satisfaction: everyone sees the index of their scope (an officer their own);
    # the per-unit and per-commune lists, the monthly workbook and the QR sheets are for
    # leaders and personnel officers. Heads mark dissatisfied comments as seen.
    "feedback.own": set(Role),
    "feedback.list": set(Role) - SELF_ONLY,
    "feedback.qr": set(Role) - SELF_ONLY,
    "feedback.follow_up": {Role.UNIT_HEAD, Role.UNIT_DEPUTY, Role.CHAIRMAN, Role.VICE_CHAIRMAN},
    # A citizen's phone number (left to get an answer): seen and deleted by those who follow
    # up, never by the officer rated.
    "feedback.contact": {
        Role.UNIT_HEAD,
        Role.UNIT_DEPUTY,
        Role.CHAIRMAN,
        Role.VICE_CHAIRMAN,
        Role.PERSONNEL_COMMUNE,
        Role.PERSONNEL_PROVINCE,
        Role.ADMIN,
    },
    # The commune as an agency (DOMAIN §6): its leaders and personnel officer see its
    # evaluation; the chairman self-assesses; the commune enters its indicator actuals; the
    # provincial personnel office (Sở Nội vụ) keeps the indicator sets and targets, checks
    # actuals and reviews; the provincial leadership (People's Committee) approves and publishes.
    "agency.view": {
        Role.UNIT_HEAD,
        Role.UNIT_DEPUTY,
        Role.CHAIRMAN,
        Role.VICE_CHAIRMAN,
        Role.PERSONNEL_COMMUNE,
        Role.PERSONNEL_PROVINCE,
        Role.PROVINCE_VIEWER,
        Role.ADMIN,
    },
    "agency.self_assess": {Role.CHAIRMAN},
    "agency.enter_actuals": {Role.CHAIRMAN, Role.VICE_CHAIRMAN, Role.PERSONNEL_COMMUNE},
    "agency.manage_indicators": {Role.PERSONNEL_PROVINCE, Role.ADMIN},
    "agency.review": {Role.PERSONNEL_PROVINCE},
    "agency.approve": {Role.PROVINCE_VIEWER},
    "agency.compare": {Role.PERSONNEL_PROVINCE, Role.PROVINCE_VIEWER, Role.ADMIN},
    # The plan tracker (issue 16): read by the province, the two Party bodies and the commune
    # leadership; actions updated by their owner agency (ownership checked per action);
    # the periodic report written by the reporting body; findings by the supervising body.
    "oversight.plan.view": OVERSIGHT_READERS
    | {Role.CHAIRMAN, Role.VICE_CHAIRMAN, Role.PERSONNEL_COMMUNE},
    "oversight.plan.update": {Role.PERSONNEL_PROVINCE, Role.PLAN_REPORTER, Role.ADMIN},
    # Updating any agency's actions, not only one's own agency's.
    "oversight.plan.update_all": {Role.ADMIN},
    "oversight.plan.report": {Role.PLAN_REPORTER, Role.ADMIN},
    "oversight.findings.write": {Role.PLAN_SUPERVISOR, Role.ADMIN},
    # Complaints and denunciations about cadres: registered and handled by the personnel
    # offices and the supervising body; the denouncer's identity only to the handling body.
    # The equipment inventory: each commune's personnel office keeps its own.
    "oversight.equipment.manage": {Role.PERSONNEL_COMMUNE, Role.PERSONNEL_PROVINCE},
    # The province's registers the plan reads: the communes' job-position approvals and the
    # equipment norms, kept by the provincial personnel office (Sở Nội vụ) alone.
    "oversight.approvals.manage": {Role.PERSONNEL_PROVINCE},
    "oversight.norms.manage": {Role.PERSONNEL_PROVINCE},
    "oversight.complaints.view": OVERSIGHT_READERS | {Role.CHAIRMAN, Role.PERSONNEL_COMMUNE},
    # Registering and handling them is the business of a body's members (the system
    # administrator is not one): the personnel offices and the supervising body.
    "oversight.complaints.manage": {
        Role.PERSONNEL_PROVINCE,
        Role.PERSONNEL_COMMUNE,
        Role.PLAN_SUPERVISOR,
    },
}
# Kept (rejected) payloads: importers see their own uploads', integration managers the
# connected systems'.
CAPABILITIES["integration.payloads"] = (
    CAPABILITIES["integration.import"] | CAPABILITIES["integration.manage"]
)
