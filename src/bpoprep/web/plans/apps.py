from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "bpoprep.web.plans"
    label = "plans"
