from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bpoprep.web.accounts"
    label = "accounts"
