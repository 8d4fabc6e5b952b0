"""The public rating page (/r/<token>/): no login, light, no JavaScript.

GET shows the officer (and dossier) the token names and the five levels; POST records the
rating through canbo.feedback.rating.submit_rating. Every refusal is a clear Vietnamese
message with status 400/403/404/409/429 and writes no rating.
"""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from canbo.core.clientip import client_ip
from canbo.feedback.choices import Concern, Level
from canbo.feedback.rating import RatingInput, RatingRefused, submit_rating, target_of

# csrf: the form is public and anonymous (no session to ride on); the signed token, the rate
# limits and the once-per-dossier rule are what protect it.


@login_not_required
@csrf_exempt
@require_http_methods(["GET", "POST"])
def rate(request, token: str):
    if request.method == "GET":
        try:
            return _page(request, token, target_of(token))
        except RatingRefused as exc:
            return _page(request, token, None, error=exc.message, status=exc.status)
    post = request.POST
    data = RatingInput(
        level=post.get("level"),
        comment=post.get("comment", ""),
        concerns=tuple(post.getlist("concern")),
        dossier_code=post.get("dossier", ""),
        wants_answer=post.get("answer") == "yes",
        phone=post.get("phone", ""),
    )
    try:
        rating = submit_rating(token, data, client_ip(request))
    except RatingRefused as exc:
        return _page(
            request, token, _target_or_none(token), error=exc.message, status=exc.status, data=post
        )
    return _page(request, token, rating, done=True)


def _target_or_none(token: str):
    """The page shown again after a refusal: the form if the token still names someone."""
    try:
        return target_of(token)
    except RatingRefused:
        return None


def _page(request, token, target, error="", status=200, done=False, data=None):
    response = render(
        request,
        "feedback/rate.html",
        {
            "token": token,
            "target": target,
            "error": error,
            "done": done,
            "data": data or {},
            "levels": Level.choices,
            "concerns": Concern.choices,
        },
        status=status,
    )
    response["Cache-Control"] = "no-store"
    return response
