"""Evidence files (of plan actions and of cases): which types are accepted, and how big."""

from pathlib import Path

from django.utils.translation import gettext as _

from canbo.core.text import nfc
from canbo.oversight.errors import OversightError

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
# Accepted evidence: the type named by the extension must match the file's first bytes.
EVIDENCE_TYPES = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
}


def check_evidence(name: str, content: bytes) -> tuple[str, str]:
    """Return (clean file name, content type), or refuse the file."""
    name = nfc(Path(name or "").name) or ""
    suffix = Path(name).suffix.lower()
    if suffix not in EVIDENCE_TYPES:
        raise OversightError(
            _(
                "The file “%(name)s” is not accepted: send a PDF, Word (.docx), Excel (.xlsx), "
                "JPEG or PNG file."
            )
            % {"name": name}
        )
    if not content:
        raise OversightError(_("The file “%(name)s” is empty.") % {"name": name})
    if len(content) > MAX_EVIDENCE_BYTES:
        raise OversightError(_("The file “%(name)s” is larger than 10 MB.") % {"name": name})
    content_type, magics = EVIDENCE_TYPES[suffix]
    if not content.startswith(magics):
        raise OversightError(
            _("The file “%(name)s” is not a real %(kind)s file.")
            % {"name": name, "kind": suffix.lstrip(".").upper()}
        )
    return name[:200], content_type
