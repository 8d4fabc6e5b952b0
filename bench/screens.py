"""Screenshots of each demo role's home page and of each dashboard, for docs/screens/.

Playwright drives Debian's Chromium (/usr/bin/chromium) against a live server of the demo
province. Either point it at a running server (--url) or let it start one (`canbo runserver`
on the database of DATABASE_URL, or the SQLite database under var/) after `canbo seed-demo`.

Usage:
    .venv/bin/canbo seed-demo
    .venv/bin/python bench/screens.py [--url http://127.0.0.1:8000] [--out docs/screens]
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "demo"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
HOMES = (
    "sonoivu",
    "chutich.tanphong",
    "truongphong.tanphong",
    "congchuc.tanphong",
    "congchuc.doanket",
    "admin",
)
# (file name, user, path, viewport, whole page)
DASHBOARDS = (
    ("dashboard-province", "sonoivu", "/reports/dashboard/", DESKTOP, True),
    (
        "dashboard-commune-from-province",
        "sonoivu",
        "/reports/dashboard/?org={tanphong}",
        DESKTOP,
        True,
    ),
    ("dashboard-chairman", "chutich.tanphong", "/reports/dashboard/", DESKTOP, True),
    ("dashboard-chairman-phone", "chutich.tanphong", "/reports/dashboard/", PHONE, False),
)


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="", help="a running server (else one is started)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screens"))
    return parser.parse_args()


def _serve(port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "canbo"), "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("the server did not start")


def _log_in(page, username: str) -> None:
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")


def _tanphong_pk(page) -> str:
    page.goto("/reports/dashboard/")
    option = page.locator("select[name=org] option", has_text="Phường Tân Phong").first
    return option.get_attribute("value")


def shoot(url: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for username in HOMES:
            context = browser.new_context(base_url=url, viewport=DESKTOP)
            page = context.new_page()
            _log_in(page, username)
            written.append(out / f"home-{username.replace('.', '-')}.png")
            page.screenshot(path=written[-1])
            context.close()
        tanphong = None
        for name, username, path, viewport, whole in DASHBOARDS:
            context = browser.new_context(base_url=url, viewport=viewport)
            page = context.new_page()
            _log_in(page, username)
            if "{tanphong}" in path:
                tanphong = tanphong or _tanphong_pk(page)
                path = path.format(tanphong=tanphong)
            page.goto(path)
            written.append(out / f"{name}.png")
            page.screenshot(path=written[-1], full_page=whole)
            context.close()
        browser.close()
    return written


def main() -> None:
    args = _args()
    server = None if args.url else _serve(args.port)
    try:
        for path in shoot(args.url or f"http://127.0.0.1:{args.port}", Path(args.out)):
            print(
                f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
                f"{path.stat().st_size / 1024:.0f} KB"
            )
    finally:
        if server is not None:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    sys.exit(main())
