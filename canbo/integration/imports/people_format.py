"""The people spreadsheet's format: its columns, the values it accepts and its instructions.

The format is the province's, so the texts are the Vietnamese ones, kept in the catalogue
behind English msgids like every other text. Everything here is lazy: the tables of accepted
values are folded when a file is checked (`folded`), in the language active then."""

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from canbo.core.text import fold
from canbo.org.choices import Education, PoliticalTheory, StateManagement
from canbo.people.choices import Ethnicity, Gender
from canbo.scoring import COMPLETE, EXCELLENT, FAIL, GOOD

PAST_YEARS = range(2021, 2026)


def _classification(year: int) -> str:
    return pgettext("import column", "Classification %(year)s") % {"year": year}


classification = lazy(_classification, str)

# Field name → header, in template order: the required columns, then the optional ones (the
# personnel record, past classifications and post history).
COLUMNS = {
    "code": pgettext_lazy("import column", "Civil servant code"),
    "name": pgettext_lazy("import column", "Full name"),
    "birth": pgettext_lazy("import column", "Date or year of birth"),
    "gender": pgettext_lazy("import column", "Gender"),
    "ethnicity": pgettext_lazy("import column", "Ethnicity"),
    "organization": pgettext_lazy("import column", "Organisation"),
    "job_position": pgettext_lazy("import column", "Job position code"),
    "title": pgettext_lazy("import column", "Title code"),
    "start": pgettext_lazy("import column", "Date of taking up the post"),
}
OPTIONAL_COLUMNS = {
    "id_number": pgettext_lazy("import column", "ID card number"),
    "hometown": pgettext_lazy("import column", "Hometown"),
    "party_member": pgettext_lazy("import column", "Party member"),
    "education": pgettext_lazy("import column", "Professional qualification"),
    "major": pgettext_lazy("import column", "Major"),
    "political_theory": pgettext_lazy("import column", "Political theory"),
    "state_management": pgettext_lazy("import column", "State management"),
    "it_certificate": pgettext_lazy("import column", "IT"),
    "foreign_language": pgettext_lazy("import column", "Foreign language"),
    "service_start": pgettext_lazy("import column", "Date of entering service"),
    **{f"past_{year}": classification(year) for year in PAST_YEARS},
    "history": pgettext_lazy("import column", "Work history"),
}
ALL_COLUMNS = COLUMNS | OPTIONAL_COLUMNS

NOTES = [
    gettext_lazy("Each row is one civil servant; an existing code is updated, a new one is added."),
    gettext_lazy("Date or year of birth: dd/mm/yyyy, or the year alone (for example 1985)."),
    gettext_lazy(
        "Gender: Male or Female. Ethnicity: Kinh, Thai, Mong, Dao, Ha Nhi, Giay, Lu, Kho Mu, "
        "Cong, Mang, La Hu, Si La or Other."
    ),
    gettext_lazy(
        "Organisation: the identifier code, or the exact name (when names repeat, write "
        "“Parent organisation name / Organisation name”)."
    ),
    gettext_lazy("Job position code, Title code: from the system's lists (may be left empty)."),
    gettext_lazy(
        "Date of taking up the post: the day the new post or organisation starts (empty means "
        "today)."
    ),
    gettext_lazy("Date of taking up the post, Date of entering service: not after today."),
    gettext_lazy(
        "Optional columns (a whole column may be left out): ID card number (12 digits, not "
        "the same as another person's); Hometown (commune/ward: identifier code or name); "
        "Party member (Yes/No); Professional qualification (Upper secondary, Intermediate / "
        "College, University, Master, Doctor); Major; Political theory (None yet, Basic, "
        "Intermediate, Advanced); State management (None yet, Specialist, Principal "
        "specialist, Senior specialist); IT; Foreign language; Date of entering service."
    ),
    gettext_lazy(
        "Classification 2021 … Classification 2025: Excellent completion of duties, Good "
        "completion of duties, Completion of duties, Failure to complete duties (or HTXSNV, "
        "HTTNV, HTNV, KHTNV); leave empty when there is none."
    ),
    gettext_lazy(
        "Work history: the posts held before the current one, separated by “;”, each post "
        "“from date|to date|organisation|job position code|title code” (for example "
        "“01/01/2015|31/12/2020|Tan Phong ward|VP|CONG_CHUC”)."
    ),
    gettext_lazy("A file with an error in any row writes no row at all."),
]


# Accepted cell values: (text, value) pairs, several spellings each; the abbreviations are
# the same in every language.
LEVELS = [
    (pgettext_lazy("import value", "Excellent completion of duties"), EXCELLENT),
    ("HTXSNV", EXCELLENT),
    (pgettext_lazy("import value", "Excellent"), EXCELLENT),
    (pgettext_lazy("import value", "Good completion of duties"), GOOD),
    ("HTTNV", GOOD),
    (pgettext_lazy("import value", "Good"), GOOD),
    (pgettext_lazy("import value", "Completion of duties"), COMPLETE),
    ("HTNV", COMPLETE),
    (pgettext_lazy("import value", "Complete"), COMPLETE),
    (pgettext_lazy("import value", "Failure to complete duties"), FAIL),
    ("KHTNV", FAIL),
    (pgettext_lazy("import value", "Not complete"), FAIL),
]
NONE_YET = pgettext_lazy("import value", "None yet")
NO = pgettext_lazy("import value", "No")
INTERMEDIATE = pgettext_lazy("import value", "Intermediate")
EDUCATION = [
    (NONE_YET, Education.NONE),
    (pgettext_lazy("import value", "Upper secondary"), Education.SECONDARY),
    (pgettext_lazy("import value", "Intermediate / College"), Education.VOCATIONAL),
    (INTERMEDIATE, Education.VOCATIONAL),
    (pgettext_lazy("import value", "College"), Education.VOCATIONAL),
    (pgettext_lazy("import value", "University"), Education.UNIVERSITY),
    (pgettext_lazy("import value", "Master"), Education.MASTER),
    (pgettext_lazy("import value", "Doctor"), Education.DOCTOR),
]
THEORY = [
    (NONE_YET, PoliticalTheory.NONE),
    (NO, PoliticalTheory.NONE),
    (pgettext_lazy("import value", "Basic"), PoliticalTheory.BASIC),
    (INTERMEDIATE, PoliticalTheory.INTERMEDIATE),
    (pgettext_lazy("import value", "Advanced"), PoliticalTheory.ADVANCED),
]
STATE = [
    (NONE_YET, StateManagement.NONE),
    (NO, StateManagement.NONE),
    (pgettext_lazy("import value", "Specialist"), StateManagement.SPECIALIST),
    (pgettext_lazy("import value", "Principal specialist"), StateManagement.MAIN_SPECIALIST),
    (pgettext_lazy("import value", "Senior specialist"), StateManagement.SENIOR_SPECIALIST),
]
YES_NO = [
    (pgettext_lazy("import value", "Yes"), True),
    ("x", True),
    ("1", True),
    (NO, False),
    ("0", False),
]
GENDERS = [
    (pgettext_lazy("import value", "Male"), Gender.MALE),
    ("male", Gender.MALE),
    (pgettext_lazy("import value", "Female"), Gender.FEMALE),
    ("female", Gender.FEMALE),
]
ETHNICITIES = [
    *((label, code) for code, label in Ethnicity.choices if code != Ethnicity.OTHER),
    *((code, code) for code in Ethnicity.values),
    (pgettext_lazy("import value", "Other"), Ethnicity.OTHER),
]
# Hints after an invalid value.
SEE_NOTES = gettext_lazy("see the instructions")
HINTS = {
    "gender": gettext_lazy("Male or Female"),
    "party_member": gettext_lazy("Yes or No"),
}


def folded(pairs: list) -> dict:
    """{accent-free text: value} of a table, translated now."""
    return {fold(str(text)): value for text, value in pairs}
