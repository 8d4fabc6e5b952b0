"""Signals the evaluation app sends so higher layers (webhooks) can react without being
imported here (layers point one way; see DESIGN.md)."""

from dataclasses import dataclass

from django.dispatch import Signal

# Sent by the annual finalisation, inside its transaction; receivers that reach outside the
# database defer with transaction.on_commit (emit_event does).
# Arguments: organization (Organization), year (int), count (int: the rows finalised).
annual_finalised = Signal()

# Sent when a sheet is approved and published: sheet (EvaluationSheet, result frozen).
sheet_published = Signal()

# Sent when a period is locked: period (EvaluationPeriod).
period_locked = Signal()

# Sent while the sheet page is built, to collect extra panels from higher apps (citizen
# satisfaction beside criterion (b)). Arguments: sheet (EvaluationSheet), user. Each receiver
# returns a list of `Panel` (or nothing).
sheet_panels = Signal()

# Sent by review_sheet before it saves, to collect objections of higher apps to the reviewed
# points (a (b) above the cap while the satisfaction index is low needs a written reason).
# Arguments: sheet, points (the reviewed points, in the set's order), reasons ({line: text}).
# Each receiver returns a list of `Objection` (or nothing).
review_objections = Signal()


@dataclass(frozen=True)
class Panel:
    title: str
    html: str  # already escaped by the receiver (rendered from its own template)


@dataclass(frozen=True)
class Objection:
    """A reviewed sheet needs a written reason on one of `lines` (indices in the set)."""

    message: str
    lines: tuple[int, ...]


def collect(signal: Signal, **kwargs) -> list:
    return [item for _, found in signal.send(sender=None, **kwargs) for item in (found or [])]


# Asks for the agency result of a commune (the agency app answers once connected), used for its
# chairman's đ when the rulebook's switch `agency_informs_leader` is on. Arguments:
# organization (Organization, the commune), year (int). A receiver returns None, or a dict
# {"level": "excellent|good|complete|fail", "year": int, "total": str}.
agency_result_requested = Signal()
