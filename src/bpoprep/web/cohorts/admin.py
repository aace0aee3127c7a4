from django.contrib import admin

from .models import Cohort, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ("user",)


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ("name", "trainer", "code", "created")
    search_fields = ("name", "code", "trainer__email")
    inlines = [MembershipInline]
