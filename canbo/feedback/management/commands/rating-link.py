"""`canbo rating-link --person CODE`: the public rating address of an officer's counter."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.feedback import qr
from canbo.people.models import Person


class Command(BaseCommand):
    help = (
        "Print the public rating address of an officer's counter (what the printed QR "
        "code carries), on the last line."
    )

    def add_arguments(self, parser):
        parser.add_argument("--person", required=True, help="the officer's person code")

    def handle(self, *args, person, **options):
        officer = Person.objects.select_related("organization").filter(code=person).first()
        if officer is None:
            raise CommandError(_("No officer with code %(code)s.") % {"code": person})
        self.stdout.write(f"{officer.full_name} ({officer.code}) — {officer.organization or '—'}")
        self.stdout.write(qr.counter_url(officer.pk))
