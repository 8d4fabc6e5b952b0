class LeaveError(Exception):
    """A change to the absence register refused: the message is for the user, in Vietnamese."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = str(message)
