"""The client's address: REMOTE_ADDR, or a proxy header only when a setting names it."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    """Return the client's IP address as the server can trust it.

    With CANBO_CLIENT_IP_HEADER unset, REMOTE_ADDR is the client (no proxy, or a proxy whose
    address then stands for everyone). When it names a header such as X-Forwarded-For, the
    address is the one written by the outermost of CANBO_TRUSTED_PROXIES proxies: entries
    further left were sent by the client and may be forged.
    """
    header = settings.CLIENT_IP_HEADER
    if header:
        meta_key = "HTTP_" + header.upper().replace("-", "_")
        hops = [part.strip() for part in request.META.get(meta_key, "").split(",")]
        hops = [hop for hop in hops if hop]
        depth = max(settings.TRUSTED_PROXIES, 1)
        if len(hops) >= depth and _valid(hops[-depth]):
            return hops[-depth]
    remote = request.META.get("REMOTE_ADDR", "")
    return remote if _valid(remote) else None


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True
