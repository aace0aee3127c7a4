from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("", views.plan, name="plan"),
    path("steps/<slug:step_id>/tick/", views.tick, name="tick"),
]
