"""Connected systems: register, revoke, rotate, and the sync status of each."""

from datetime import timedelta

from django.contrib import messages
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from canbo.core.access import can, require, visible_org_rows
from canbo.integration.forms import ClientForm, RevokeForm, SubscriptionForm
from canbo.integration.models import ApiClient, ApiRequestLog, WebhookDelivery
from canbo.integration.services import create_client, revoke_client, rotate_token


def _clients(user):
    require(user, "integration.manage")
    return visible_org_rows(ApiClient.objects.all(), user).select_related("organization")


def client_list(request):
    since = timezone.now() - timedelta(days=1)
    clients = _clients(request.user).annotate(
        requests_24h=Count("apirequestlog", filter=Q(apirequestlog__at__gte=since)),
        rejected_24h=Count(
            "apirequestlog", filter=Q(apirequestlog__at__gte=since, apirequestlog__status__gte=400)
        ),
        received_total=Sum("apirequestlog__received"),
    )
    return render(request, "integration/clients.html", {"clients": clients})


def client_create(request):
    require(request.user, "integration.manage")
    form = ClientForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        client, token = create_client(
            request.user,
            data["name"],
            data["organization"],
            data["scopes"],
            data["require_signature"],
        )
        return render(request, "integration/token.html", {"client": client, "token": token})
    return render(request, "integration/client_form.html", {"form": form})


def client_detail(request, pk: int):
    client = get_object_or_404(_clients(request.user), pk=pk)
    logs = ApiRequestLog.objects.filter(client=client)
    context = {
        "client": client,
        "recent": logs[:50],
        "rejected": logs.filter(status__gte=400)[:50],
        "totals": logs.aggregate(
            requests=Count("id"),
            received=Sum("received"),
            written=Sum("written"),
            rejected=Count("id", filter=Q(status__gte=400)),
        ),
        "revoke_form": RevokeForm(),
        "subscription_form": SubscriptionForm(),
        "subscriptions": client.subscriptions.all(),
        "deliveries": WebhookDelivery.objects.filter(subscription__client=client)[:50],
        "payloads": client.rejected_payloads.defer("body")[:50],
        "can_pick": can(request.user, "integration.import_people"),
    }
    return render(request, "integration/client_detail.html", context)


@require_POST
def client_revoke(request, pk: int):
    client = get_object_or_404(_clients(request.user), pk=pk)
    form = RevokeForm(request.POST)
    if form.is_valid() and client.is_active:
        revoke_client(request.user, client, form.cleaned_data["reason"])
    return redirect("integration:client", pk=client.pk)


@require_POST
def client_rotate(request, pk: int):
    client = get_object_or_404(_clients(request.user).filter(revoked_at__isnull=True), pk=pk)
    token = rotate_token(request.user, client)
    return render(request, "integration/token.html", {"client": client, "token": token})


@require_POST
def client_subscribe(request, pk: int):
    client = get_object_or_404(_clients(request.user).filter(revoked_at__isnull=True), pk=pk)
    form = SubscriptionForm(request.POST)
    if form.is_valid():
        form.instance.client = client
        form.save()
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("integration:client", pk=client.pk)
