class AgencyError(Exception):
    """A step refused, with a message for the user (Vietnamese, through gettext)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
