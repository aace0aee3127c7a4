from django.contrib import admin

from .models import Item, MockInterview, Review


class ItemInline(admin.TabularInline):
    model = Item
    fk_name = "interview"
    extra = 0
    fields = ("position", "stage", "text", "status", "seconds", "seconds_allowed")
    readonly_fields = fields
    can_delete = False


@admin.register(MockInterview)
class MockInterviewAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "minutes", "mode", "status", "overall", "created")
    list_filter = ("status", "mode", "minutes", "role")
    search_fields = ("user__email",)
    readonly_fields = ("report",)
    inlines = [ItemInline]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ("interview", "reviewer", "created")
