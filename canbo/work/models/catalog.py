"""The standard-product catalogue (danh mục sản phẩm/công việc), one row per version."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.access import manageable_catalogs, visible_catalogs
from canbo.core.fields import NFCCharField, NFCTextField
from canbo.org.models import JobPosition, Organization
from canbo.work.choices import Complexity

MIN_COEFFICIENT = Decimal("0.01")


class CatalogQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CatalogQuerySet":
        return visible_catalogs(self, user)

    def manageable_by(self, user) -> "CatalogQuerySet":
        return manageable_catalogs(self, user)


class Catalog(models.Model):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="catalogs",
        verbose_name=_("organisation"),
    )
    name = NFCCharField(_("name"), max_length=200)
    version = models.PositiveIntegerField(_("version"), default=1)
    decision = NFCTextField(_("approving decision"), blank=True)
    effective_from = models.DateField(_("effective from"))
    published = models.BooleanField(_("published"), default=False)
    # Conversion must be reviewed every year (DOMAIN.md §2.4).
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CatalogQuerySet.as_manager()

    class Meta:
        ordering = ["organization__path", "name", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name", "version"], name="unique_catalog_version"
            )
        ]
        verbose_name = _("product catalogue")
        verbose_name_plural = _("product catalogues")

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"


class CatalogItem(models.Model):
    catalog = models.ForeignKey(
        Catalog, on_delete=models.CASCADE, related_name="items", verbose_name=_("catalogue")
    )
    code = models.CharField(_("code"), max_length=32)
    name = NFCCharField(_("name"), max_length=300)
    output = NFCCharField(_("output product"), max_length=300, blank=True)
    unit = NFCCharField(_("unit"), max_length=60)
    complexity = models.CharField(
        _("complexity group"),
        max_length=16,
        choices=Complexity.choices,
        default=Complexity.STANDARD,
    )
    coefficient = models.DecimalField(
        _("conversion coefficient"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(MIN_COEFFICIENT)],
    )
    job_positions = models.ManyToManyField(
        JobPosition, blank=True, related_name="catalog_items", verbose_name=_("job positions")
    )

    class Meta:
        ordering = ["catalog", "code"]
        constraints = [
            models.UniqueConstraint(fields=["catalog", "code"], name="unique_item_code"),
            models.CheckConstraint(
                condition=models.Q(coefficient__gt=0), name="item_coefficient_positive"
            ),
        ]
        verbose_name = _("catalogue item")
        verbose_name_plural = _("catalogue items")

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"
