class LeaveError(Exception):
    """A change to the absence register refused: the message is for the user, in Vietnamese."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = str(message)


class AccountError(LeaveError):
    """A change to a login account refused: the message is for the user, in Vietnamese."""


class RecordError(LeaveError):
    """A change to a personnel record refused: the message is for the user, in Vietnamese."""
