from django.contrib import admin

from canbo.people.models import Person, Post, Profile


class PostInline(admin.TabularInline):
    model = Post
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["code", "full_name", "organization", "title"]
    search_fields = ["search_key"]
    inlines = [PostInline]


admin.site.register(Profile)
