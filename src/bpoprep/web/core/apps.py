from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "bpoprep.web.core"
    label = "core"
