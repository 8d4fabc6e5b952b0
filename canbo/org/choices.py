from django.db import models
from django.utils.translation import gettext_lazy as _


class OrgKind(models.TextChoices):
    PROVINCE = "province", _("Province")
    PROVINCIAL_AGENCY = "provincial_agency", _("Provincial agency")
    COMMUNE = "commune", _("Commune")
    WARD = "ward", _("Ward")
    DEPARTMENT = "department", _("Department")
    SERVICE_CENTRE = "service_centre", _("Public administrative service centre")
    OFFICE = "office", _("Office of the People's Council and Committee")


COMMUNE_KINDS = (OrgKind.COMMUNE, OrgKind.WARD)


class Field(models.TextChoices):
    GENERAL = "general", _("General administration")
    LAND = "land", _("Land management")
    CONSTRUCTION = "construction", _("Construction and urban development")
    IT = "it", _("Information technology")
    CULTURE = "culture", _("Culture and society")
    JUSTICE = "justice", _("Justice and civil status")
    FINANCE = "finance", _("Finance and accounting")
    ECONOMY = "economy", _("Economy and agriculture")
    ARCHIVES = "archives", _("Office and archives")
    LEADERSHIP = "leadership", _("Leadership")


class Education(models.IntegerChoices):
    NONE = 0, _("None")
    SECONDARY = 1, _("Upper secondary")
    VOCATIONAL = 2, _("Vocational / college")
    UNIVERSITY = 3, _("University")
    MASTER = 4, _("Master")
    DOCTOR = 5, _("Doctorate")


class PoliticalTheory(models.IntegerChoices):
    NONE = 0, _("None")
    BASIC = 1, _("Basic")
    INTERMEDIATE = 2, _("Intermediate")
    ADVANCED = 3, _("Advanced")


class StateManagement(models.IntegerChoices):
    NONE = 0, _("None")
    SPECIALIST = 1, _("Specialist")
    MAIN_SPECIALIST = 2, _("Main specialist")
    SENIOR_SPECIALIST = 3, _("Senior specialist")
