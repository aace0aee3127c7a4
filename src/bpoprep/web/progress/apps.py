from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "bpoprep.web.progress"
    label = "progress"
