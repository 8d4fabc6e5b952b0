from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.integration.imports.models import BatchKind

MAX_FILES = 50


class SheetUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=BatchKind.choices)
    file = forms.FileField(label=_("File (.xlsx or .csv)"))

    def __init__(self, *args, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        if kinds is not None:
            self.fields["kind"].choices = [c for c in BatchKind.choices if c[0] in kinds]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = list(data) if isinstance(data, (list, tuple)) else [data]
        if not files:
            files = [None]  # nothing chosen: FileField.clean raises "required"
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class EdxmlUploadForm(forms.Form):
    files = MultipleFileField(label=_("edXML files (documents first, then status packets)"))

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("At most %(n)d files at a time.") % {"n": MAX_FILES})
        return files


class PickHandlerForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Civil servant"), queryset=None)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda p: (
            f"{p.full_name} ({p.code}) – {p.organization}"
        )
