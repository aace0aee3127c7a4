from django.contrib import admin, messages

from . import services
from .models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "status", "attempts", "user", "created", "finished")
    list_filter = ("status", "kind")
    search_fields = ("kind", "last_error", "user__email")
    readonly_fields = ("created", "started", "finished", "attempts", "last_error", "result")
    actions = ["retry_failed"]

    @admin.action(description="Retry the selected failed jobs")
    def retry_failed(self, request, queryset):  # type: ignore[no-untyped-def]
        n = 0
        for job in queryset.filter(status=Job.FAILED):
            services.retry(job)
            n += 1
        self.message_user(request, f"{n} job(s) queued again.", messages.SUCCESS)
