"""The one public view of this app: receiving a sign-up (see campaigns/signups.py for the privacy reasoning)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from campaigns.models import SignupFormPage
from campaigns.signups import handle_signup


@csrf_exempt  # no cookies for visitors; cross-site posts are refused by their Origin header instead
@require_POST
def signup_submit(request: HttpRequest, page_id: int) -> HttpResponse:
    if page_id > 2**31:  # PostgreSQL refuses out-of-range ids with an error, not an empty result
        raise Http404
    page = get_object_or_404(SignupFormPage.objects.live().public(), pk=page_id)
    if not page.get_url(request=request):
        raise Http404
    return handle_signup(request, page)
