"""What a citizen sees before starting a service: what it needs, how long it takes, and what
comes out of the printer, derived from the definitions (so a new YAML item gets it for free)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from kiosk.domain.languages import Lang
from kiosk.domain.money import yuan
from kiosk.flows.schema import Bundle, GuideNode

if TYPE_CHECKING:
    from kiosk.flows.catalog import Catalog


_CREDENTIAL = {
    "idcard": {"zh-Hans": "身份证", "zh-Hant": "身份證", "en": "ID card"},
    "passport": {"zh-Hans": "电子护照", "zh-Hant": "電子護照", "en": "e-passport"},
    "social_security": {"zh-Hans": "社会保障卡", "zh-Hant": "社會保障卡",
                        "en": "social security card"},
    "qr": {"zh-Hans": "电子身份码", "zh-Hant": "電子身份碼", "en": "e-ID QR code"},
}


def summary(catalog: Catalog, key: str, language: str) -> dict[str, Any]:
    lang = cast(Lang, language)
    item = catalog.find(key)
    items = catalog.items_of(key)
    credentials: list[str] = []
    for s in items:
        for c in s.credentials:
            if c not in credentials and all(c in x.credentials for x in items):
                credentials.append(c)
    licenses = sorted({lp.name[lang] for s in items for lp in s.pulls.licenses})
    commitment = any(s.commitment is not None for s in items)
    instant = all(s.approval == "instant" for s in items)
    documents = [d.title[lang] for s in items for d in s.documents] if instant else []
    # a visit: identify + face (~1 min), one minute per asked field, paying, printing
    asked = {f.id for s in items for f in s.fields if f.input is not None}
    paid = next((s.payment for s in items if s.payment is not None), None)
    minutes = 2 + len(asked) + (2 if commitment else 0) + (1 if documents else 0) + \
        (1 if paid else 0)
    return {
        "id": item.id, "title": item.titles[lang],
        "category": "bundle" if isinstance(item, Bundle) else item.category,
        "items": [s.titles[lang] for s in items] if isinstance(item, Bundle) else [],
        "credentials": [_CREDENTIAL[c][lang] for c in credentials],
        "faceCheck": any(s.face_check == "required" for s in items),
        "licenses": licenses, "commitment": commitment, "instant": instant,
        "documents": documents, "reviewDays": max(s.review_days for s in items),
        "minutes": minutes, "keywords": sorted({k for s in items for k in s.keywords}
                                               | set(item.keywords)),
        # it pulls e-licenses or records: it cannot be done while the backend is unreachable
        # (an application alone can: the outbox keeps it until the backend answers)
        "needsBackend": any(s.pulls.licenses or s.pulls.records for s in items)
        or paid is not None,  # the payment platform is reached through the backend
        # 缴费: what is paid and how much (a fixed fee in yuan; "" when chosen or quoted)
        "payment": None if paid is None else {
            "item": paid.item_name[lang], "payee": paid.payee[lang],
            "isService": paid.when == "is_the_service",
            "amount": yuan(paid.amount.fen) if paid.amount.fen is not None else "",
            "how": "fixed" if paid.amount.fen is not None
            else "tiers" if paid.amount.tiers is not None else "quote"},
    }


def all_summaries(catalog: Catalog, lang: str) -> list[dict[str, Any]]:
    """Every service and bundle; payments (缴费) after the other items, and items that are
    mostly done as part of a bundle last."""
    in_bundles = {i for b in catalog.bundles.values() for i in b.items}
    keys = sorted([*catalog.services, *catalog.bundles],
                  key=lambda k: (k in in_bundles, k in catalog.services and
                                 catalog.services[k].payment is not None))
    return [summary(catalog, k, lang) for k in keys]


def search(catalog: Catalog, text: str, lang: str) -> list[dict[str, Any]]:
    """Services whose title or keywords contain the text (any of the three languages)."""
    return [summary(catalog, k, lang) for k in catalog.search(text)]


def guide_node(node: GuideNode, language: str) -> dict[str, Any]:
    """One question of the 智能导办 tree, in `language`, with its answers' targets."""
    lang = cast(Lang, language)
    answers = []
    for a in node.answers or []:
        nxt = a.next
        answers.append({"label": a.label[lang],
                        "service": getattr(nxt, "service", None) or ""})
    return {"question": node.question[lang] if node.question else "", "answers": answers}
