from django.contrib.auth import views as auth
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from . import views
from .forms import EmailAuthenticationForm, QueuedPasswordResetForm

app_name = "accounts"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", auth.LoginView.as_view(template_name="accounts/login.html", authentication_form=EmailAuthenticationForm, redirect_authenticated_user=True), name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("profile/", views.onboarding, name="onboarding"),
    path("settings/", views.settings_page, name="settings"),
    path("export/", views.export, name="export"),
    path("delete/", views.delete_account, name="delete"),
    path("password/change/", auth.PasswordChangeView.as_view(template_name="accounts/form_page.html", success_url=reverse_lazy("accounts:password_change_done"), extra_context={"title": _("Change password")}), name="password_change"),
    path("password/change/done/", auth.PasswordChangeDoneView.as_view(template_name="accounts/message_page.html", extra_context={"title": _("Password changed"), "body": _("Your password has been changed.")}), name="password_change_done"),
    path("password/reset/", auth.PasswordResetView.as_view(template_name="accounts/form_page.html", form_class=QueuedPasswordResetForm, email_template_name="accounts/email/password_reset.txt", subject_template_name="accounts/email/password_reset_subject.txt", success_url=reverse_lazy("accounts:password_reset_done"), extra_context={"title": _("Reset your password")}), name="password_reset"),
    path("password/reset/sent/", auth.PasswordResetDoneView.as_view(template_name="accounts/message_page.html", extra_context={"title": _("Check your e-mail"), "body": _("If an account uses that address, we have sent it a link to set a new password. The link works for three days.")}), name="password_reset_done"),
    path("password/reset/<uidb64>/<token>/", auth.PasswordResetConfirmView.as_view(template_name="accounts/form_page.html", success_url=reverse_lazy("accounts:password_reset_complete"), extra_context={"title": _("Set a new password")}), name="password_reset_confirm"),
    path("password/reset/complete/", auth.PasswordResetCompleteView.as_view(template_name="accounts/message_page.html", extra_context={"title": _("Password set"), "body": _("Your new password is set. You can log in now.")}), name="password_reset_complete"),
]
