from django.contrib import admin

from canbo.core.access import can
from canbo.core.models import AuditEntry


def _admin_only(request) -> bool:
    """The Django admin is for system administrators only, whatever is_staff says."""
    user = request.user
    return bool(user.is_active and user.is_staff and can(user, "admin.site"))


admin.site.has_permission = _admin_only
admin.site.site_header = "canbo"


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "object_repr"]
    list_filter = ["action"]
    search_fields = ["object_repr", "action"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
