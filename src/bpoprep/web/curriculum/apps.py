from django.apps import AppConfig


class CurriculumConfig(AppConfig):
    name = "bpoprep.web.curriculum"
    label = "curriculum"
    verbose_name = "Curriculum"
