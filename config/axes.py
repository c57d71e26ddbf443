"""Login throttling with two limits: a few failures for one username from one address, and more from one address
whatever the usernames, so that spraying many usernames from one address is locked out too."""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class PairAndAddressHandler(AxesDatabaseHandler):
    """django-axes' database handler, counting an address's failures across usernames as well.

    axes compares one number with AXES_FAILURE_LIMIT; the address's count is scaled so that reaching
    AXES_ADDRESS_FAILURE_LIMIT reads as reaching it. A success resets only its own username and address (the
    lockout parameters), so logging in to one account does not wipe what an address did to the others.
    """

    def get_failures(self, request, credentials: dict | None = None) -> int:
        pair = super().get_failures(request, credentials)
        address = _recent_failures(AccessAttempt.objects.filter(ip_address=request.axes_ip_address), request)
        return max(pair, address * settings.AXES_FAILURE_LIMIT // settings.AXES_ADDRESS_FAILURE_LIMIT)


def _recent_failures(attempts, request) -> int:
    if settings.AXES_COOLOFF_TIME is not None:
        attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
