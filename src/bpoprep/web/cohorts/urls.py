from django.urls import path

from . import views

app_name = "cohorts"
urlpatterns = [
    path("join/", views.join, name="join"),
    path("<int:pk>/leave/", views.leave, name="leave"),
    path("trainer/", views.trainer_home, name="trainer"),
    path("trainer/<int:pk>/", views.detail, name="detail"),
    path("trainer/<int:pk>/members/<int:user_id>/", views.member_plan, name="member_plan"),
]
