from django.urls import path

from . import views

app_name = "learn"
urlpatterns = [
    path("", views.lessons, name="lessons"),
    path("lessons/<slug:lesson_id>/", views.lesson, name="lesson"),
    path("roles/", views.roles, name="roles"),
    path("roles/<slug:role_id>/", views.role, name="role"),
    path("questions/", views.questions, name="questions"),
    path("questions/<slug:question_id>/", views.question, name="question"),
    path("checklists/<slug:checklist_id>/", views.checklist, name="checklist"),
    path("checklists/<slug:checklist_id>/<slug:item_id>/", views.checklist_tick, name="checklist_tick"),
]
