from canbo.core.errors import UserError


class EvaluationError(UserError):
    """A workflow step refused, with a message for the user (Vietnamese)."""


class ConflictError(EvaluationError):
    """Someone else changed the sheet since it was opened."""
