"""The domain error of the work app: carries a Vietnamese message for the user."""


class WorkError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
