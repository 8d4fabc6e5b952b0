"""`canbo deliver-webhooks [--loop]`: send the webhook deliveries that are due."""

import time

from django.core.management.base import BaseCommand

from canbo.integration.webhooks.delivery import deliver_due


class Command(BaseCommand):
    help = "Send due webhook deliveries (retries with back-off). --loop keeps running."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true")
        parser.add_argument("--interval", type=int, default=15)

    def handle(self, *args, loop: bool, interval: int, **options):
        while True:
            outcomes = deliver_due()
            if outcomes:
                self.stdout.write(", ".join(f"{k}: {v}" for k, v in sorted(outcomes.items())))
            if not loop:
                return
            time.sleep(interval)
