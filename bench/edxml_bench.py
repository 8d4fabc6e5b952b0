"""Build a ~50 MB edXML packet (a real-shape document with scanned-PDF attachments, generated
here, not stored), import it and print the time and the peak memory.

    .venv/bin/python bench/edxml_bench.py [--mb 50]

Target (issue 18): under 5 s and under 200 MB. Peak memory is the process's maximum resident
set size (resource.getrusage) measured in a fresh child process, so it includes Python and
Django themselves; tracemalloc's peak of Python allocations during the import is printed too.
"""

import argparse
import base64
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "tests" / "integration" / "edxml" / "corpus" / "a_document_no_attachment.xml"


def build(path: Path, megabytes: int) -> int:
    """Write the packet in chunks: the header of a corpus document, then attachments."""
    head, _, tail = TEMPLATE.read_text(encoding="utf-8").partition("  <AttachmentEncoded>")
    block = base64.encodebytes(os.urandom(57 * 1000))  # 76-character lines, as SDKs write
    with path.open("wb") as out:
        out.write(head.encode())
        out.write(b"  <AttachmentEncoded>\n")
        for n in range(5):
            out.write(
                b"<Attachment><ContentType>application/pdf</ContentType>"
                b"<ContentId>%d</ContentId><ContentTransferEncoded>" % n
            )
            for _ in range(megabytes * 1024 * 1024 // 5 // len(block)):
                out.write(block)
            out.write(
                b"</ContentTransferEncoded><AttachmentName>scan-%d.pdf"
                b"</AttachmentName></Attachment>\n" % n
            )
        out.write(b"  </AttachmentEncoded>" + tail.partition("</AttachmentEncoded>")[2].encode())
    return path.stat().st_size


def measure(path: Path) -> None:
    """Run in the child: set up Django and a database, import the packet, print figures."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings")
    os.environ["DATABASE_URL"] = f"sqlite:///{path.with_suffix('.sqlite3')}"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from canbo.integration.edxml.importer import import_edxml
    from canbo.integration.imports.scope import Actor

    tracemalloc.start()
    start = time.perf_counter()
    with path.open("rb") as stream:
        report = import_edxml(Actor(), stream, path.name, "bench")
    elapsed = time.perf_counter() - start
    _, traced = tracemalloc.get_traced_memory()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"outcome: {report.outcome} ({report.message})")
    print(
        f"import: {elapsed:.2f} s; peak Python allocations {traced / 2**20:.1f} MB; "
        f"peak RSS of the process {rss:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=50)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        measure(Path(args.child))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "packet.xml"
        size = build(path, args.mb)
        print(f"packet: {size / 2**20:.1f} MB")
        subprocess.run([sys.executable, __file__, "--child", str(path)], check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
