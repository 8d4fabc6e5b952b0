from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.fields import NFCCharField
from canbo.org.models import Organization
from canbo.people.models import Person


class LeaderCharge(models.Model):
    """A deputy's "phụ trách" assignment: the units whose results they answer for (Art. 15)."""

    leader = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="charges", verbose_name=_("leader")
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit in charge")
    )
    note = NFCCharField(_("note"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["leader", "organization"], name="one_charge_per_leader_unit"
            )
        ]
        verbose_name = _("leader's area of charge")
        verbose_name_plural = _("leaders' areas of charge")
