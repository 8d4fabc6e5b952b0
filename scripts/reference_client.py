#!/usr/bin/env python3
"""Reference client: plays an e-office / task-assignment system pushing one day of work.

Standard library only. It looks the civil servants up by code, sends the day's tasks in one
batch (then again, to show that a re-send changes nothing), then sends task events in a shuffled
order (the server applies them in order of occurrence) and prints what it did, in Vietnamese.

  python scripts/reference_client.py --url http://127.0.0.1:8000 --token cbk_... \\
      [--secret KHOA_KY_HMAC] [--people LC-37-014,LC-37-015] [--day 2026-11-05]

The token and the signing secret may also come from CANBO_TOKEN and CANBO_SIGNING_SECRET.
"""

import argparse
import hashlib
import hmac
import json
import os
import random
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import date, datetime, timedelta

SOURCE = "ioffice-mau"
DEFAULT_PEOPLE = "LC-37-014,LC-37-015,LC-37-016"
TZ = "+07:00"
WORK = [
    ("Báo cáo kết quả cải cách hành chính tuần", "1.00", "Về việc báo cáo cải cách hành chính"),
    ("Thẩm định hồ sơ đăng ký hộ kinh doanh", "1.20", "Về việc thẩm định hồ sơ"),
    ("Soạn thảo kế hoạch tuyên truyền chuyển đổi số", "1.50", "Về việc tuyên truyền chuyển đổi số"),
]


class ApiError(Exception):
    pass


class Api:
    def __init__(self, url: str, token: str, secret: str = ""):
        self.url, self.token, self.secret = url.rstrip("/"), token, secret

    def call(self, method: str, path: str, body=None):
        data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode()
        headers = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        if self.secret:
            headers |= self._signature(method, path, data)
        request = urllib.request.Request(self.url + path, data or None, headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as exc:
            raise ApiError(_error_text(exc)) from None
        except urllib.error.URLError as exc:
            raise ApiError(f"Không kết nối được tới {self.url}: {exc.reason}") from None

    def _signature(self, method: str, path: str, body: bytes) -> dict:
        """HMAC-SHA256 over timestamp, method, path with its query string (?… exactly as
        sent), the body's SHA-256 and a fresh nonce: the server refuses a signature it has seen
        (replay), and the nonce keeps two identical requests in one second apart."""
        timestamp, nonce = str(int(time.time())), uuid.uuid4().hex
        digest = hashlib.sha256(body).hexdigest()
        parts = urllib.parse.urlsplit(path)
        target = f"{parts.path}?{parts.query}" if parts.query else parts.path
        message = f"{timestamp}\n{method}\n{target}\n{digest}\n{nonce}"
        signature = hmac.new(self.secret.encode(), message.encode(), hashlib.sha256).hexdigest()
        return {
            "X-Canbo-Timestamp": timestamp,
            "X-Canbo-Nonce": nonce,
            "X-Canbo-Signature": signature,
        }


def _error_text(exc: urllib.error.HTTPError) -> str:
    try:
        body = json.loads(exc.read())
    except ValueError:
        return f"HTTP {exc.code}"
    field = f" (trường {body['field']})" if body.get("field") else ""
    return f"HTTP {exc.code} {body.get('code', '')}: {body.get('message', '')}{field}"


def day_tasks(people: list[dict], day: date) -> list[dict]:
    tasks = []
    for n, person in enumerate(people):
        for k, (name, coefficient, subject) in enumerate(WORK[: 2 + n % 2]):
            tasks.append(
                {
                    "external_id": f"{day:%Y%m%d}-{person['code']}-{k + 1}",
                    "assignee_code": person["code"],
                    "name": name,
                    "coefficient": coefficient,
                    "assigned_date": day.isoformat(),
                    "due_date": (day + timedelta(days=3 + 2 * k)).isoformat(),
                    "document": {
                        "number": f"{100 + 10 * n + k}/UBND-VP",
                        "date": day.isoformat(),
                        "subject": subject,
                        "issuer": "Ủy ban nhân dân",
                    },
                }
            )
    return tasks


def day_events(tasks: list[dict], day: date) -> list[dict]:
    """A plausible day: assigned in the morning, one extension, completions, one rework."""

    def at(hour: int, minute: int = 0) -> str:
        return f"{day.isoformat()}T{hour:02d}:{minute:02d}:00{TZ}"

    events = []
    for i, task in enumerate(tasks):
        ref = {"external_id": task["external_id"]}
        due = date.fromisoformat(task["due_date"])

        def event(kind: str, when: str, ref=ref, **extra) -> dict:
            return ref | {
                "event_id": f"{ref['external_id']}-{kind}-{when[11:16]}",
                "kind": kind,
                "occurred_at": when,
                **extra,
            }

        events.append(event("assigned", at(8, i % 60)))
        if i % 3 == 1:
            events.append(
                event(
                    "deadline_extended",
                    at(10),
                    new_due=(due + timedelta(days=5)).isoformat(),
                    note="Chờ ý kiến phối hợp",
                )
            )
        if i % 3 != 2:
            events.append(event("completed", at(15), completed_date=day.isoformat()))
        if i % 4 == 0:
            events.append(event("returned_for_rework", at(16), note="Sai số liệu tổng hợp"))
            events.append(event("completed", at(17, 30), completed_date=day.isoformat()))
    return events


def run(api: Api, codes: list[str], day: date, out=print) -> dict:
    people = []
    for code in codes:
        person = api.call("GET", f"/api/v1/people/{urllib.parse.quote(code)}")
        out(f"Tra cứu công chức {code}: {person['full_name']} — {person['organization_name']}")
        people.append(person)
    tasks = day_tasks(people, day)
    sent = api.call("POST", "/api/v1/tasks/bulk", {"source": SOURCE, "tasks": tasks})
    out(
        f"Gửi {sent['received']} nhiệm vụ ngày {day:%d/%m/%Y}: tạo mới {sent['created']}, "
        f"cập nhật {sent['updated']}, không đổi {sent['unchanged']}."
    )
    again = api.call("POST", "/api/v1/tasks/bulk", {"source": SOURCE, "tasks": tasks})
    out(f"Gửi lại đúng lô đó: ghi {again['written']} nhiệm vụ (idempotent).")
    events = day_events(tasks, day)
    random.Random(day.toordinal()).shuffle(events)  # arrival order != order of occurrence
    result = api.call("POST", "/api/v1/tasks/events", {"source": SOURCE, "events": events})
    out(
        f"Gửi {result['received']} sự kiện (không theo thứ tự thời gian): ghi {result['written']}"
        f", {result['tasks_changed']} nhiệm vụ thay đổi trạng thái."
    )
    for task in tasks[:3]:
        got = api.call("GET", f"/api/v1/tasks/{SOURCE}/{task['external_id']}")
        out(
            f"  {got['external_id']}: {got['status']}, hạn {got['due_date']}, "
            f"chậm {got['delays']} lần, lỗi chất lượng {got['quality_failures']} lần."
        )
    return {"tasks": sent, "resend": again, "events": result}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Máy khách mẫu: đẩy nhiệm vụ một ngày qua API.")
    parser.add_argument("--url", default=os.environ.get("CANBO_URL", "http://127.0.0.1:8000"))
    parser.add_argument("--token", default=os.environ.get("CANBO_TOKEN", ""))
    parser.add_argument(
        "--secret",
        default=os.environ.get("CANBO_SIGNING_SECRET", ""),
        help="khoá ký HMAC (tuỳ chọn)",
    )
    parser.add_argument("--people", default=DEFAULT_PEOPLE, help="mã công chức, cách nhau dấu ,")
    parser.add_argument("--day", type=date.fromisoformat, default=datetime.now().date())
    args = parser.parse_args(argv)
    if not args.token:
        print("Thiếu mã truy cập: dùng --token hoặc biến CANBO_TOKEN.", file=sys.stderr)
        return 2
    try:
        run(Api(args.url, args.token, args.secret), args.people.split(","), args.day)
    except ApiError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1
    print("Xong.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
