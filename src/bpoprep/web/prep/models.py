from __future__ import annotations

from django.conf import settings
from django.db import models


class CompanyResearch(models.Model):
    """A candidate's notes on one company, from which questions and a pitch are drafted."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="company_research")
    company = models.CharField(max_length=120)
    services_clients = models.TextField(blank=True, max_length=2000)
    mission_values = models.TextField(blank=True, max_length=2000)
    culture = models.TextField(blank=True, max_length=2000)
    recent_news = models.TextField(blank=True, max_length=2000)
    competitors = models.TextField(blank=True, max_length=2000)
    differentiators = models.TextField(blank=True, max_length=2000)
    process_applied = models.TextField(blank=True, max_length=2000)
    strength = models.CharField(max_length=200, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "company"], name="one_research_per_company")]
        ordering = ["-updated"]

    def __str__(self) -> str:
        return self.company


class ThankYouNote(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thank_you_notes")
    interviewer = models.CharField(max_length=120)
    interviewer_email = models.EmailField(blank=True)
    role = models.CharField(max_length=120)
    company = models.CharField(max_length=120)
    point_discussed = models.CharField(max_length=300, blank=True)
    fit = models.CharField(max_length=300, blank=True)
    subject = models.CharField(max_length=200)
    body = models.TextField(max_length=5000)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.company}: {self.interviewer}"


class ResumeCheck(models.Model):
    """A resume's text (the file itself is not kept) checked against a job description."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resume_checks")
    filename = models.CharField(max_length=200)
    resume_text = models.TextField()
    job_description = models.TextField()
    percent = models.PositiveSmallIntegerField()
    report = models.JSONField(default=dict)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.filename}: {self.percent}%"


class CoverLetter(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cover_letters")
    role = models.CharField(max_length=120)
    company = models.CharField(max_length=120)
    hiring_manager = models.CharField(max_length=120, blank=True)
    strengths = models.CharField(max_length=400, blank=True)
    why_company = models.CharField(max_length=300, blank=True)
    job_description = models.TextField(max_length=20_000, blank=True)
    text = models.TextField(max_length=6000)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated", "-pk"]

    def __str__(self) -> str:
        return f"{self.company}: {self.role}"


class Reference(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="references")
    name = models.CharField(max_length=120)
    relation = models.CharField(max_length=120, help_text="e.g. project guide, shop owner, team leader")
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    agreed = models.BooleanField(default=False, help_text="They agreed to be called")

    def __str__(self) -> str:
        return self.name


class Certification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certifications")
    name = models.CharField(max_length=160)
    issuer = models.CharField(max_length=120, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    copies_ready = models.BooleanField(default=False, help_text="Original and two photocopies in the folder")

    def __str__(self) -> str:
        return self.name


class ResumeDraft(models.Model):
    """The resume a candidate builds in the app (one per user)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resume_draft")
    name = models.CharField(max_length=120)
    email = models.EmailField()
    phone = models.CharField(max_length=30)
    city = models.CharField(max_length=80, blank=True)
    summary = models.TextField(max_length=1500, blank=True)
    experience = models.TextField(max_length=6000, blank=True)
    education = models.TextField(max_length=2000, blank=True)
    skills = models.TextField(max_length=1500, blank=True)
    references = models.CharField(max_length=300, blank=True, default="Available on request.")
    updated = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.name
