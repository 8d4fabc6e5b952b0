import pytest

from canbo.integration.services import create_client


@pytest.fixture
def clients(world):
    """API clients: one per ward, one without scopes, one revoked. Returns name -> token."""
    from canbo.integration.services import revoke_client

    all_scopes = [
        "tasks:write",
        "tasks:read",
        "org:read",
        "people:read",
        "results:read",
        "cadre:read",
        "dossiers:write",
        "satisfaction:read",
        "agency:read",
    ]
    tanphong, tp_token = create_client(None, "VNPT iOffice Tân Phong", world.tanphong, all_scopes)
    _, dk_token = create_client(None, "iOffice Đoàn Kết", world.doanket, all_scopes)
    _, bare_token = create_client(None, "Không quyền", world.tanphong, [])
    revoked, revoked_token = create_client(None, "Đã thu hồi", world.tanphong, all_scopes)
    revoke_client(None, revoked, "thử")
    return {
        "tanphong": tp_token,
        "doanket": dk_token,
        "noscope": bare_token,
        "revoked": revoked_token,
        "client": tanphong,
    }


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}
