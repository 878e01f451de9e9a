"""The simulated government backend (`kiosk sim backend`): the gateway contract
(kiosk/services/gateway.yaml) over SQLite, seeded with the ID-card simulator's sample citizens,
their e-licenses and records. `kiosk run --simulate` starts it on loopback.

It speaks HTTPS with mutual TLS, as a province's gateway does: a certificate authority of its
own (kiosk/sim/pki.py) signs the server's certificate and one client certificate per kiosk;
a kiosk is who its certificate says, and every help, queue and call operation is bound to it.
Staff sign in as themselves (kiosk/sim/staff_directory.py) and carry a bearer credential. The
contract's `security` says who may call what; the routes, one module per part of the contract
(kiosk/sim/routes/), are mounted on one app here.

Faults, set with POST /sim/faults (JSON): {"down": true} answers 503 to everything but /sim;
{"slow_s": 2.5} delays every answer; {"slow_submit_s": 20} only the answers to application
submissions (a backend that hangs at the worst moment of a visit); {"errors": 3} answers the
next 3 requests with 500; {"drop_after_commit": 1} processes the next submission, commits it,
then drops the connection mid-answer; {"expired_licenses": true} serves every license as
expired. POST /sim/licenses seeds extra e-licenses for one run (scenarios); GET /sim/cases
lists the cases (tests).

The population: every person with a valid ID number exists, as in a real registry; of most
the registries hold nothing (a record answer with `data: null`: no criminal record, never
insured — an answer, not an error). The sample deck's citizens have records, and POST
/sim/people registers people (scenario citizens) with a registry photo, an e-ID code and the
records given (any kind not given: nothing on record). Remote face
verification compares the live JPEG with the registry photo of that number using the real face
engine; no registry photo, or no match, does not pass. The sample world has two faces
(kiosk/sim/photos/photo-1.png, photo-2.png): deck citizens without a card photo are registered
with the first.

The hall around the kiosk (docs/hall.md): the platform matches the population against its
policies (政策找人, kiosk/sim/policies.py), the hall checks bookings in (预约签到,
kiosk/sim/appointments.py; POST /sim/bookings lays them), issues rating codes and serves the
phone's rating page (扫码评, /m/rate/{code}), and takes anonymous ratings limited per kiosk
(卡片评); GET /sim/ratings lists every rating recorded (tests).
"""

from __future__ import annotations

import asyncio
import shutil
import socket
import ssl
import tempfile
import threading
import time
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.types import ASGIApp, Receive, Scope, Send

from kiosk.domain.clock import KioskClock
from kiosk.services.gateway import GatewayClient
from kiosk.sim.backend_state import BackendState, Person, person_eid
from kiosk.sim.caller import Caller
from kiosk.sim.contract_check import EXCEPTION_HANDLERS, problem
from kiosk.sim.pki import KioskTlsFiles, SimulatedPki, peer_kiosk_id
from kiosk.sim.routes import (
    appointments,
    card_ratings,
    cases,
    control,
    help_requests,
    identity,
    licences,
    offers,
    payments,
    queue,
    ratings_later,
    records,
    staff,
)
from kiosk.sim.staff_directory import sample_password

__all__ = ["BackendServer", "BackendState", "Person", "create_app", "person_eid"]


def create_app(state: BackendState | None = None) -> ASGIApp:
    st = state or BackendState()
    routes = [r for part in (control, licences, records, cases, identity, queue, help_requests,
                             staff, payments, offers, appointments, ratings_later,
                             card_ratings)
              for r in part.routes(st)]
    app = Starlette(exception_handlers=EXCEPTION_HANDLERS, routes=routes)
    return _FaultLayer(_CallerLayer(app, st), st)


class _CallerLayer:
    """Who is calling, set on the request's state for the contract check and the handlers:
    the kiosk its verified client certificate names (put there per connection by the server's
    protocol, `_PeerAwareH11`), and the staff member whose session the bearer credential is."""

    def __init__(self, app: ASGIApp, state: BackendState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            state = scope.setdefault("state", {})
            token = ""
            for name, value in scope.get("headers", []):
                if name == b"authorization":
                    scheme, _, rest = value.decode("latin-1").partition(" ")
                    token = rest.strip() if scheme.lower() == "bearer" else ""
            state["caller"] = Caller(kiosk_id=state.get("kiosk_peer"),
                                     staff=self.state.staff.who(token))
        await self.app(scope, receive, send)


class _FaultLayer:
    """ASGI wrapper that applies the scripted faults around the real handlers."""

    def __init__(self, app: ASGIApp, state: BackendState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/sim"):
            await self.app(scope, receive, send)
            return
        f = self.state.faults
        if f.slow_s:
            await asyncio.sleep(f.slow_s)
        if f.slow_submit_s and scope.get("path") == "/v1/applications":
            await asyncio.sleep(f.slow_submit_s)
        if f.down:
            await problem(503, "down", "the backend is down (simulated)", True)(
                scope, receive, send)
            return
        if f.errors > 0:
            f.errors -= 1
            await problem(500, "server_error", "simulated failure", True)(scope, receive, send)
            return
        if f.drop_after_commit > 0 and scope["path"] == "/v1/applications":
            f.drop_after_commit -= 1

            async def send_then_drop(message: MutableMapping[str, Any]) -> None:
                if message["type"] == "http.response.start":
                    await send(message)
                    raise ConnectionAbortedError("simulated: dropped after processing")
            await self.app(scope, receive, send_then_drop)
            return
        await self.app(scope, receive, send)


def _peer_aware_protocol() -> type[asyncio.Protocol]:
    """uvicorn's h11 protocol that puts the kiosk a connection's client certificate names into
    each of its requests' state (uvicorn offers no TLS details to the app itself)."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class _PeerAwareH11(H11Protocol):
        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            tls = transport.get_extra_info("ssl_object")
            peer = peer_kiosk_id(tls.getpeercert() if tls is not None else None)
            self.app_state = {**self.app_state, "kiosk_peer": peer}

    return _PeerAwareH11


class BackendServer:
    """The simulated backend on loopback in a background thread (uvicorn), HTTPS with mutual
    TLS from an authority made at start (`pki`)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0,
                 db_path: Path | None = None, clock: KioskClock | None = None) -> None:
        self.state = BackendState(db_path, clock=clock)
        self.pki = SimulatedPki((host, "localhost"))
        self.host = host
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # accepted connections inherit it: answers are not held back by Nagle + delayed ACK
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._sock.bind((host, port))
        # listening now holds the port: with SO_REUSEADDR two servers can both bind a port
        # that no one listens on yet, and the later one's listen, in its thread, failed
        # unseen (two kiosks started at once; one was left without a backend)
        try:
            self._sock.listen(128)
        except OSError:
            self._sock.close()
            raise
        self.port = self._sock.getsockname()[1]
        self._thread: threading.Thread | None = None
        self._server: Any = None
        self._tls_dir: Path | None = None  # kiosks' certificates handed out by `gateway`

    @property
    def url(self) -> str:
        return f"https://{self.host}:{self.port}"

    def start(self) -> None:
        import uvicorn

        config = uvicorn.Config(create_app(self.state), log_level="warning", lifespan="off",
                                access_log=False, http=_peer_aware_protocol(),
                                timeout_graceful_shutdown=1)
        config.load()
        config.ssl = self.pki.server_context()  # made in memory, not from files
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run,
                                        kwargs={"sockets": [self._sock]}, daemon=True,
                                        name="sim-backend")
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started and time.monotonic() < deadline:
            if not self._thread.is_alive():
                break
            time.sleep(0.01)
        if not self._server.started:
            self.stop()
            raise RuntimeError(f"simulated backend did not start on {self.url}")

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(5)
        self._sock.close()
        if self._tls_dir is not None:
            shutil.rmtree(self._tls_dir, ignore_errors=True)

    # --- what a kiosk, a test or the staff peer needs to talk to it ------------------------
    def gateway(self, kiosk_id: str, **options: Any) -> GatewayClient:
        """A kiosk's gateway client for this backend: its certificate (kept in a private folder
        while the server runs) and the authority to check the server against."""
        if self._tls_dir is None:
            self._tls_dir = Path(tempfile.mkdtemp(prefix="sim-backend-tls-"))
        files = self.kiosk_files(self._tls_dir / kiosk_id, kiosk_id)
        return GatewayClient(self.url, kiosk_id, ca_bundle=files.ca, client_cert=files.cert,
                             client_key=files.key, **options)

    def kiosk_files(self, folder: Path, kiosk_id: str) -> KioskTlsFiles:
        """The authority and a certificate for `kiosk_id`, written to `folder`."""
        return self.pki.write_kiosk_files(folder, kiosk_id)

    def tls(self, kiosk_id: str | None = None) -> ssl.SSLContext:
        """A client's TLS: the authority trusted, and `kiosk_id`'s certificate if given."""
        return self.pki.client_context(kiosk_id)

    def client(self, kiosk_id: str | None = None, **kwargs: Any) -> httpx.Client:
        return httpx.Client(base_url=self.url, verify=self.tls(kiosk_id), **kwargs)

    def async_client(self, kiosk_id: str | None = None, **kwargs: Any) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=self.url, verify=self.tls(kiosk_id), **kwargs)

    def staff_token(self, staff_id: str = "wangfang") -> str:
        """Sign a sample staff member in (their sample password), without a round trip."""
        session = self.state.staff.sign_in(staff_id, sample_password(staff_id))
        if session is None:
            raise KeyError(staff_id)
        return session.token
