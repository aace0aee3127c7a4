from django.apps import AppConfig


class PrepConfig(AppConfig):
    name = "bpoprep.web.prep"
    verbose_name = "Company research and follow-up"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import exports  # noqa: F401 - adds research notes and thank-you e-mails to the export
