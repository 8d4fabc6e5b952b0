"""The one error class of the project: a refusal whose message is for the user (Vietnamese).

Each app names its own subclass (EvaluationError, WorkError, CadreError, …) so a caller can
catch one app's refusals, or all of them with UserError, and always find `.message`."""


class UserError(Exception):
    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = str(message)
