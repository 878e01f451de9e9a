"""Contract tests: the simulated backend's answers and the client's requests, both checked
against docs/api/gateway.yaml."""

from __future__ import annotations

import base64
import json
import ssl
from importlib import resources
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
import yaml
from openapi_spec_validator import validate as validate_spec
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from kiosk.services.errors import GatewayRejected
from kiosk.services.gateway import GatewayClient
from kiosk.sim.backend import BackendServer
from kiosk.sim.citizens import card
from kiosk.sim.contract_check import format_checker

SPEC_PATH = Path(__file__).resolve().parents[2] / "kiosk" / "services" / "gateway.yaml"
SPEC = yaml.safe_load(SPEC_PATH.read_text())
REGISTRY = Registry().with_resource(
    "spec", Resource.from_contents(SPEC, default_specification=DRAFT202012))


def schema_check(schema: dict[str, Any], instance: Any) -> None:
    wrapped = {"$ref": "spec#/" + "/".join(schema["$ref"][2:].split("/"))} \
        if "$ref" in schema else schema
    resolved = json.loads(json.dumps(wrapped).replace('"#/components', '"spec#/components'))
    jsonschema.Draft202012Validator(resolved, registry=REGISTRY,
                                    format_checker=format_checker()).validate(instance)


def operation(method: str, path: str) -> dict[str, Any]:
    for template, item in SPEC["paths"].items():
        parts, real = template.strip("/").split("/"), path.split("?")[0].strip("/").split("/")
        if len(parts) == len(real) and method.lower() in item and all(
                p.startswith("{") or p == r for p, r in zip(parts, real, strict=True)):
            return dict(item[method.lower()])
    raise AssertionError(f"{method} {path} is not in the OpenAPI document")


class ContractTransport(httpx.AsyncBaseTransport):
    """Checks every request body and every response body against the document."""

    def __init__(self, tls: ssl.SSLContext) -> None:
        self.inner = httpx.AsyncHTTPTransport(verify=tls)  # as the kiosk, mutual TLS
        self.checked = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        op = operation(request.method, request.url.path)
        body = request.content
        if "requestBody" in op:
            schema = op["requestBody"]["content"]["application/json"]["schema"]
            schema_check(schema, json.loads(body))
        for p in op.get("parameters", []):
            if p["in"] == "header" and p.get("required"):
                assert p["name"] in request.headers, p["name"]
        response = await self.inner.handle_async_request(request)
        await response.aread()
        spec = op["responses"].get(str(response.status_code)) or op["responses"]["default"]
        if "$ref" in spec:
            spec = SPEC["components"]["responses"][spec["$ref"].split("/")[-1]]
        schema_check(spec["content"]["application/json"]["schema"], json.loads(response.content))
        self.checked += 1
        return response


def test_the_document_is_valid_openapi() -> None:
    validate_spec(SPEC)


@pytest.fixture(scope="module")
def backend():
    server = BackendServer()
    server.start()
    yield server
    server.stop()


async def test_every_operation_honours_the_contract(backend: BackendServer) -> None:
    transport = ContractTransport(backend.tls("SIM-0001"))
    g = GatewayClient(backend.url, "SIM-0001", transport=transport)
    holder = card("zhang-wei").record.id_number
    try:
        assert await g.health()
        licenses = await g.search_licenses(holder, "开饭店")
        assert {lic["name"] for lic in licenses} >= {"居民户口簿", "营业执照"}
        pulled = await g.pull_license(licenses[0]["identifier"], holder, "开饭店")
        assert pulled["copy"]["purpose"] == "开饭店"
        for kind in ("social_insurance", "criminal_record"):
            assert (await g.fetch_record(kind, holder, "证明"))["kind"] == kind
        app = {"kiosk_id": "SIM-0001", "service_code": "KFD", "item_codes": ["A", "B", "C"],
               "applicant": {"name": "张伟", "id_number": holder, "credential": "idcard"},
               "form": {"phone": "13900000000"}, "materials": [
                   {"material": "营业执照", "kind": "license",
                    "license_identifier": licenses[0]["identifier"]}],
               "decision": "review"}
        submitted = await g.submit_application(app, "contract-test-key-0001")
        assert len(submitted.case_numbers) == 3  # a bundle fans out to one case per item
        status = await g.case_status(submitted.case_numbers[0])
        assert status.status == "under_review"
        rating = {"case_number": submitted.case_numbers[0], "item_code": "A", "level": 5,
                  "channel": "self_service_terminal"}
        assert (await g.rate(rating, "rating-key-00000001")).id
        assert (await g.report_not_done({"kiosk_id": "SIM-0001", "service_code": "KFD",
                                         "description": "找不到我要办的事项"},
                                        "feedback-key-00000001")).id
        # a 非常不满意 without a reason breaks the contract: sent past the checking transport,
        # the server refuses it with the contract's Problem
        plain = backend.gateway("SIM-0001")
        try:
            with pytest.raises(GatewayRejected) as exc:
                await plain.rate({**rating, "level": 1}, "rating-key-00000002")
        finally:
            await plain.aclose()
        assert exc.value.backend_code == "invalid_request"
        with pytest.raises(GatewayRejected):
            await g.case_status("NO-SUCH-CASE")
        _s, body = await g.request("POST", "/v1/face/verify", json={
            "kiosk_id": "SIM-0001", "credential": "idcard", "id_number": holder, "name": "张伟",
            "live_jpeg_b64": base64.b64encode(resources.files("kiosk.sim").joinpath(
                "faces/genuine-b.jpg").read_bytes()).decode(), "liveness_passed": True})
        assert body["passed"] is True  # the registry photo of that number is this person
    finally:
        await g.aclose()
    assert transport.checked >= 11  # every call above but the deliberately invalid one


async def test_expired_licenses_are_served_as_such(backend: BackendServer) -> None:
    holder = card("zhang-wei").record.id_number
    async with backend.async_client() as c:
        await c.post("/sim/faults", json={"expired_licenses": True})
    g = GatewayClient(backend.url, "SIM-0001", transport=ContractTransport(backend.tls("SIM-0001")))
    try:
        lics = await g.search_licenses(holder, "x")
        assert {lic["status"] for lic in lics} == {"expired"}
        with pytest.raises(GatewayRejected) as exc:
            await g.pull_license(lics[0]["identifier"], holder, "x")
        assert exc.value.backend_code == "license_expired"
    finally:
        await g.aclose()
        async with backend.async_client() as c:
            await c.post("/sim/faults", json={"expired_licenses": False})
