"""Model fields that store Vietnamese text in Unicode NFC whatever the caller sends."""

from django.db import models

from canbo.core.text import nfc


class NFCCharField(models.CharField):
    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return nfc(value) if isinstance(value, str) else value


class NFCTextField(models.TextField):
    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return nfc(value) if isinstance(value, str) else value


def _normalise_attribute(field: models.Field, instance: models.Model) -> None:
    value = getattr(instance, field.attname)
    if isinstance(value, str):
        setattr(instance, field.attname, nfc(value))


NFCCharField.pre_save = lambda self, instance, add: (  # type: ignore[method-assign]
    _normalise_attribute(self, instance) or getattr(instance, self.attname)
)
NFCTextField.pre_save = NFCCharField.pre_save  # type: ignore[method-assign]
