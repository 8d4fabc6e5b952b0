class AgencyError(Exception):
    """A step refused, with a message for the user (Vietnamese, through gettext)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class FieldErrors(AgencyError):
    """Several inputs refused at once: `errors` maps each input's key to its message."""

    def __init__(self, message: str, errors: dict):
        super().__init__(message)
        self.errors = errors
