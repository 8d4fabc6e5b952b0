"""`canbo demo-logins`: list the demo accounts and their password."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from canbo.demo.accounts import ACCOUNTS, PASSWORD


class Command(BaseCommand):
    help = "In danh sách tài khoản demo và mật khẩu."

    def handle(self, *args, **options) -> None:
        users = get_user_model().objects.in_bulk(
            [a.username for a in ACCOUNTS], field_name="username"
        )
        if not users:
            self.stdout.write("Chưa có tài khoản demo: hãy chạy `canbo seed-demo`.")
            return
        self.stdout.write(f"Tài khoản demo (mật khẩu: {PASSWORD}):")
        width = max(len(a.username) for a in ACCOUNTS)
        for account in ACCOUNTS:
            user = users.get(account.username)
            if user is None:
                continue
            name = user.get_full_name() or account.username
            self.stdout.write(f"  {account.username:<{width}}  {account.role_label} — {name}")
