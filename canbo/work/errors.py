"""The domain error of the work app: carries a Vietnamese message for the user."""

from canbo.core.errors import UserError


class WorkError(UserError):
    pass
