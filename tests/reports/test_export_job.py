"""The province's annual .xlsx built in the background: progress page, download link, and
the file refused to anyone but the user who asked for it."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from canbo.reports.exports import exports_dir
from canbo.reports.models import ExportJob, ExportStatus
from tests.reports.annual_world import YEAR, build_year_end


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def ended(world):
    return build_year_end(world)


def _start(client, django_capture_on_commit_callbacks, user):
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/reports/exports/annual-{YEAR}/")
    assert response.status_code == 302
    return ExportJob.objects.get(user=user)


def test_the_export_runs_and_the_requester_downloads_it(
    world, ended, client, django_capture_on_commit_callbacks
):
    job = _start(client, django_capture_on_commit_callbacks, world.users["personnel"])
    assert job.status == ExportStatus.DONE and job.progress == 100
    assert job.organization == world.province
    page = client.get(f"/reports/exports/{job.pk}/")
    assert page.status_code == 200 and "Refresh" not in page
    assert f"/reports/exports/{job.pk}/download" in page.content.decode()
    download = client.get(f"/reports/exports/{job.pk}/download")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    content = b"".join(download.streaming_content)
    direct = client.get(f"/reports/annual-report/{YEAR}.xlsx")
    assert _cells(content) == _cells(direct.content)  # the same workbook as the direct link
    assert list(exports_dir().iterdir())[0].read_bytes() == content


def _cells(content: bytes) -> list:
    book = load_workbook(BytesIO(content))
    return [[list(r) for r in ws.iter_rows(values_only=True)] for ws in book]


def test_the_file_is_refused_to_another_user(
    world, ended, client, django_capture_on_commit_callbacks
):
    job = _start(client, django_capture_on_commit_callbacks, world.users["personnel"])
    for persona, status in (("admin", 404), ("chair", 403), ("staff", 403), ("outsider", 403)):
        client.force_login(world.users[persona])
        assert client.get(f"/reports/exports/{job.pk}/download").status_code == status, persona
        assert client.get(f"/reports/exports/{job.pk}/").status_code == status, persona


def test_the_progress_page_refreshes_until_done(world, client):
    job = ExportJob.objects.create(
        user=world.users["personnel"],
        year=YEAR,
        organization=world.province,
        status=ExportStatus.RUNNING,
        progress=35,
    )
    client.force_login(world.users["personnel"])
    page = client.get(f"/reports/exports/{job.pk}/")
    html = page.content.decode()
    assert page["Refresh"] == "2"
    assert '<meta http-equiv="refresh" content="2">' in html
    assert 'value="35"' in html and "/download" not in html
    assert client.get(f"/reports/exports/{job.pk}/download").status_code == 404


def test_a_failed_build_says_so(world, client, django_capture_on_commit_callbacks, monkeypatch):
    def broken(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr("canbo.reports.exports.annual_workbook", broken)
    job = _start(client, django_capture_on_commit_callbacks, world.users["personnel"])
    assert job.status == ExportStatus.FAILED
    assert "Không tạo được tệp" in client.get(f"/reports/exports/{job.pk}/").content.decode()
    assert client.get(f"/reports/exports/{job.pk}/download").status_code == 404


def test_the_annual_screen_offers_the_background_export_to_the_province(world, ended, client):
    button = "Tạo tệp .xlsx toàn tỉnh (chạy nền)"
    client.force_login(world.users["personnel"])
    assert button in client.get(f"/evaluation/annual/{YEAR}/").content.decode()
    client.force_login(world.users["chair"])
    assert button not in client.get(f"/evaluation/annual/{YEAR}/").content.decode()


def test_an_interrupted_build_stops_refreshing_and_offers_a_new_one(world, client, settings):
    from datetime import timedelta

    from django.utils import timezone

    job = ExportJob.objects.create(
        user=world.users["personnel"],
        year=YEAR,
        organization=world.province,
        status=ExportStatus.RUNNING,
        progress=35,
    )
    ExportJob.objects.filter(pk=job.pk).update(
        heartbeat_at=timezone.now() - timedelta(minutes=settings.STALE_JOB_MINUTES + 1)
    )
    client.force_login(world.users["personnel"])
    page = client.get(f"/reports/exports/{job.pk}/")
    html = page.content.decode()
    assert "Refresh" not in page and 'http-equiv="refresh"' not in html
    assert "bị gián đoạn" in html
    assert f'action="/reports/exports/annual-{YEAR}/?org={world.province.pk}"' in html


def test_a_user_keeps_his_last_five_exports(
    world, ended, client, django_capture_on_commit_callbacks
):
    from canbo.reports.exports import KEEP_PER_USER

    client.force_login(world.users["personnel"])
    for _ in range(KEEP_PER_USER + 2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/reports/exports/annual-{YEAR}/")
    jobs = ExportJob.objects.filter(user=world.users["personnel"])
    assert jobs.count() == KEEP_PER_USER
    assert sorted(p.name for p in exports_dir().iterdir()) == sorted(j.stored_as for j in jobs)
