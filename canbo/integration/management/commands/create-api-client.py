"""`canbo create-api-client --name NAME --org ORG [--scope ...]`: prints the token once."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.integration.models import SCOPES
from canbo.integration.services import ClientError, create_client, find_organization


class Command(BaseCommand):
    help = "Register a connected system and print its token (shown only once, last line)."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True)
        parser.add_argument("--org", required=True, help="electronic code or exact name")
        parser.add_argument(
            "--scope",
            action="append",
            dest="scopes",
            help=f"one of: {', '.join(SCOPES)} (repeatable)",
        )
        parser.add_argument("--require-signature", action="store_true")

    def handle(self, *args, name, org, scopes, require_signature, **options):
        try:
            organization = find_organization(org)
            client, token = create_client(
                None,
                name,
                organization,
                scopes or ["tasks:write", "org:read", "people:read"],
                require_signature=require_signature,
            )
        except ClientError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            _("Connected application '%(name)s' created for %(org)s, scopes: %(scopes)s.")
            % {"name": client.name, "org": organization.name, "scopes": ", ".join(client.scopes)}
        )
        self.stdout.write(_("HMAC signing key: %(key)s") % {"key": client.signing_secret})
        self.stdout.write(_("Access token (shown only once):"))
        self.stdout.write(token)
