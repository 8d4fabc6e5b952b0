class EvaluationError(Exception):
    """A workflow step refused, with a message for the user (Vietnamese)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ConflictError(EvaluationError):
    """Someone else changed the sheet since it was opened."""
