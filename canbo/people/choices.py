from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class Ethnicity(models.TextChoices):
    KINH = "kinh", "Kinh"
    THAI = "thai", "Thái"
    MONG = "mong", "Mông"
    DAO = "dao", "Dao"
    HA_NHI = "ha_nhi", "Hà Nhì"
    GIAY = "giay", "Giáy"
    LU = "lu", "Lự"
    KHO_MU = "kho_mu", "Khơ Mú"
    CONG = "cong", "Cống"
    MANG = "mang", "Mảng"
    LA_HU = "la_hu", "La Hủ"
    SI_LA = "si_la", "Si La"
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
