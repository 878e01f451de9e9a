"""The flow engine: runs a service item or a 一件事 bundle for one identified citizen, step by
step (face check → pull e-licenses and records → fill the form → review → materials and
commitment → decide → submit → print → rate), talking to the citizen only through the
Interaction port. The session is wiped whatever happens.

Outcomes: approved (秒批, documents printed), submitted (for review), rejected (a rule said
no, with its words), referred (a rule could not be evaluated: staff decide), abandoned (the
citizen declined or gave up).
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Awaitable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal, TypeVar, cast

from kiosk.devices.printers.document_printer import CupsDocumentPrinter
from kiosk.devices.printers.receipt_printer import EscposReceiptPrinter
from kiosk.documents.certificate import CertificateContent
from kiosk.documents.issuer import CertificateIssuer, IssuedCertificate
from kiosk.documents.qr_payload import mask_name
from kiosk.documents.receipt import case_receipt, to_escpos
from kiosk.documents.reprint_store import ReprintStore
from kiosk.domain.masking import mask_text
from kiosk.face.check import FaceCheck, FrameSource, Outcome
from kiosk.face.verifier import FaceVerifier
from kiosk.flows.catalog import Catalog
from kiosk.flows.interaction import FilledField, Interaction
from kiosk.flows.print_step import print_outputs
from kiosk.flows.rules import Verdict
from kiosk.flows.schema import Bundle, FormField, ServiceDefinition
from kiosk.services.errors import GatewayError, GatewayRejected
from kiosk.services.gateway import GatewayClient
from kiosk.services.outbox import Outbox, Uploader
from kiosk.session import Session

T = TypeVar("T")
Lang = Literal["zh-Hans", "zh-Hant", "en"]
LANGS = ("zh-Hans", "zh-Hant", "en")


@dataclass
class FlowPorts:
    catalog: Catalog
    gateway: GatewayClient
    outbox: Outbox
    uploader: Uploader
    reprints: ReprintStore
    kiosk_id: str
    face_check: FaceCheck | None = None
    camera: FrameSource | None = None
    verifier: FaceVerifier | None = None
    issuer: CertificateIssuer | None = None
    document_printer: CupsDocumentPrinter | None = None
    receipt_printer: EscposReceiptPrinter | None = None
    progress_url: str = "https://progress.example.gov.cn/c/"
    # WCAG 2.2.1: before a wait runs out, warn and give at least 20 s to extend
    still_there_grace_s: float = 30.0
    max_extensions: int = 3
    patience: float = 1.0  # elder mode waits longer for every answer (a factor on the budgets)
    # how long the submit step waits for the backend's case numbers before it tells the
    # citizen "submitted, uploading automatically" (the upload goes on in the background)
    submit_wait_s: float = 8.0


@dataclass
class FlowResult:
    service: str
    outcome: str
    reason: str = ""
    case_numbers: list[str] = field(default_factory=list)
    uploading: bool = False  # submitted to the outbox, not yet acknowledged by the backend
    form: dict[str, str] = field(default_factory=dict)  # personal values masked
    printed: list[str] = field(default_factory=list)
    print_problems: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    certificates: list[IssuedCertificate] = field(default_factory=list)
    ratings: list[int] = field(default_factory=list)  # 五级好差评 levels given, if any


class _Stop(Exception):
    def __init__(self, outcome: str, reason: str) -> None:
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason




def _lookup(path: str, facts: dict[str, Any]) -> str | None:
    node: Any = facts
    for part in path.split("."):
        if isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return None
    return None if node is None or isinstance(node, dict | list) else str(node)


class FlowEngine:
    def __init__(self, ports: FlowPorts) -> None:
        self.ports = ports

    async def run(self, service_id: str, session: Session, ui: Interaction) -> FlowResult:
        item = self.ports.catalog.find(service_id)
        items = self.ports.catalog.items_of(service_id)
        result = FlowResult(item.id, "abandoned")
        # a bundle waits as long as its most patient item
        self._budget = {step: float(max(getattr(s.time_budget_s, step) for s in items))
                        * self.ports.patience for step in ("face", "form", "sign", "print")}
        try:
            await self._run(item, items, session, ui, result)
        except _Stop as stop:
            result.outcome, result.reason = stop.outcome, stop.reason
            if stop.outcome in ("rejected", "referred"):
                await self._report_not_done(item.id, stop.reason, ui)
        finally:  # completion, refusal, timeout, cancel, or the card pulled (task cancelled)
            session.wipe()
        return result

    async def _wait(self, step: str, awaitable: Awaitable[T], ui: Interaction) -> T:
        """Wait for the citizen within the step's time budget. When it runs out the citizen is
        asked "still there?" and has the grace period to extend (a few times at most); no
        answer, or "no", ends the visit. An answer given meanwhile still counts."""
        answer: asyncio.Future[T] = asyncio.ensure_future(awaitable)
        try:
            for extension in range(self.ports.max_extensions + 1):
                ui.deadline(self._budget[step])
                done, _ = await asyncio.wait({answer}, timeout=self._budget[step])
                if done:
                    return answer.result()
                if extension == self.ports.max_extensions:
                    break
                asked = asyncio.ensure_future(ui.still_there(self.ports.still_there_grace_s))
                either: set[asyncio.Future[Any]] = {answer, asked}
                done, _ = await asyncio.wait(either,
                                             timeout=self.ports.still_there_grace_s,
                                             return_when=asyncio.FIRST_COMPLETED)
                if answer in done:
                    asked.cancel()
                    return answer.result()
                if asked not in done:
                    asked.cancel()
                    break
                if not asked.result():
                    break
            raise _Stop("abandoned", f"timed out at {step}")
        finally:
            if not answer.done():
                answer.cancel()

    async def _report_not_done(self, service: str, reason: str, ui: Interaction) -> None:
        """办不成事: the citizen may say what they could not get done (optional)."""
        try:
            async with asyncio.timeout(self._budget["form"]):
                text = await ui.report_not_done(reason)
        except TimeoutError:
            return
        if text:
            entry = self.ports.outbox.put("feedback", {"kiosk_id": self.ports.kiosk_id,
                                                       "service_code": service,
                                                       "description": text[:2000]},
                                          service=service)
            await self.ports.uploader.deliver_within(entry, self.ports.submit_wait_s)

    @staticmethod
    def _begin(name: str, ui: Interaction) -> float:
        ui.step(name)
        return time.perf_counter()

    async def _run(self, item: ServiceDefinition | Bundle, items: list[ServiceDefinition],
                   session: Session, ui: Interaction, result: FlowResult) -> None:
        p = self.ports
        lang: Lang = cast(Lang, session.locale if session.locale in LANGS else "zh-Hans")
        identity = session.identity
        if identity is None:
            raise _Stop("abandoned", "no identity")
        session.learn(*identity.personal_values())
        accepted = {c for s in items for c in s.credentials}
        cred = {"social_security": "ssc"}.get(identity.credential.value,
                                             identity.credential.value)
        if cred not in accepted:
            raise _Stop("rejected", {"zh-Hans": "此事项不接受该证件，请使用身份证办理",
                                     "zh-Hant": "此事項不接受該證件，請使用身份證辦理",
                                     "en": "This service does not accept this document"}[lang])

        # face check
        if any(s.face_check == "required" for s in items):
            t = self._begin("face_check", ui)
            if p.face_check is None or p.camera is None or p.verifier is None:
                raise _Stop("referred", "face check unavailable: staff-assisted check")
            outcome = (await self._wait("face", p.face_check.run(p.camera, p.verifier, ui), ui)
                       ).outcome
            result.timings["face_check"] = time.perf_counter() - t
            if outcome is Outcome.DECLINED:
                raise _Stop("abandoned", "face check declined: staff-assisted check offered")
            if outcome is Outcome.NO_MATCH:
                raise _Stop("rejected", {"zh-Hans": "人脸与证件不一致",
                                         "zh-Hant": "人臉與證件不一致",
                                         "en": "The face does not match the document"}[lang])
            if outcome is not Outcome.PASSED:
                raise _Stop("abandoned", f"face check {outcome.value}")

        # facts: identity, pulled e-licenses and records
        t = self._begin("pull_licenses", ui)
        facts: dict[str, Any] = {
            "identity": {"name": identity.name, "id_number": identity.id_number or "",
                         "age": _age(identity.birth), "sex": identity.sex.value,
                         "nationality": identity.nationality or ""},
            "licenses": [], "license": {}, "records": {}, "form": {},
            "commitment_blocked": False,
        }
        holder = identity.id_number or identity.document_number or ""
        wanted = {lp.type: lp for s in items for lp in s.pulls.licenses}
        try:
            if wanted:
                ui.progress("正在获取电子证照")
                by_code = {lp.type_code: name for name, lp in wanted.items()}
                purpose = next(iter(wanted.values())).purpose["zh-Hans"]
                found = await p.gateway.search_licenses(holder, purpose, list(by_code))
                for lic in found:
                    kind = by_code.get(lic.get("type_code", ""))
                    if kind is not None and lic.get("status") == "valid":
                        facts["licenses"].append(kind)
                        facts["license"][kind] = lic
            for s in items:
                for rp in s.pulls.records:
                    if rp.kind not in facts["records"]:
                        try:
                            rec = await p.gateway.fetch_record(rp.kind, holder,
                                                               rp.purpose["zh-Hans"])
                        except GatewayRejected:
                            continue  # no such record: the rules that need it refer to staff
                        facts["records"][rp.kind] = rec["data"]
        except GatewayError:
            raise _Stop("referred", {"zh-Hans": "暂时无法连接政务服务系统，请到窗口办理或稍后再试",
                                     "zh-Hant": "暫時無法連接政務服務系統，請到窗口辦理或稍後再試",
                                     "en": "The government service cannot be reached; please "
                                           "go to a service counter or try later"}[lang]) \
                from None
        for name, lp in wanted.items():
            if lp.required and name not in facts["license"]:
                raise _Stop("rejected", {
                    "zh-Hans": f"未查询到电子证照：{lp.name['zh-Hans']}",
                    "zh-Hant": f"未查詢到電子證照：{lp.name['zh-Hant']}",
                    "en": f"No valid e-license found: {lp.name['en']}"}[lang])
        session.facts = facts
        result.timings["pull_licenses"] = time.perf_counter() - t

        # the form: pre-filled fields from sources, the rest asked
        t = self._begin("fill_form", ui)
        filled: list[FilledField] = []
        seen: set[str] = set()
        for s in items:
            for f in s.fields:
                if f.id in seen:
                    continue
                seen.add(f.id)
                value = await self._field_value(f, facts, ui, lang)
                source = (f.source or "citizen").split(".")[0]
                filled.append(FilledField(f.id, f.label[lang], value, source, f.personal,
                                          f.masked_on_screen))
                session.form[f.id] = value
                if f.personal:
                    session.learn(value)
        facts["form"] = dict(session.form)
        result.timings["fill_form"] = time.perf_counter() - t
        result.form = {f.id: (mask_text(f.value) if f.personal else f.value) for f in filled}
        if not await self._wait("form", ui.confirm_form(filled), ui):
            raise _Stop("abandoned", "the citizen did not confirm the form")

        # materials: attached by reference, or a signed commitment, or missing
        t = self._begin("materials", ui)
        materials: list[dict[str, str]] = []
        need_commitment: list[ServiceDefinition] = []
        for s in items:
            for m in s.materials:
                if m.covered_by_license and m.covered_by_license in facts["license"]:
                    materials.append({"material": m.id, "kind": "license", "license_identifier":
                                      facts["license"][m.covered_by_license]["identifier"]})
                elif m.commitment_allowed:
                    if s not in need_commitment:
                        need_commitment.append(s)
                else:
                    raise _Stop("rejected", {"zh-Hans": f"缺少材料：{m.name['zh-Hans']}",
                                             "zh-Hant": f"缺少材料：{m.name['zh-Hant']}",
                                             "en": f"Missing: {m.name['en']}"}[lang])
        commitment: dict[str, Any] | None = None
        for s in need_commitment:
            assert s.commitment is not None
            blocked = [r for r in p.catalog.rules[s.id] if r.rule_id == "commitment_not_eligible"]
            if blocked and blocked[0].evaluate(facts).verdict is not Verdict.FAIL:
                raise _Stop("rejected", {"zh-Hans": "您暂不适用告知承诺，请到窗口办理",
                                         "zh-Hant": "您暫不適用告知承諾，請到窗口辦理",
                                         "en": "Commitment is not available to you; please "
                                               "go to a service counter"}[lang])
            text = s.commitment.text[lang]
            signed = await self._wait("sign", ui.sign_commitment(text), ui)
            if signed is None:
                raise _Stop("abandoned", "the citizen did not sign the commitment")
            digest = hashlib.sha256(text.encode()).hexdigest()
            if signed.text_sha256 != digest:
                raise _Stop("abandoned", "the signed text is not the text shown")
            commitment = {"text_sha256": digest,
                          "signed_at": datetime.now().astimezone().isoformat(timespec="seconds"),
                          "signature_strokes": [list(map(list, st)) for st in signed.strokes]}
            session.signature = commitment
            for m in s.materials:
                if m.commitment_allowed and not (m.covered_by_license and
                                                 m.covered_by_license in facts["license"]):
                    materials.append({"material": m.id, "kind": "commitment",
                                      "commitment_hash": digest})
        result.timings["materials"] = time.perf_counter() - t

        # decide
        t = self._begin("decide", ui)
        for s in items:
            for rule in p.catalog.rules[s.id]:
                if rule.rule_id == "commitment_not_eligible":
                    continue
                verdict = rule.evaluate(facts)
                if verdict.verdict is Verdict.ERROR:
                    raise _Stop("referred", {"zh-Hans": "需要工作人员核实，请到窗口办理",
                                             "zh-Hant": "需要工作人員核實，請到窗口辦理",
                                             "en": "Staff need to check this; please go to "
                                                   "a service counter"}[lang])
                if verdict.verdict is Verdict.FAIL:
                    raise _Stop("rejected", rule.message[lang])
        instant = all(s.approval == "instant" for s in items)
        result.timings["decide"] = time.perf_counter() - t

        # submit: durable first, then uploaded
        t = self._begin("submit", ui)
        ui.progress("正在提交")
        app = {"kiosk_id": p.kiosk_id, "service_code": item.id,
               "item_codes": [s.item_code for s in items],
               "applicant": {"name": identity.name, "id_number": holder,
                             "credential": identity.credential.value},
               "form": dict(session.form), "materials": materials,
               "decision": "approved" if instant else "review", "commitment": commitment}
        entry = p.outbox.put("application", app, service=item.id)
        cases = await p.uploader.deliver_within(entry, p.submit_wait_s)
        result.uploading = not cases  # kept in the outbox; it goes out by itself later
        # the outbox reference until the backend answers: the certificate and QR alphabet
        result.case_numbers = cases or [f"PENDING-{entry[:10].upper()}"]
        result.timings["submit"] = time.perf_counter() - t
        result.outcome = "approved" if instant else "submitted"

        # print
        t = self._begin("print", ui)
        case = result.case_numbers[0]
        issued: IssuedCertificate | None = None
        docs = [(s, d) for s in items for d in s.documents] if instant else []
        if docs and p.issuer is not None:
            s, d = docs[0]
            ui.progress("正在打印证明")
            values = dict(session.form)
            content = CertificateContent(
                title=d.title["zh-Hans"], document_number=case, service_code=s.item_code,
                issuer=d.issuer,
                holder_fields=[(f.label["zh-Hans"], session.form[f.id]) for f in s.fields
                               if f.source and f.source.startswith("identity")],
                body=[para.format(**values) for para in d.body],
                purpose=values.get(d.purpose_field or "", "办理相关事项"),
                issue_date=date.today(), kiosk_id=p.kiosk_id, printed_at=datetime.now())
            # in a worker thread: signing is CPU work, and pyHanko runs its own event loop
            issued = await asyncio.to_thread(p.issuer.issue, content, identity.name)
            result.certificates.append(issued)
        steps = [s.receipt.next_steps["zh-Hans"] for s in items]
        receipt = to_escpos(case_receipt(
            service=item.titles["zh-Hans"], case_numbers=result.case_numbers,
            when=datetime.now(), kiosk_id=p.kiosk_id, holder_masked=mask_name(identity.name),
            outcome="已提交，将自动上传" if result.uploading else
            "已办结（秒批）" if instant else "已受理，待审核", next_steps=steps,
            progress_url=p.progress_url + case))
        printed = await print_outputs(
            case_number=case, certificate=issued, receipt=receipt,
            document_printer=p.document_printer, receipt_printer=p.receipt_printer,
            store=p.reprints, locale=lang)
        result.printed = printed.printed
        result.print_problems = [f"{pr.document}: {pr.message.text}" for pr in printed.problems]
        result.timings["print"] = time.perf_counter() - t
        ui.finished(result.outcome, result.case_numbers, result.printed, result.print_problems,
                    uploading=result.uploading)

        # rate: one rating per item and case
        rated: list[str] = []
        for s, number in zip(items, result.case_numbers, strict=False):
            try:
                async with asyncio.timeout(self._budget["form"]):
                    answer = await ui.rate(s.item_code, number)
            except TimeoutError:
                answer = None  # rating is optional: a citizen who walks away just leaves
            if answer is not None:
                result.ratings.append(answer.level)
                rated.append(p.outbox.put(
                    "rating", {"case_number": number, "item_code": s.item_code,
                               "level": answer.level, "channel": "self_service_terminal",
                               "reasons": answer.reasons, "comment": answer.comment},
                    service=s.id))
        for entry in rated:
            await p.uploader.deliver_within(entry, p.submit_wait_s)

    async def _field_value(self, f: FormField, facts: dict[str, Any], ui: Interaction,
                           lang: Lang) -> str:
        if f.source is not None:
            path = f.source
            if path.startswith("license."):
                _l, kind, attr = path.split(".", 2)
                value = _lookup(attr, facts["license"].get(kind, {}))
            else:
                value = _lookup(path, facts)
            if value is None:  # the kiosk could not get it; staff at a counter can
                raise _Stop("referred", {
                    "zh-Hans": f"未能获取“{f.label['zh-Hans']}”，请到窗口由工作人员办理",
                    "zh-Hant": f"未能獲取「{f.label['zh-Hant']}」，請到窗口由工作人員辦理",
                    "en": f"Could not obtain “{f.label['en']}”; please go to a service "
                          "counter"}[lang])
            return value
        error = None
        for _attempt in range(3):
            answer = await self._wait("form", ui.ask_field(f, error), ui)
            if answer is None:
                raise _Stop("abandoned", f"no answer for {f.id}")
            error = _invalid(f, answer, lang)
            if error is None:
                return answer
        raise _Stop("abandoned", f"{f.id}: {error}")


def _invalid(f: FormField, value: str, lang: Lang) -> str | None:
    import re

    if f.input == "choice" and value not in f.options:
        return {"zh-Hans": "请从选项中选择", "zh-Hant": "請從選項中選擇",
                "en": "Please choose one of the options"}[lang]
    v = f.validate_
    if v is None:
        return None if value or not f.required else \
            {"zh-Hans": "此项必填", "zh-Hant": "此項必填", "en": "Required"}[lang]
    if (v.pattern and not re.fullmatch(v.pattern, value)) or \
            (v.min_length and len(value) < v.min_length) or \
            (v.max_length and len(value) > v.max_length):
        return v.message[lang]
    return None


def _age(birth: date | None) -> int | None:
    if birth is None:
        return None
    today = date.today()
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))

