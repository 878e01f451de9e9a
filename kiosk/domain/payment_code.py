"""The payment code (付款码) a citizen's app shows for 被扫: a one-time number that changes every
minute. It is untrusted input read off the camera (through the isolated QR decoder): only a
code of a known shape is sent to the platform, and it is never logged or stored.

Known shapes: WeChat Pay 18 digits starting 10–15; Alipay 16–24 digits starting 25–30;
UnionPay 19 digits starting 62.
"""

from __future__ import annotations

from typing import Literal

Wallet = Literal["wechat", "alipay", "unionpay"]


class NotAPaymentCode(ValueError):
    """What was shown is not a payment code this kiosk takes (an e-ID, a web address, ...)."""


def wallet_of(text: str) -> Wallet:
    """Which app's payment code `text` is; NotAPaymentCode for anything else."""
    if not (text.isascii() and text.isdigit()):
        raise NotAPaymentCode("a payment code is digits only")
    head = int(text[:2]) if len(text) >= 2 else -1
    if len(text) == 18 and 10 <= head <= 15:
        return "wechat"
    if 16 <= len(text) <= 24 and 25 <= head <= 30:
        return "alipay"
    if len(text) == 19 and text.startswith("62"):
        return "unionpay"
    raise NotAPaymentCode(f"{len(text)} digits starting {text[:2]}: no known payment code")
