"""Where the server may send requests (webhooks): not to itself, the machine's neighbours or
the cloud's metadata service, unless settings.WEBHOOK_ALLOW_PRIVATE says the connected
systems live on a private network. Redirects are never followed (they could lead there)."""

import ipaddress
import socket
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _


class UnsafeUrl(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def check_url(url: str, must_resolve: bool = True) -> None:
    """Raise UnsafeUrl unless the URL is http(s) to a host whose every address is public. A
    name that does not resolve yet is let through when saving a subscription
    (must_resolve=False): each delivery checks again before it connects."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeUrl(
            _("The webhook address must start with http:// or https:// and name a host.")
        )
    if settings.WEBHOOK_ALLOW_PRIVATE:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (OSError, ValueError, UnicodeError):
        if not must_resolve:
            return
        raise UnsafeUrl(
            _("The host name “%(host)s” cannot be resolved.") % {"host": parts.hostname}
        ) from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            raise UnsafeUrl(
                _(
                    "The webhook address points to an internal address (%(address)s): not "
                    "allowed (only servers on the Internet)."
                )
                % {"address": address}
            )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # the 3xx is returned as an HTTPError: the delivery is not done


def opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_NoRedirect)
