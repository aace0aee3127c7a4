from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "bpoprep.web.jobs"
    label = "jobs"

    def ready(self) -> None:
        from . import handlers  # noqa: F401 - registers the platform's job kinds
