from django.urls import path

from . import views

app_name = "interviews"
urlpatterns = [
    path("", views.index, name="index"),
    path("start/", views.start, name="start"),
    path("<int:pk>/", views.room, name="room"),
    path("<int:pk>/items/<int:item_pk>/answer/", views.answer, name="answer"),
    path("<int:pk>/items/<int:item_pk>/draft/", views.draft, name="draft"),
    path("<int:pk>/items/<int:item_pk>/audio/", views.upload, name="upload"),
    path("<int:pk>/items/<int:item_pk>/skip/", views.skip, name="skip"),
    path("<int:pk>/items/<int:item_pk>/retry/", views.retry, name="retry"),
    path("<int:pk>/finish/", views.finish, name="finish"),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/report.pdf", views.report_pdf, name="report_pdf"),
    path("<int:pk>/share/", views.share, name="share"),
    path("<int:pk>/invite/", views.invite, name="invite"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("with/<str:token>/", views.interviewer, name="interviewer"),
]
