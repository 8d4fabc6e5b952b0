from canbo.core.errors import UserError


class OversightError(UserError):
    """A plan, inspection or case workflow refused: the message is for the user."""
