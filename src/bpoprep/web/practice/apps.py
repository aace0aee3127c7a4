from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "bpoprep.web.practice"
    verbose_name = "Answer practice"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import exports  # noqa: F401 - adds practice attempts to the account export
