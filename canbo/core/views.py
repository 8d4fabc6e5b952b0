from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from canbo.core.access import require
from canbo.core.models import AuditEntry, LoginFailure

HEALTH_PROBE = "(healthz)"  # not a valid user name: never a real account


@login_not_required
@require_GET
def healthz(request):
    """Ok only when the database answers a real read and a real write (rolled back): a
    read-only, missing or empty database is an error (503)."""
    check = "read"
    try:
        LoginFailure.objects.filter(username=HEALTH_PROBE).exists()
        check = "write"  # on SQLite (immediate transactions) BEGIN itself already writes
        with transaction.atomic():
            LoginFailure.objects.create(username=HEALTH_PROBE)
            transaction.set_rollback(True)  # nothing stays behind
        database = {"status": "ok", "vendor": connection.vendor}
        status = 200
    except Exception as exc:  # any database failure is reported, not raised
        database = {"status": "error", "check": check, "error": exc.__class__.__name__}
        status = 503
    return JsonResponse(
        {"status": "ok" if status == 200 else "error", "database": database}, status=status
    )


def audit_log(request):
    require(request.user, "audit.view")
    entries = AuditEntry.objects.select_related("actor")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit.html", {"page": page})
