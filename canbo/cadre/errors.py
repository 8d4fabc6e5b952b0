from canbo.core.errors import UserError


class CadreError(UserError):
    """A cadre workflow refused: the message is for the user, in Vietnamese."""
