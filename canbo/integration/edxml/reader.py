"""Stream an edXML packet into (path, text) pairs without holding its attachments.

The packet is read with defusedxml's expat SAX driver (DTDs, entity declarations and external
references are refused) in chunks, so memory stays bounded whatever the size: the text of
every header element is kept (each capped), while the base64 content of an attachment
(`AttachmentEncoded/Attachment/ContentTransferEncoded`) is only counted.
"""

import re
from dataclasses import dataclass
from typing import BinaryIO
from xml.sax import SAXException
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import InputSource

from defusedxml import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser

MAX_TEXT = 64 * 1024  # characters kept of one header element
MAX_FIELDS = 20_000  # header elements with text: a real header has a few hundred
MAX_DEPTH = 64
ENCODED = "ContentTransferEncoded"


class ReadError(Exception):
    """`kind` is "hostile", "too_large", "too_complex", "encoding" or "not_xml"; `detail` the
    parser's message (for "encoding": the declared encoding)."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(detail)
        self.kind, self.detail = kind, detail


@dataclass(frozen=True)
class Attachment:
    name: str
    content_type: str
    content_id: str
    size: int  # bytes once decoded (estimated from the base64 length)


@dataclass
class Reading:
    root: str
    fields: list[tuple[tuple[str, ...], str]]
    attachments: list[Attachment]


DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
UTF8 = {"utf-8", "utf8"}


def check_encoding(head: bytes) -> None:
    """QCVN 102 packets are UTF-8. A packet declaring another encoding is refused: read as
    declared, a UTF-8 body would become mojibake and overwrite a good document."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with its byte-order mark: expat reads it exactly
    match = DECLARED.match(head.removeprefix(b"\xef\xbb\xbf"))
    if match and match[1].decode("ascii").lower() not in UTF8:
        raise ReadError("encoding", match[1].decode("ascii"))


class _Limited:
    """A binary stream that refuses to give more than `limit` bytes; it checks the declared
    encoding of the first chunk before the parser sees it."""

    def __init__(self, stream: BinaryIO, limit: int) -> None:
        self.stream, self.left, self.first = stream, limit, True

    def read(self, size: int = -1) -> bytes:
        chunk = self.stream.read(size if size and size > 0 else 1 << 16)
        if self.first:
            self.first = False
            check_encoding(chunk[:512])
        self.left -= len(chunk)
        if self.left < 0:
            raise ReadError("too_large")
        return chunk

    def close(self) -> None:
        """The SAX driver closes its source; the caller's stream stays open."""


class _Handler(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.path: list[str] = []
        self.text: list[str] = []
        self.size = 0  # characters of text collected for the current element
        self.encoded = 0  # base64 characters of the current attachment
        self.fields: list[tuple[tuple[str, ...], str]] = []
        self.attachment: dict[str, str] = {}
        self.attachments: list[Attachment] = []
        self.root = ""

    def startElement(self, name, attrs):  # noqa: N802 (SAX API)
        local = name.rpartition(":")[2]
        if not self.path:
            self.root = local
        self.path.append(local)
        if len(self.path) > MAX_DEPTH:
            raise ReadError("too_complex")
        self.text, self.size = [], 0
        if local == "Attachment":
            self.attachment, self.encoded = {}, 0

    def characters(self, content):
        if self.path and self.path[-1] == ENCODED:
            self.encoded += len(content) - sum(map(content.count, "\n\r \t="))
        elif self.size < MAX_TEXT:
            self.text.append(content)
            self.size += len(content)

    def endElement(self, name):  # noqa: N802 (SAX API)
        local = self.path[-1]
        text = "".join(self.text).strip()[:MAX_TEXT] if local != ENCODED else ""
        if "Attachment" in self.path[:-1] and local != ENCODED:
            self.attachment[local] = text
        elif local == "Attachment":
            self._close_attachment()
        elif text:
            self.fields.append((tuple(self.path), text))
            if len(self.fields) > MAX_FIELDS:
                raise ReadError("too_complex")
        self.path.pop()
        self.text, self.size = [], 0

    def _close_attachment(self) -> None:
        if len(self.attachments) >= MAX_FIELDS:
            raise ReadError("too_complex")
        get = self.attachment.get
        self.attachments.append(
            Attachment(
                get("AttachmentName", "") or get("Name", ""),
                get("ContentType", ""),
                get("ContentId", ""),
                self.encoded * 3 // 4,
            )
        )


class _Parser(DefusedExpatParser):
    def reset(self):
        super().reset()
        # Deliver long text runs (base64 lines) in one call instead of one per line.
        self._parser.buffer_text = True
        self._parser.buffer_size = 1 << 20


def read(stream: BinaryIO, limit: int) -> Reading:
    parser = _Parser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    handler = _Handler()
    parser.setContentHandler(handler)
    source = InputSource()
    source.setByteStream(_Limited(stream, limit))
    try:
        parser.parse(source)
    except ReadError:
        raise
    except DefusedXmlException:
        raise ReadError("hostile") from None
    except SAXException as exc:
        raise ReadError("not_xml", str(exc)) from None
    except (ValueError, UnicodeError) as exc:
        raise ReadError("not_xml", str(exc)) from None
    return Reading(handler.root, handler.fields, handler.attachments)
