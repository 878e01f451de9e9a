"""How an ID card record is shown to staff: JSON keys of `kiosk idcard decode/read`, with
personal fields masked unless --reveal."""

from __future__ import annotations

from datetime import date
from typing import Any

from kiosk.domain.identity import IdCardRecord
from kiosk.domain.masking import mask_text

PERSONAL_KEYS = ("name", "birth", "address", "id_number", "pass_number", "english_name")




def _iso(d: date | None) -> str:
    return "long-term" if d is None else d.isoformat()


def record_to_json(r: IdCardRecord, *, reveal: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "card_type": r.card_type.value,
        "name": r.name,
        "sex": r.sex.value,
        "nation": {"code": r.nation_code, "name": r.nation} if r.nation_code else None,
        "birth": r.birth.isoformat(),
        "address": r.address,
        "id_number": r.id_number,
        "authority": r.authority,
        "valid_from": r.valid_from.isoformat(),
        "valid_to": _iso(r.valid_to),
    }
    if r.pass_number is not None or r.issue_count is not None:
        out["pass_number"] = r.pass_number
        out["issue_count"] = r.issue_count
    if r.english_name is not None:
        out["english_name"] = r.english_name
        out["nationality"] = r.nationality
        out["card_version"] = r.card_version
        if r.authority_code:
            out["authority_code"] = r.authority_code
    if not reveal:
        for k in PERSONAL_KEYS:
            v = out.get(k)
            if isinstance(v, str):
                out[k] = ("****-**-**" if k == "birth" else mask_text(v))
        out["masked"] = True
    return out
