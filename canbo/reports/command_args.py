"""What the report commands share: the year, the organisation, the output file."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from canbo.org.lookup import OrganizationNotFound, find_organization
from canbo.org.models import Organization
from canbo.reports.docx_common import agency_of


def parse_year(text: str) -> int:
    text = (text or "").strip()
    if not (text.isdigit() and len(text) == 4 and 2000 <= int(text) <= 2100):
        raise CommandError(
            _("Invalid year “%(value)s”: write it as YYYY, e.g. 2026.") % {"value": text}
        )
    return int(text)


def resolve_root(ref: str) -> Organization:
    """ORG (electronic code or exact name), or the province when not given."""
    if not ref.strip():
        root = Organization.objects.order_by("depth", "path").first()
        if root is None:
            raise CommandError(_("No organisation in the database."))
        return root
    try:
        return agency_of(find_organization(ref.strip()))
    except OrganizationNotFound as exc:
        raise CommandError(str(exc)) from None


def write_output(output: str, content: bytes, stdout) -> None:
    if not output:
        stdout.write(content.decode(), ending="")
        return
    path = Path(output)
    if not path.parent.is_dir():
        raise CommandError(_("The folder %(folder)s does not exist.") % {"folder": path.parent})
    try:
        path.write_bytes(content)
    except OSError as exc:
        raise CommandError(
            _("Cannot write %(file)s: %(error)s") % {"file": path, "error": exc.strerror}
        ) from None


REPORT_FORMATS = ("json", "xlsx", "docx")


def output_format(given: str, output: str) -> str:
    """The report's format: --format, else the file's suffix, else json (to stdout); a file
    format needs -o, and the suffix must agree with it."""
    suffix = Path(output).suffix.lstrip(".").lower() if output else ""
    kind = (given or suffix or "json").lower()
    if kind not in REPORT_FORMATS:
        raise CommandError(
            _("Invalid format “%(value)s”: choose json, xlsx or docx.") % {"value": given or suffix}
        )
    if kind != "json" and not output:
        raise CommandError(_("The %(kind)s format needs -o FILE.") % {"kind": kind})
    if suffix and suffix != kind:
        raise CommandError(
            _("The file %(file)s does not end in .%(kind)s.")
            % {"file": Path(output).name, "kind": kind}
        )
    return kind
