from django.http import HttpRequest

import bpoprep


def site(request: HttpRequest) -> dict:
    user = request.user
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return {
        "version": bpoprep.__version__,
        "profile": profile,
        "is_trainer": bool(profile and profile.is_trainer),
    }
