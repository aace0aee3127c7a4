from django.apps import AppConfig


class DrillsConfig(AppConfig):
    name = "bpoprep.web.drills"
    verbose_name = "Employer tests"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import exports  # noqa: F401 - adds typing runs to the account export
