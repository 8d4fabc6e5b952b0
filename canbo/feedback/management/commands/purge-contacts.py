"""`canbo purge-contacts`: delete citizens' phone numbers kept past CITIZEN_CONTACT_DAYS
(run it daily from cron; the rating page also does it now and then)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from canbo.feedback.services import purge_contacts


class Command(BaseCommand):
    help = "Delete citizens' phone numbers kept longer than CITIZEN_CONTACT_DAYS days."

    def handle(self, *args, **options):
        total = 0
        while deleted := purge_contacts(limit=5_000):
            total += deleted
        self.stdout.write(_("Deleted %(count)s phone numbers.") % {"count": total})
