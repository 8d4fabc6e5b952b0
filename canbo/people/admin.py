from django.contrib import admin

from canbo.core import audit
from canbo.people.models import Person, Post, Profile

_PROFILE_FIELDS = ["user", "role", "organization", "person"]


class PostInline(admin.TabularInline):
    model = Post
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["code", "full_name", "organization", "title"]
    search_fields = ["search_key"]
    inlines = [PostInline]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    """Roles decide what a user may see: every change made here is in the audit log."""

    list_display = ["user", "role", "organization", "person"]
    list_filter = ["role"]

    def save_model(self, request, obj, form, change):
        before = {}
        if change:
            before = audit.snapshot(Profile.objects.get(pk=obj.pk), _PROFILE_FIELDS)
        super().save_model(request, obj, form, change)
        action = "people.profile_change" if change else "people.profile_create"
        audit.record(
            request.user,
            action,
            obj,
            before,
            audit.snapshot(obj, _PROFILE_FIELDS),
            reason="Django admin",
        )

    def delete_model(self, request, obj):
        before = audit.snapshot(obj, _PROFILE_FIELDS)
        audit.record(request.user, "people.profile_delete", obj, before, {}, reason="Django admin")
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)
