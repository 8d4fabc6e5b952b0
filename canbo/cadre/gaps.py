"""Qualification gaps: a person's record against the standard of their position and title.

Pure apart from reading the related position and title already loaded on the person.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.core.text import fold
from canbo.org.choices import Education, Field, PoliticalTheory, StateManagement

EDUCATION, MAJOR, THEORY, STATE_MANAGEMENT, IT, LANGUAGE = (
    "education",
    "major",
    "political_theory",
    "state_management",
    "it",
    "foreign_language",
)
GAP_KINDS = {
    EDUCATION: gettext_lazy("Education level"),
    MAJOR: gettext_lazy("Major"),
    THEORY: gettext_lazy("Political theory"),
    STATE_MANAGEMENT: gettext_lazy("State management"),
    IT: gettext_lazy("IT certificate"),
    LANGUAGE: gettext_lazy("Foreign language"),
}
# Below the professional standard (chưa đạt chuẩn chuyên môn): what a university course fixes.
PROFESSIONAL_KINDS = (EDUCATION, MAJOR)
# Fields the plan names as short of qualified staff (section II.2.4).
SHORT_FIELDS = (Field.IT, Field.CONSTRUCTION, Field.LAND, Field.ARCHIVES)


@dataclass(frozen=True)
class Gap:
    kind: str
    text: str


def required_theory(person, title=None) -> int:
    """The higher of the position's and the title's political-theory minimum."""
    title = title or person.title
    levels = [PoliticalTheory.NONE]
    if person.job_position:
        levels.append(person.job_position.min_political_theory)
    if title:
        levels.append(title.min_political_theory)
    return max(levels)


def has_major(person, required: str) -> bool:
    """The required major is among the person's majors (a second degree is appended)."""
    return not required or fold(required) in fold(person.major)


def compute_gaps(person, title=None) -> list[Gap]:
    """List what the person lacks for their job position and title (or the given title)."""
    gaps: list[Gap] = []
    position = person.job_position
    if position:
        gaps += _position_gaps(person, position)
    need = required_theory(person, title)
    if person.political_theory < need:
        gaps.append(
            Gap(
                THEORY,
                _("Political theory %(have)s, requires %(need)s")
                % {
                    "have": _label(PoliticalTheory, person.political_theory),
                    "need": _label(PoliticalTheory, need),
                },
            )
        )
    return sorted(gaps, key=lambda gap: list(GAP_KINDS).index(gap.kind))


def _position_gaps(person, position) -> list[Gap]:
    gaps = []
    if person.education < position.min_education:
        gaps.append(
            Gap(
                EDUCATION,
                _("Education %(have)s, requires %(need)s")
                % {
                    "have": _label(Education, person.education),
                    "need": _label(Education, position.min_education),
                },
            )
        )
    if not has_major(person, position.required_major):
        gaps.append(
            Gap(
                MAJOR,
                _("Major “%(have)s” does not match the required “%(need)s”")
                % {"have": person.major or "—", "need": position.required_major},
            )
        )
    if person.state_management < position.min_state_management:
        gaps.append(
            Gap(
                STATE_MANAGEMENT,
                _("State management %(have)s, requires %(need)s")
                % {
                    "have": _label(StateManagement, person.state_management),
                    "need": _label(StateManagement, position.min_state_management),
                },
            )
        )
    if position.requires_it and not person.it_certificate:
        gaps.append(Gap(IT, _("No IT certificate, which the position requires")))
    if position.requires_foreign_language and not person.foreign_language:
        gaps.append(
            Gap(LANGUAGE, _("No foreign-language certificate, which the position requires"))
        )
    return gaps


def _label(choices, value) -> str:
    return str(choices(value).label)


def below_professional_standard(gaps: list[Gap]) -> bool:
    return any(gap.kind in PROFESSIONAL_KINDS for gap in gaps)
