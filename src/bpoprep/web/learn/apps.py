from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "bpoprep.web.learn"
    label = "learn"

    def ready(self) -> None:
        from . import exports  # noqa: F401 - adds quiz attempts and checklist ticks to the export
