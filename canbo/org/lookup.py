"""Find an organisation the way commands and connected systems name it."""

from canbo.org.models import Organization


class OrganizationNotFound(Exception):
    pass


def find_organization(ref: str) -> Organization:
    """An organisation by electronic code or exact name (e.g. 'Phường Tân Phong')."""
    org = Organization.objects.filter(code=ref).first()
    if org is None:
        matches = list(Organization.objects.filter(name=ref)[:2])
        if len(matches) > 1:
            raise OrganizationNotFound(f"Có nhiều đơn vị tên '{ref}': hãy dùng mã định danh.")
        org = matches[0] if matches else None
    if org is None:
        raise OrganizationNotFound(
            f"Không tìm thấy đơn vị '{ref}' (mã định danh hoặc tên chính xác)."
        )
    return org
