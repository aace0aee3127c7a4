from django.apps import AppConfig


class CohortsConfig(AppConfig):
    name = "bpoprep.web.cohorts"
    label = "cohorts"
