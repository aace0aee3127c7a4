from django.urls import path

from . import views

app_name = "practice"
urlpatterns = [
    path("", views.index, name="index"),
    path("category/<slug:category>/", views.index, name="category"),
    path("questions/<slug:question_id>/", views.answer, name="answer"),
    path("questions/<slug:question_id>/history/", views.history, name="history"),
    path("attempts/<int:pk>/", views.attempt, name="attempt"),
]
