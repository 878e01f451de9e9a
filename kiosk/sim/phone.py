"""The citizen's phone in the simulated world: its payment app pays an order by the address in
the QR code the kiosk shows (主扫), or shows a payment code for the kiosk's camera to read
(被扫). Scenarios and the kill drill use it; a trainer can open the QR's address in a browser
instead (the simulated platform serves a page that pays)."""

from __future__ import annotations

from typing import Literal
from urllib.parse import urlparse

from kiosk.services.gateway import GatewayClient

Wallet = Literal["wechat", "alipay", "unionpay"]


class ScriptedPhone:
    def __init__(self, gateway: GatewayClient) -> None:
        self.gateway = gateway  # to the simulated backend, which plays the platform

    async def pay(self, pay_url: str, behaviour: Literal["pays", "declines"] = "pays") -> str:
        """Scan the kiosk's QR code and pay (or be declined by the bank): the order's status
        as the app then shows it."""
        _s, body = await self.gateway.request("POST", urlparse(pay_url).path,
                                              json={"behaviour": behaviour})
        return str(body["status"]) if isinstance(body, dict) else ""

    async def payment_code(self, wallet: Wallet = "wechat",
                           behaviour: Literal["pays", "needs_pin", "declines"] = "pays") -> str:
        """The payment code the app shows now (one use)."""
        _s, body = await self.gateway.request("POST", "/sim/payment-codes",
                                              json={"wallet": wallet, "behaviour": behaviour})
        if not isinstance(body, dict) or not isinstance(body.get("code"), str):
            raise ValueError("the simulated platform issued no payment code")
        return str(body["code"])
