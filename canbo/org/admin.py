from django.contrib import admin

from canbo.org.models import JobPosition, Organization, StaffingQuota, Title


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "code", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]


admin.site.register(JobPosition)
admin.site.register(Title)
admin.site.register(StaffingQuota)
