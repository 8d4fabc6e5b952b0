"""Where each action of the plan stands on a date: status, overdue flag, live indicators.

The status on a date is the owner's last update on or before it; a recurring ("hằng năm")
action only counts updates of that date's year, so it reopens every 1 January. An action is
overdue when its due day (its deadline, or this year's due day) has passed and it is not done.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.core.cache import cache

from canbo.oversight.indicators import INDICATORS, Context
from canbo.oversight.models import ActionStatus, ActionUpdate, Cadence, PlanAction


@dataclass
class ActionState:
    action: PlanAction
    status: str
    note: str
    updated_on: date | None
    due: date | None
    overdue: bool
    indicators: list[tuple[str, str]] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return str(ActionStatus(self.status).label)


def last_update(action: PlanAction, updates: list[ActionUpdate], as_of: date):
    relevant = [
        u
        for u in updates
        if u.on <= as_of and (action.cadence != Cadence.YEARLY or u.on.year == as_of.year)
    ]
    return relevant[-1] if relevant else None


def is_overdue(action: PlanAction, status: str, as_of: date) -> bool:
    due = action.due_on(as_of)
    return due is not None and as_of > due and status != ActionStatus.DONE


def plan_states(
    actions, as_of: date, with_indicators: bool = True, cached: bool = False
) -> list[ActionState]:
    """`cached`: reuse indicator values computed in the last few minutes (web pages); the
    reports and the command always compute them afresh."""
    actions = list(actions)
    updates: dict[int, list[ActionUpdate]] = defaultdict(list)
    for update in ActionUpdate.objects.filter(action__in=actions, on__lte=as_of).order_by(
        "on", "id"
    ):
        updates[update.action_id].append(update)
    values = IndicatorCache(as_of, cached) if with_indicators else None
    states = []
    for action in actions:
        last = last_update(action, updates[action.pk], as_of)
        status = last.status if last else ActionStatus.NOT_STARTED
        states.append(
            ActionState(
                action=action,
                status=status,
                note=last.note if last else "",
                updated_on=last.on if last else None,
                due=action.due_on(as_of),
                overdue=is_overdue(action, status, as_of),
                indicators=values.for_action(action) if values else [],
            )
        )
    return states


SHARED_SECONDS = 600  # province-wide aggregates: the same for every reader


class IndicatorCache:
    """Each indicator computed at most once per report (and, shared, once in ten minutes)."""

    def __init__(self, as_of: date, shared: bool = False):
        self.context = Context(as_of)
        self.values: dict[str, str] = {}
        self.shared = shared

    def value(self, key: str) -> str:
        if key not in self.values:
            name = f"oversight:indicator:{self.context.as_of.isoformat()}:{key}"
            found = cache.get(name) if self.shared else None
            if found is None:
                found = INDICATORS[key][1](self.context)
                if self.shared:
                    cache.set(name, found, SHARED_SECONDS)
            self.values[key] = found
        return self.values[key]

    def for_action(self, action: PlanAction) -> list[tuple[str, str]]:
        return [
            (str(INDICATORS[key][0]), self.value(key))
            for key in action.indicators
            if key in INDICATORS
        ]


def report_data(as_of: date) -> dict:
    """The contract of `canbo plan-report --format json`."""
    states = plan_states(PlanAction.objects.all(), as_of)
    return {
        "as_of": as_of.isoformat(),
        "actions": [
            {
                "section": s.action.section,
                "text": s.action.text,
                "owner": s.action.owner,
                "deadline": s.due.isoformat() if s.due else None,
                "cadence": s.action.cadence,
                "status": s.status,
                "overdue": s.overdue,
                "indicators": [{"name": n, "value": v} for n, v in s.indicators],
            }
            for s in states
        ],
    }
