"""Quota of "excellent" per group: at most ratio × number classified "good" (Art. 20)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction

from canbo.scoring.classify import EXCELLENT, GOOD, LABELS, LEVELS
from canbo.scoring.numfmt import fmt_percent, to_fraction
from canbo.scoring.rulebook import Rulebook, resolve
from canbo.scoring.text import Translated, _, gettext_noop
from canbo.scoring.types import GroupQuota, QuotaEntry, QuotaReport, ScoringInputError

ROUNDING_TEXT = Translated(
    {
        "floor": gettext_noop("rounded down"),
        "ceil": gettext_noop("rounded up"),
        "half_up": gettext_noop("rounded half up"),
    }
)


def quota_cap(count_good: int, ratio: Fraction, rounding: str) -> int:
    exact = ratio * count_good
    if rounding == "ceil":
        return math.ceil(exact)
    if rounding == "half_up":
        return math.floor(exact + Fraction(1, 2))
    return math.floor(exact)


def _checked(entry: QuotaEntry, index: int) -> QuotaEntry:
    if entry.classification not in LEVELS:
        raise ScoringInputError(
            f"entries[{index}].classification",
            _("Invalid classification level “%(level)s”.") % {"level": entry.classification},
        )
    try:
        total = to_fraction(entry.total)
    except (TypeError, ValueError):
        raise ScoringInputError(
            f"entries[{index}].total", _("The total must be a number.")
        ) from None
    return QuotaEntry(entry.person_id, entry.group, entry.classification, total)


def _with_ties(ranked: list[QuotaEntry], size: int) -> tuple[QuotaEntry, ...]:
    # People tied with the last one shown are at the margin too: the software must not pick.
    if not ranked or size <= 0:
        return ()
    edge = ranked[min(size, len(ranked)) - 1].total
    cut = min(size, len(ranked))
    while cut < len(ranked) and ranked[cut].total == edge:
        cut += 1
    return tuple(ranked[:cut])


def _group(
    group: str, entries: list[QuotaEntry], ratio: Fraction, rulebook: Rulebook
) -> GroupQuota:
    counts = {level: 0 for level in LEVELS}
    for entry in entries:
        counts[entry.classification] += 1
    cap = quota_cap(counts[GOOD], ratio, rulebook.quota_rounding)
    excess = max(0, counts[EXCELLENT] - cap)
    shown = max(1, excess)
    excellent = sorted(
        (e for e in entries if e.classification == EXCELLENT),
        key=lambda e: (e.total, str(e.person_id)),
    )
    good = sorted(
        (e for e in entries if e.classification == GOOD),
        key=lambda e: (-Fraction(e.total), str(e.person_id)),
    )
    text = (
        _(
            "Group %(group)s: %(excellent)s people “%(excellent_label)s”, %(good)s people "
            "“%(good_label)s”; at most %(cap)s excellent (%(ratio)s × %(good)s, %(rounding)s); "
            "%(excess)s over."
        )
        if excess
        else _(
            "Group %(group)s: %(excellent)s people “%(excellent_label)s”, %(good)s people "
            "“%(good_label)s”; at most %(cap)s excellent (%(ratio)s × %(good)s, %(rounding)s); "
            "within the limit."
        )
    ) % {
        "group": group,
        "excellent": counts[EXCELLENT],
        "excellent_label": LABELS[EXCELLENT],
        "good": counts[GOOD],
        "good_label": LABELS[GOOD],
        "cap": cap,
        "ratio": fmt_percent(ratio),
        "rounding": ROUNDING_TEXT[rulebook.quota_rounding],
        "excess": excess,
    }
    return GroupQuota(
        group=group,
        counts=counts,
        cap=cap,
        excess=excess,
        exceeded=excess > 0,
        margin_excellent=_with_ties(excellent, shown),
        margin_good=_with_ties(good, shown),
        text=text,
    )


def check_quota(
    entries: Iterable[QuotaEntry], rulebook: Rulebook | None = None, exception: bool = False
) -> QuotaReport:
    """Report, per group, whether "excellent" exceeds the quota and who is at the margin."""
    rulebook = resolve(rulebook)
    ratio = rulebook.quota_exception_ratio if exception else rulebook.quota_ratio
    groups: dict[str, list[QuotaEntry]] = {}
    for index, entry in enumerate(entries):
        checked = _checked(entry, index)
        groups.setdefault(str(checked.group), []).append(checked)
    reports = tuple(_group(g, groups[g], ratio, rulebook) for g in sorted(groups))
    basis = rulebook.basis_for("quota_exception_ratio" if exception else "quota_ratio")
    return QuotaReport(
        ratio=ratio,
        exception=exception,
        groups=reports,
        exceeded=any(r.exceeded for r in reports),
        basis=basis,
    )


def exceeds_quota(
    counts: dict[str, int], rulebook: Rulebook | None = None, exception: bool = False
) -> bool:
    """Whether one group's level counts exceed the cap: the summary of check_quota without
    the margin, for screens that list many groups."""
    rulebook = resolve(rulebook)
    ratio = rulebook.quota_exception_ratio if exception else rulebook.quota_ratio
    cap = quota_cap(counts.get(GOOD, 0), ratio, rulebook.quota_rounding)
    return counts.get(EXCELLENT, 0) > cap
