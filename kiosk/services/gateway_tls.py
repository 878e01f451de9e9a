"""The TLS a kiosk speaks to the government gateway with: the server's certificate always
verified (against the configured CA bundle, or the system's authorities), and the kiosk's own
client certificate presented where one is configured (mutual TLS: the gateway knows the kiosk
by it). There is no setting that turns verification off."""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from pathlib import Path


class GatewayTlsError(ValueError):
    """A configured CA bundle, certificate or key cannot be used: which one, and why."""


def gateway_tls(ca_bundle: Path | None = None, client_cert: Path | None = None,
                client_key: Path | None = None) -> ssl.SSLContext:
    try:
        ctx = ssl.create_default_context(cafile=str(ca_bundle) if ca_bundle else None)
    except (OSError, ssl.SSLError) as exc:
        raise GatewayTlsError(f"backend_ca_bundle {ca_bundle}: {exc}") from None
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    if client_cert is not None:
        try:
            ctx.load_cert_chain(client_cert, client_key)
        except (OSError, ssl.SSLError) as exc:
            raise GatewayTlsError(f"backend_client_cert {client_cert}: {exc}") from None
    return ctx


@dataclass(frozen=True)
class GatewayEndpoint:
    """Where the gateway is and how the kiosk proves itself to it: the configured one, or — on
    simulated devices — the simulated backend the kiosk started, its authority and the
    certificate it issued this kiosk."""

    url: str
    ca_bundle: Path | None = None
    client_cert: Path | None = None
    client_key: Path | None = None

    def tls(self) -> ssl.SSLContext:
        return gateway_tls(self.ca_bundle, self.client_cert, self.client_key)
