"""The one public view of this app: receiving a sign-up (see campaigns/signups.py for the privacy reasoning)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from campaigns.models import SignupFormPage
from campaigns.signups import handle_signup


@csrf_exempt  # no cookies for visitors; cross-site posts are refused by their Origin header instead
@require_POST
def signup_submit(request: HttpRequest, page_id: int) -> HttpResponse:
    return handle_signup(request, SignupFormPage.posted_to(request, page_id))
