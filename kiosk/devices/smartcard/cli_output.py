"""How a PC/SC card read is shown to staff: JSON keys of `kiosk card read`, with personal
fields masked unless --reveal (the same masking as `kiosk idcard`)."""

from __future__ import annotations

from typing import Any

from kiosk.devices.smartcard.card_reading import CardResult
from kiosk.domain.masking import mask_text

PERSONAL_KEYS = ("document_number", "surname", "given_names", "social_security_number")


def card_to_json(result: CardResult, *, reveal: bool = False) -> dict[str, Any]:
    ident = result.identity
    out: dict[str, Any] = {
        "credential": ident.credential.value,
        "document_number": ident.document_number,
        "nationality": ident.nationality,
        "sex": ident.sex.value,
        "birth": ident.birth.isoformat() if ident.birth else None,
        "expiry": ident.expiry.isoformat() if ident.expiry else None,
        "photo": {"present": ident.photo is not None, "format": ident.photo_format},
        "sod_verified": bool(result.passport and result.passport.sod.verified),
    }
    if result.passport is not None:
        out["surname"] = result.passport.mrz.surname
        out["given_names"] = result.passport.mrz.given_names
        out["sod_chain"] = result.passport.sod.chain
        out["apdus"] = result.passport.apdu_count
    if result.social_security is not None:
        s = result.social_security
        out["surname"] = s.name
        out["given_names"] = ""
        out["social_security_number"] = s.ssn
        out["nation"] = {"code": s.nation_code, "name": s.nation}
        out["card_version"] = s.spec_version
    if not reveal:
        for k in PERSONAL_KEYS:
            if isinstance(out.get(k), str) and out[k]:
                out[k] = mask_text(out[k])
        if out["birth"]:
            out["birth"] = "****-**-**"
        out["masked"] = True
    return out
