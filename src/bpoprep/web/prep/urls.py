from django.urls import path, re_path

from . import views

app_name = "prep"
urlpatterns = [
    path("", views.hub, name="hub"),
    path("references/", views.references, name="references"),
    path("company/", views.research, name="research"),
    path("company/<int:pk>/", views.research, name="research_notes"),
    path("thank-you/", views.thank_you_note, name="thank_you"),
    path("resume/", views.resume, name="resume"),
    path("cover-letter/", views.cover_letter, name="cover_letter"),
    path("resume/<int:pk>/", views.resume_report, name="resume_report"),
    path("resume/build/", views.resume_builder, name="resume_builder"),
    re_path(r"^resume/build/(?P<fmt>pdf|docx)/$", views.resume_download, name="resume_download"),
]
