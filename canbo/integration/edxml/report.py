"""What importing one edXML packet did: its outcome, message and problems."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

OUTCOMES = {
    "document_created": gettext_lazy("Incoming document stored"),
    "document_updated": gettext_lazy("Incoming document updated"),
    "unchanged": gettext_lazy("No change"),
    "task_created": gettext_lazy("Task created"),
    "task_updated": gettext_lazy("Task updated"),
    "task_completed": gettext_lazy("Task completed"),
    "task_cancelled": gettext_lazy("Task cancelled"),
    "status_recorded": gettext_lazy("Status recorded"),
    "pending": gettext_lazy("Waiting for the document"),
    "needs_person": gettext_lazy("Waiting for a handler to be chosen"),
    "rejected": gettext_lazy("Packet rejected"),
    "invalid": gettext_lazy("Invalid file"),
}


@dataclass
class PacketReport:
    name: str
    outcome: str
    message: str
    problems: list[str] = field(default_factory=list)
    reference: str = ""
    task_id: int | None = None
    kept_id: int | None = None  # the RejectedPayload holding the body
    handler: str = ""  # the handler as sent, when a personnel officer must pick the person

    @property
    def ok(self) -> bool:
        return self.outcome not in ("pending", "needs_person", "rejected", "invalid")

    @property
    def label(self) -> str:
        return str(OUTCOMES.get(self.outcome, self.outcome))

    def lines(self) -> list[str]:
        return [f"{self.name}: {self.label}. {self.message}".strip()] + [
            f"  - {problem}" for problem in self.problems
        ]
