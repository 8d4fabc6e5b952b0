"""Find an organisation the way commands and connected systems name it."""

from django.utils.translation import gettext as _

from canbo.org.models import Organization


class OrganizationNotFound(Exception):
    pass


def find_organization(ref: str) -> Organization:
    """An organisation by electronic code or exact name (e.g. 'Phường Tân Phong')."""
    org = Organization.objects.filter(code=ref).first()
    if org is None:
        matches = list(Organization.objects.filter(name=ref)[:2])
        if len(matches) > 1:
            raise OrganizationNotFound(
                _("Several units are named '%(ref)s': use the electronic code.") % {"ref": ref}
            )
        org = matches[0] if matches else None
    if org is None:
        raise OrganizationNotFound(
            _("No unit '%(ref)s' found (electronic code or exact name).") % {"ref": ref}
        )
    return org
