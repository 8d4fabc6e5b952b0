"""Commendation, discipline and personnel decisions; capacity flags."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.fields import NFCCharField, NFCTextField
from canbo.people.models import Person


class DecisionKind(models.TextChoices):
    # Commendation (khen thưởng)
    GIAY_KHEN = "giay_khen", _("Certificate of merit")
    BANG_KHEN_TINH = "bang_khen_tinh", _("Certificate of merit of the provincial chairman")
    BANG_KHEN_TTCP = "bang_khen_ttcp", _("Certificate of merit of the Prime Minister")
    CSTD_CO_SO = "cstd_co_so", _("Grassroots emulation fighter")
    CSTD_TINH = "cstd_tinh", _("Provincial emulation fighter")
    LAO_DONG_TIEN_TIEN = "lao_dong_tien_tien", _("Advanced worker")
    # Discipline (Law on Cadres and Civil Servants), lightest first.
    KHIEN_TRACH = "khien_trach", _("Reprimand")
    CANH_CAO = "canh_cao", _("Warning")
    HA_BAC_LUONG = "ha_bac_luong", _("Salary step reduction")
    GIANG_CHUC = "giang_chuc", _("Demotion")
    CACH_CHUC = "cach_chuc", _("Removal from post")
    BUOC_THOI_VIEC = "buoc_thoi_viec", _("Forced dismissal")
    # Personnel decisions
    GIOI_THIEU_UNG_CU = "gioi_thieu_ung_cu", _("Nomination as a candidate")
    MIEN_NHIEM = "mien_nhiem", _("Relief from office")
    THOI_GIU_CHUC_VU = "thoi_giu_chuc_vu", _("Release from a post")
    TU_CHUC = "tu_chuc", _("Resignation")
    Y_KIEN_TINH = (
        "y_kien_tinh",
        _(
            "Provincial opinion on the personnel of commune People's Committee chairman and "
            "vice-chairmen"
        ),
    )


COMMENDATION, DISCIPLINE, PERSONNEL = "commendation", "discipline", "personnel"
CATEGORY_LABELS = {
    COMMENDATION: _("Commendation"),
    DISCIPLINE: _("Discipline"),
    PERSONNEL: _("Personnel"),
}
# Discipline forms in order of severity: every one of them is "reprimand or heavier".
DISCIPLINE_KINDS = (
    DecisionKind.KHIEN_TRACH,
    DecisionKind.CANH_CAO,
    DecisionKind.HA_BAC_LUONG,
    DecisionKind.GIANG_CHUC,
    DecisionKind.CACH_CHUC,
    DecisionKind.BUOC_THOI_VIEC,
)
COMMENDATION_KINDS = (
    DecisionKind.GIAY_KHEN,
    DecisionKind.BANG_KHEN_TINH,
    DecisionKind.BANG_KHEN_TTCP,
    DecisionKind.CSTD_CO_SO,
    DecisionKind.CSTD_TINH,
    DecisionKind.LAO_DONG_TIEN_TIEN,
)
PERSONNEL_KINDS = (
    DecisionKind.GIOI_THIEU_UNG_CU,
    DecisionKind.MIEN_NHIEM,
    DecisionKind.THOI_GIU_CHUC_VU,
    DecisionKind.TU_CHUC,
    DecisionKind.Y_KIEN_TINH,
)
# Nominations: introducing a candidate, and the province's opinion on commune chairman and
# vice-chairman candidates; their composition is reported (young, female, minority, sci-tech).
NOMINATION_KINDS = (DecisionKind.GIOI_THIEU_UNG_CU, DecisionKind.Y_KIEN_TINH)
KINDS_BY_CATEGORY = {
    COMMENDATION: COMMENDATION_KINDS,
    DISCIPLINE: DISCIPLINE_KINDS,
    PERSONNEL: PERSONNEL_KINDS,
}


class PersonnelDecision(models.Model):
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="decisions",
        verbose_name=_("civil servant"),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=DecisionKind.choices)
    decision_number = NFCCharField(_("decision number"), max_length=64)
    decision_date = models.DateField(_("decision date"))
    issuing_authority = NFCCharField(_("issuing authority"), max_length=200)
    reason = NFCTextField(_("reason"), blank=True)
    in_public_duties = models.BooleanField(_("violation in public duties"), default=False)

    class Meta:
        ordering = ["-decision_date", "-id"]
        verbose_name = _("personnel decision")
        verbose_name_plural = _("personnel decisions")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.decision_number}"

    @property
    def category(self) -> str:
        return next(c for c, kinds in KINDS_BY_CATEGORY.items() if self.kind in kinds)


class ConclusionKind(models.TextChoices):
    """The two Art. 20 grounds besides discipline; the codes are canbo.scoring.OVERRIDES keys."""

    DEGRADATION = "degradation", _("Degradation in political ideology, ethics or lifestyle")
    CORRUPTION_IN_UNIT = (
        "corruption_in_unit",
        _("Unit under one's direct charge handled for corruption or waste"),
    )


class Conclusion(models.Model):
    """A competent authority's conclusion that forces "not completing tasks" in its year."""

    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="conclusions",
        verbose_name=_("civil servant"),
    )
    kind = models.CharField(_("ground"), max_length=32, choices=ConclusionKind.choices)
    issuer = NFCCharField(_("issuing authority"), max_length=200)
    number = NFCCharField(_("document number"), max_length=64)
    date = models.DateField(_("date"))
    content = NFCTextField(_("content"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")

    def __str__(self) -> str:
        return f"{self.number} ({self.date:%d/%m/%Y})"


class CapacityFlag(models.Model):
    """A cadre judged of limited capacity or low prestige: not to be sent to a key post."""

    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="capacity_flags",
        verbose_name=_("civil servant"),
    )
    reason = NFCTextField(_("reason"))
    flagged_on = models.DateField(_("flagged on"))
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["-flagged_on"]
        verbose_name = _("capacity flag")
        verbose_name_plural = _("capacity flags")
