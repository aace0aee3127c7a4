from django.apps import AppConfig


class SpeakingConfig(AppConfig):
    name = "bpoprep.web.speaking"
    verbose_name = "Spoken practice"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import exports, jobs  # noqa: F401 - registers the analysis job and the export section
