"""The payment platform's answers (docs/api/gateway.yaml, /v1/payments/...) as typed values,
checked before anyone uses them: an amount is a whole number of fen within limits (never a
float, never a string), a status one of the contract's, a number of the contract's shape. A
body that does not fit is a GatewayBadAnswer (kiosk.services.gateway_answers.parse_answer)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from kiosk.domain.money import MAX_FEN
from kiosk.services.gateway_answers import ShortWords, Text, Token, _Answer

Fen = Annotated[int, Field(ge=1, le=MAX_FEN)]
FenOrNone = Annotated[int, Field(ge=0, le=MAX_FEN)]
OrderNo = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{6,32}$")]
# an address to show as a QR code or to print: printable ASCII, no spaces
Address = Annotated[str, StringConstraints(min_length=1, max_length=512,
                                           pattern=r"^[\x21-\x7e]+$")]
OrderStatus = Literal["created", "paying", "paid", "closed", "refunded"]


class QuoteLine(_Answer):
    ref: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{8,32}$")]
    name: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    relation: Literal["self", "spouse", "child", "parent", "other"]
    amount_fen: Fen
    due: bool


class QuoteAnswer(_Answer):
    kind: Literal["resident_medical_insurance"]
    period: ShortWords
    lines: Annotated[list[QuoteLine], Field(max_length=20)]


class OrderAnswer(_Answer):
    order_no: OrderNo
    status: OrderStatus
    amount_fen: Fen
    refunded_fen: FenOrNone
    pay_url: Address
    expires_in_s: Annotated[int, Field(ge=0, le=86400)]
    transaction_id: Token | None = None
    paid_at: Text | None = None
    failure: Literal["declined", "code_unknown", "code_used"] | None = None


class RefundAnswer(_Answer):
    refund_no: OrderNo
    order_no: OrderNo
    amount_fen: Fen
    status: Literal["refunded"]
    refunded_at: Text = ""


class EReceiptAnswer(_Answer):
    """财政电子票据: its numbers and where it is checked (the payer's name stays here)."""

    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{8}$")]
    number: Annotated[str, StringConstraints(pattern=r"^[0-9]{10}$")]
    check_code: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z]{6}$")]
    issued_on: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    payer: Text
    payee: Text
    amount_fen: Fen
    verify_url: Address


class StatementLine(_Answer):
    order_no: OrderNo
    transaction_id: Token
    paid_at: Text
    amount_fen: Fen
    refunded_fen: FenOrNone
    status: Literal["paid", "refunded"]
    fee_fen: FenOrNone


class StatementAnswer(_Answer):
    day: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    lines: Annotated[list[StatementLine], Field(max_length=10000)]
