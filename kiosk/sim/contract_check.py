"""The simulated backend's front door: every request is checked against the contract
(kiosk/services/gateway.yaml) before a handler sees it, so the reference server answers exactly
what the contract says — a malformed or invalid request gets the contract's `Problem` in JSON
(400 for a body that is not JSON, 422 for one that breaks the schema), never a 500 in plain
text, and a request the contract calls valid is never refused for its shape.

Integrators test their province's adapter against this server; both must say the same thing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import parse_qs

import yaml
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from kiosk.sim.caller import Caller

MAX_BODY_BYTES = 2 * 1024 * 1024
_URI = "urn:yiban:gateway"

Handler = Callable[[Request], Awaitable[Response]]


def problem(status: int, code: str, message: str, retryable: bool = False) -> JSONResponse:
    return JSONResponse({"code": code, "message": message, "retryable": retryable}, status)


@cache
def contract() -> dict[str, Any]:
    text = resources.files("kiosk.services").joinpath("gateway.yaml").read_text("utf-8")
    safe_c_loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the safe loader, in C
    spec: dict[str, Any] = yaml.load(text, Loader=safe_c_loader)  # noqa: S506
    return spec


# jsonschema (and its registry) load with the first checked request, not when the simulated
# backend starts: the kiosk's first frame does not wait for them.
@cache
def _registry() -> Any:
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    return Registry().with_resource(_URI, DRAFT202012.create_resource(contract()))


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def _is_date(value: object) -> bool:
    return not isinstance(value, str) or bool(re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value)
                                               and date.fromisoformat(value))


def _is_date_time(value: object) -> bool:
    """RFC 3339: a date, T, a time, and an offset (Z or ±hh:mm)."""
    if not isinstance(value, str):
        return True
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}"
                        r"(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})", value):
        return False
    datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    return True


@cache
def format_checker() -> Any:
    """The contract's formats (`date`, `date-time`) checked for real: jsonschema's own
    date-time check silently passes without an extra package."""
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("date", raises=ValueError)(_is_date)
    checker.checks("date-time", raises=ValueError)(_is_date_time)
    return checker


@cache
def _validator(*pointer: str) -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator({"$ref": f"{_URI}#/{_pointer(*pointer)}"},
                                registry=_registry(), format_checker=format_checker())


def _first_error(validator: Any, value: Any) -> str | None:
    error = next(iter(validator.iter_errors(value)), None)
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path) or "(body)"
    return f"{where}: {error.validator} {error.validator_value!r}"[:200]


FORM = "application/x-www-form-urlencoded"


def form_fields(raw: bytes) -> dict[str, str | list[str]]:
    """A web form's body (a public page's, such as the phone rating form): each field's value,
    or its values where it came more than once (ticked boxes). ValueError when it is not
    UTF-8 form data or has too many fields."""
    fields = parse_qs(raw.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
                      max_num_fields=100)
    return {k: v[0] if len(v) == 1 else v for k, v in fields.items()}


def caller_of(r: Request) -> Caller:
    """Who sent the request, as the server's identity layer established it (kiosk/sim/
    backend.py): a kiosk by its verified client certificate, staff by their session."""
    found = getattr(r.state, "caller", None)
    return found if isinstance(found, Caller) else Caller()


def bearer_of(r: Request) -> str:
    """The bearer credential in `Authorization`, or ""."""
    scheme, _, token = r.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def _refusal(op: dict[str, Any], caller: Caller) -> Response | None:
    """The contract's `security` for the operation (or the contract's default): any one of its
    alternatives must hold. `kioskCertificate`: a kiosk's client certificate; `staffSession`:
    a signed-in staff member. An empty list: anyone."""
    alternatives = op.get("security", contract().get("security", []))
    if not alternatives:
        return None
    held = {"kioskCertificate": caller.kiosk_id is not None,
            "staffSession": caller.staff is not None}
    if any(all(held.get(name, False) for name in alt) for alt in alternatives):
        return None
    names = {name for alt in alternatives for name in alt}
    if names == {"staffSession"}:
        return problem(401, "staff_sign_in_required", "sign in as a staff member first")
    if names == {"kioskCertificate"}:
        return problem(401, "kiosk_certificate_required",
                       "only a kiosk with its client certificate may call this")
    return problem(401, "not_authenticated", "a kiosk certificate or a staff session is needed")


def checked(path: str, method: str) -> Callable[[Handler], Handler]:
    """Wrap a handler of the contract's `method path`: who may call it, its parameters and its
    body are checked, and the handler finds the parsed body in `request.state.body`."""
    op = contract()["paths"][path][method]

    def wrap(handler: Handler) -> Handler:
        async def checked_handler(r: Request) -> Response:
            refused = _refusal(op, caller_of(r))
            if refused is not None:
                return refused
            for i, p in enumerate(op.get("parameters", [])):
                where = {"header": r.headers, "path": r.path_params,
                         "query": r.query_params}.get(p["in"])
                if where is None:
                    continue
                value = where.get(p["name"])
                if value is None:
                    if p.get("required"):
                        return problem(400, "parameter_missing", f"{p['name']} is required")
                    continue
                if p["in"] == "query" and p.get("schema", {}).get("type") == "integer":
                    digits = value.isascii() and value.isdigit() and len(value) <= 18
                    value = int(value) if digits else value
                error = _first_error(_validator("paths", path, method, "parameters", str(i),
                                                "schema"), value)
                if error is not None:
                    return problem(404 if p["in"] == "path" else 422, "invalid_parameter",
                                   f"{p['name']}: {error}")
            r.state.body = None
            if "requestBody" in op:
                raw = await r.body()
                if len(raw) > MAX_BODY_BYTES:
                    return problem(413, "body_too_large", "the request body is too large")
                media = next(iter(op["requestBody"]["content"]))
                try:
                    body = form_fields(raw) if media == FORM else json.loads(raw)
                except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
                    return problem(400, "malformed_form" if media == FORM else "malformed_json",
                                   "the body is not a form" if media == FORM
                                   else "the body is not JSON")
                error = _first_error(_validator(
                    "paths", path, method, "requestBody", "content", media, "schema"), body)
                if error is not None:
                    return problem(422, "invalid_request", error)
                r.state.body = body
            return await handler(r)
        return checked_handler
    return wrap


async def not_found(r: Request, _exc: Exception) -> Response:
    return problem(404, "not_found", f"no such operation: {r.method} {r.url.path}")


async def method_not_allowed(r: Request, exc: Exception) -> Response:
    answer = problem(405, "method_not_allowed", f"{r.method} is not allowed here")
    answer.headers.update(getattr(exc, "headers", None) or {})  # Allow: what is (RFC 9110)
    return answer


async def server_error(_r: Request, exc: Exception) -> Response:
    return problem(500, "internal_error", f"the simulated backend failed: {type(exc).__name__}",
                   retryable=True)


EXCEPTION_HANDLERS: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
    404: not_found, 405: method_not_allowed, 500: server_error, Exception: server_error}
