"""The one JSON error shape of the API, ``{"error": {"code": "RP-E...", "message": "..."}}``, for every error.

Library errors (``RealpolitikError``) keep their own stable code; HTTP errors raised by routing (404, 405),
request validation (422), the body-size limit (413), authentication (401/403) and unexpected exceptions (500)
get codes from the table below. Dashboard pages asked for by a browser get the same code and message in an
HTML page instead (``html_renderer``), so a person following a dead link sees a page, not JSON.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from realpolitik.errors import APIError, QueryError, RealpolitikError, StoreError, StoreLocked, UnknownActor

log = logging.getLogger(__name__)

# Stable codes for errors that do not come from the library; one per HTTP status the API can answer.
STATUS_CODES: dict[int, str] = {
    400: "RP-E701",
    401: "RP-E702",
    403: "RP-E703",
    404: "RP-E704",
    405: "RP-E705",
    413: "RP-E713",
    415: "RP-E715",
    422: "RP-E722",
    500: "RP-E750",
    503: "RP-E753",
}

HtmlRenderer = Callable[[Request, int, str, str], Response]


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def code_for_status(status: int) -> str:
    return STATUS_CODES.get(status, "RP-E701" if status < 500 else "RP-E750")


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path in ("/api", "/openapi.json", "/docs"):
        return False
    return "text/html" in request.headers.get("accept", "")


def install_error_handlers(app: FastAPI, html_renderer: HtmlRenderer | None = None) -> None:
    """Route every error the app can raise through one shape."""

    def respond(request: Request, status: int, code: str, message: str, headers: Any = None) -> Response:
        if html_renderer is not None and _wants_html(request):
            return html_renderer(request, status, code, message)
        return JSONResponse(error_body(code, message), status_code=status, headers=headers)

    @app.exception_handler(APIError)
    async def api_error(request: Request, exc: APIError) -> Response:
        # An APIError raised with only a status gets that status's code rather than the generic RP-E701.
        code = code_for_status(exc.status) if exc.code == APIError.code else exc.code
        return respond(request, exc.status, code, exc.message)

    @app.exception_handler(RealpolitikError)
    async def library_error(request: Request, exc: RealpolitikError) -> Response:
        if isinstance(exc, UnknownActor):
            status = 404  # an actor code or name nobody knows: a dead link, in the API and the dashboard
        elif isinstance(exc, QueryError):
            status = 422  # a bad parameter, found by the store rather than by the route's validation
        elif isinstance(exc, StoreLocked):
            status = 503
        else:
            status = 500 if isinstance(exc, StoreError) else 400
        return respond(request, status, exc.code, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else None
        message = detail or HTTPStatus(exc.status_code).phrase
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such resource: {request.url.path}"
        elif exc.status_code == 405 and message == "Method Not Allowed":
            message = f"method {request.method} is not allowed on {request.url.path}"
        return respond(request, exc.status_code, code_for_status(exc.status_code), message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors()[:10]:
            where = ".".join(str(part) for part in err.get("loc", ()) if part != "body") or "request"
            problems.append(f"{where}: {err.get('msg', 'invalid')}")
        return respond(request, 422, STATUS_CODES[422], "invalid request: " + "; ".join(problems))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return respond(request, 500, STATUS_CODES[500], "internal server error")
