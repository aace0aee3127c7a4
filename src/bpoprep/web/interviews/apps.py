from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "bpoprep.web.interviews"
    verbose_name = "Mock interviews"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import exports  # noqa: F401 - adds mock interviews to the account export
