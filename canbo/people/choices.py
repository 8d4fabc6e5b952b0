from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class Ethnicity(models.TextChoices):
    # The peoples of Lai Chau by their usual English names (the Vietnamese names without
    # their marks), so that a spreadsheet naming them either way is understood.
    KINH = "kinh", _("Kinh")
    THAI = "thai", _("Thai")
    MONG = "mong", _("Mong")
    DAO = "dao", _("Dao")
    HA_NHI = "ha_nhi", _("Ha Nhi")
    GIAY = "giay", _("Giay")
    LU = "lu", _("Lu")
    KHO_MU = "kho_mu", _("Kho Mu")
    CONG = "cong", _("Cong")
    MANG = "mang", _("Mang")
    LA_HU = "la_hu", _("La Hu")
    SI_LA = "si_la", _("Si La")
    OTHER = "other", _("Other")


class LeaveKind(models.TextChoices):
    SICK = "sick", _("Sick leave")
    MATERNITY = "maternity", _("Maternity leave")
    LONG_TRAINING = "long_training", _("Long-term training")
    OTHER = "other", _("Other leave")


AGE_BANDS = {
    "lt30": (None, 30),
    "30-39": (30, 40),
    "40-49": (40, 50),
    "50plus": (50, None),
}
