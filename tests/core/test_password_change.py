"""A user changes their own password (issue 11, finding 13): audited, never logged."""

from canbo.core.models import AuditEntry
from tests.factories import PASSWORD


def test_a_user_changes_their_own_password(client, world):
    user = world.users["staff"]
    client.force_login(user)
    page = client.get("/password/").content.decode()
    assert "Đổi mật khẩu" in page
    wrong = client.post(
        "/password/", {"old_password": "nope", "new_password1": "x", "new_password2": "y"}
    )
    assert wrong.status_code == 200 and 'role="alert"' in wrong.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    done = client.post(
        "/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "Lai-Chau-2026-moi!",
            "new_password2": "Lai-Chau-2026-moi!",
        },
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Lai-Chau-2026-moi!")
    entry = AuditEntry.objects.get(action="core.change_password")
    assert "Lai-Chau-2026-moi!" not in str(entry.changes) + entry.reason
    assert client.get("/").status_code == 200  # still logged in after the change


def test_anonymous_users_are_sent_to_log_in(client, db):
    assert client.get("/password/").status_code == 302
