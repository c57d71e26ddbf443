"""The read API (django-ninja): /api/ with its OpenAPI schema (/api/openapi.json) and browsable docs (/api/docs).

The docs page is ninja's Swagger UI from the static files ninja ships (no CDN, no inline script), so it works
under the site's Content-Security-Policy.
"""

from django.conf import settings
from ninja import NinjaAPI, Swagger
from ninja.errors import ValidationError
from ninja.throttling import AnonRateThrottle

from config.middleware import client_ip
from entities.api.routes import router


class AnonymousThrottle(AnonRateThrottle):
    """Anonymous clients by their real address (behind our proxies, as the rest of the site counts them);
    curators are not counted."""

    def allow_request(self, request) -> bool:
        """The rate read at each request: settings.API_ANONYMOUS_RATE may change (in tests) after ninja copied us."""
        self.rate = settings.API_ANONYMOUS_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_ident(self, request) -> str | None:
        return client_ip(request)

    def get_cache_key(self, request) -> str | None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            return None
        return super().get_cache_key(request)


api = NinjaAPI(
    title="Parley",
    version="1",
    description="Who met whom, where and when: the events, officials, articles and relations of the site.",
    urls_namespace="api",
    # The validator badge would load an image from swagger.io, which the Content-Security-Policy refuses.
    docs=Swagger(settings={"validatorUrl": None}),
    throttle=[AnonymousThrottle(settings.API_ANONYMOUS_RATE)],
)
api.add_router("/", router)


@api.exception_handler(ValidationError)
def bad_parameters(request, exc: ValidationError):
    """A parameter of the wrong type or out of range is the client's mistake: 400, as on the site's pages."""
    return api.create_response(request, {"detail": exc.errors}, status=400)
