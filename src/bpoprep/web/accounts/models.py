from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

PROCESS_CHOICES = [
    ("voice_inbound", _("Voice – inbound (customer support)")),
    ("voice_outbound", _("Voice – outbound (sales, collections, surveys)")),
    ("chat", _("Non-voice – chat support")),
    ("email", _("Non-voice – e-mail support")),
    ("back_office", _("Non-voice – back office / data entry")),
]
MARKET_CHOICES = [
    ("domestic", _("Domestic (Indian customers)")),
    ("international", _("International (US, UK, Australia …)")),
]


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: object) -> User:
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


class User(AbstractUser):
    """A person who signs in with an e-mail address."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("name"), max_length=80, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []
    objects = UserManager()  # type: ignore[misc]

    def __str__(self) -> str:
        return self.display_name or self.email


class Profile(models.Model):
    """What the candidate is preparing for: drives the plan and the practice they are offered."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    target_roles = models.JSONField(_("target roles"), default=list, blank=True)
    process = models.CharField(_("process"), max_length=20, choices=PROCESS_CHOICES, blank=True)
    market = models.CharField(_("market"), max_length=20, choices=MARKET_CHOICES, blank=True)
    company = models.CharField(_("company"), max_length=120, blank=True)
    interview_date = models.DateField(_("interview date"), null=True, blank=True)
    ui_language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="en")
    is_trainer = models.BooleanField(_("trainer"), default=False)
    onboarded_at = models.DateTimeField(null=True, blank=True)
    # The day the current plan began: set at onboarding and when the interview date changes,
    # so due dates stay put and missed steps show as overdue.
    plan_start = models.DateField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"profile of {self.user}"

    @classmethod
    def of(cls, user: object) -> Profile | None:
        """The user's profile read fresh (a cached user.profile may predate onboarding)."""
        return cls.objects.filter(user=user).first()

    @property
    def is_complete(self) -> bool:
        return bool(self.onboarded_at and self.target_roles and self.process and self.market)
