"""扫码评: a kiosk asks for a short-lived code for the cases of the receipt it prints; the code
opens the platform's mobile rating page on the citizen's phone (public, no sign-in: the code is
the key), whose answer is recorded against those cases with the channel `mobile_scan` — once,
within the code's life (kiosk/sim/rating_codes.py, kiosk/sim/rating_page.py)."""

from __future__ import annotations

import json
import uuid

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from kiosk.sim.backend_state import BackendState
from kiosk.sim.contract_check import caller_of, checked, problem
from kiosk.sim.rating_page import LEVELS, REASONS, form_page, message_page

_GONE = {"expired": ("评价码已过期",
                     "这张回执上的评价码已经过期。感谢您的关注，您可以在政务服务网或窗口评价。"),
         "used": ("已经评价过了", "这张回执上的服务已经评价过了，谢谢您。")}
_UNKNOWN = ("没有找到这个评价码", "请确认扫描的是易办自助终端回执上的评价码。")


def routes(st: BackendState) -> list[Route]:
    @checked("/v1/ratings/codes", "post")
    async def issue(r: Request) -> Response:
        kiosk = caller_of(r).kiosk_id
        assert kiosk is not None  # the contract's security: a kiosk certificate
        body = r.state.body
        cases = [(str(c["case_number"]), str(c["item_code"])) for c in body["cases"]]
        for case, _item in cases:
            if st.db.execute("SELECT 1 FROM cases WHERE case_number = ?", (case,)).fetchone() \
                    is None:
                return problem(404, "case_not_found", "no such case")
        code, new = st.rating_codes.issue(cases, str(body["service_title"]), st.clock.now(),
                                          f"{kiosk}\n{r.headers['Idempotency-Key']}")
        return JSONResponse({"code": code.code, "url": f"{_base(r)}/m/rate/{code.code}",
                             "expires_at": code.expires_at.isoformat(timespec="seconds")},
                            201 if new else 200)

    @checked("/m/rate/{code}", "get")
    async def page(r: Request) -> Response:
        found, why = st.rating_codes.usable(r.path_params["code"], st.clock.now())
        if found is None:
            return HTMLResponse(message_page(*_UNKNOWN), 404)
        if why:
            return HTMLResponse(message_page(*_GONE[why]), 409)
        return HTMLResponse(form_page(found.code, found.service_title,
                                      [c for c, _ in found.cases]))

    @checked("/m/rate/{code}", "post")
    async def rate(r: Request) -> Response:
        code = r.path_params["code"]
        found, why = st.rating_codes.usable(code, st.clock.now())
        if found is None:
            return HTMLResponse(message_page(*_UNKNOWN), 404)
        if why:
            return HTMLResponse(message_page(*_GONE[why]), 409)
        form = r.state.body
        level_text = form.get("level")
        level = int(level_text) if isinstance(level_text, str) and level_text in \
            {str(n) for n, _ in LEVELS} else 0
        ticked = form.get("reasons", [])
        reasons = tuple(x for x in ([ticked] if isinstance(ticked, str) else ticked)
                        if x in REASONS)
        comment = form.get("comment", "")
        comment = comment.strip()[:500] if isinstance(comment, str) else ""
        missing = "请选择满意程度" if not level else \
            "选“不满意”或“非常不满意”时，请至少选一个原因或写几句" \
            if level <= 2 and not (reasons or comment) else ""
        if missing:
            return HTMLResponse(form_page(code, found.service_title,
                                          [c for c, _ in found.cases], problem=missing,
                                          level=level, reasons=reasons, comment=comment), 422)
        if st.rating_codes.use(code, st.clock.now()) is None:  # used meanwhile
            return HTMLResponse(message_page(*_GONE["used"]), 409)
        with st.lock:
            for case, item in found.cases:
                st.db.execute("INSERT INTO acks VALUES (?, ?, ?, ?)", (
                    f"mobile:{code}:{case}", "rating", uuid.uuid4().hex[:12], json.dumps({
                        "case_number": case, "item_code": item, "level": level,
                        "channel": "mobile_scan", "reasons": list(reasons),
                        "comment": comment}, ensure_ascii=False)))
        return HTMLResponse(message_page("谢谢您的评价", "您的评价已记录，我们会认真改进。"))

    async def page_or_rate(r: Request) -> Response:
        return await (rate if r.method == "POST" else page)(r)

    return [Route("/v1/ratings/codes", issue, methods=["POST"]),
            Route("/m/rate/{code}", page_or_rate, methods=["GET", "POST"])]


def _base(r: Request) -> str:
    """Where this platform is reached: the address the kiosk used (a province's is public)."""
    return f"{r.url.scheme}://{r.url.netloc}"
