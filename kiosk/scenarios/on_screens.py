"""Scenarios on the real screens, by keys (`drive: keys`, issue 20): the visit goes through the
kiosk's own QML (offscreen) on the same simulated kiosk as the headless scenarios, and the
scripted citizen uses nothing but a keyboard — Tab to a control and Enter, digits typed on a
number question, Pinyin spelt into a text field (`keys:` says how), a passport's MRZ data
typed field by field on its entry screen, the commitment signed by confirming twice, the
rating and the queue ticket chosen on the keys.

Everything the voice said is heard: a run fails when a personal value (a name, an ID number,
an address, a phone number, a personal answer) was said through the loudspeaker.

The core runs on its own thread (as under `kiosk run`); Qt runs on this one.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent

from kiosk.app import CoreThread
from kiosk.devices.camera.sim import Scene
from kiosk.flows.catalog import Catalog, load_catalog
from kiosk.flows.outcome import FlowResult
from kiosk.flows.passport_entry import MrzEntry
from kiosk.flows.schema import Bundle, FormField
from kiosk.scenarios.rig import (
    Scenario,
    ScenarioError,
    ScenarioRig,
    not_identified,
    passport_access_key,
)
from kiosk.scenarios.schema import InlineCard
from kiosk.sim.citizens import card
from kiosk.sim.payment_platform import HOUSEHOLDS
from kiosk.sim.phone import ScriptedPhone
from kiosk.ui.shell import Shell, build_shell
from kiosk.ui.touch import Finger, exists, find

END_SCREENS = ("goodbye", "result", "ended", "error")
HOME_BUTTONS = ("goodbyeHome", "resultHome", "endedHome", "errorRestart")
VISIT_LIMIT_S = 240.0


class Heard:
    """What the voices were given, in order (the audio guide's and the visit's)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, text: str, _lang: str) -> None:
        self.lines.append(text)


def key_of(ch: str) -> Qt.Key:
    """The key that types `ch` (printable ASCII: Qt's key codes are the upper-case codes)."""
    return Qt.Key(ord(ch.upper()))


class KeyboardCitizen(Finger):
    """A citizen with a keyboard and no touch: Tab until a control has the focus, then Enter."""

    def __init__(self, app: QGuiApplication, shell: Shell) -> None:
        super().__init__(app, shell.window)
        self.shell = shell
        self.pressed = 0

    def key(self, key: Qt.Key, text: str = "") -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QGuiApplication.sendEvent(self.window, QKeyEvent(
                kind, key, Qt.KeyboardModifier.NoModifier, text))
        self.pressed += 1
        self.pump(0.015)

    def type(self, text: str) -> None:
        for ch in text:
            self.key(key_of(ch), ch)

    def spell(self, words: str) -> None:
        """`keys:` words: Pinyin (first candidate, or the one a last digit names), or typed."""
        for word in words.split():
            if word[:1].islower():
                letters, choice = (word[:-1], word[-1]) if word[-1].isdigit() else (word, "")
                self.type(letters)
                self.pump(0.05)
                if choice:
                    self.key(key_of(choice), choice)
                else:
                    self.key(Qt.Key.Key_Space, " ")
            else:
                self.type(word)

    def focus(self, name: str, timeout_s: float = 10.0) -> None:
        """Tab until `name` has the focus (it must be on the screen first)."""
        self.until(lambda: exists(self.window, name), timeout_s, f"{name} to show")
        self.pump(0.05)
        for _ in range(80):
            item = self.window.activeFocusItem()
            if item is not None and item.objectName() == name:
                return
            self.key(Qt.Key.Key_Tab)
        raise TimeoutError(f"Tab never reached {name}")

    def press(self, name: str, timeout_s: float = 10.0) -> None:
        self.focus(name, timeout_s)
        self.key(Qt.Key.Key_Return, "\r")

    def screen(self) -> str:
        return self.shell.visit.current_screen()

    def wait_screen(self, *names: str, timeout_s: float = 30.0) -> None:
        self.until(lambda: self.screen() in names, timeout_s,
                   f"the {' or '.join(names)} screen (now {self.screen()})")
        self.pump(0.1)


def _tile_for(catalog: Catalog, service_id: str) -> str:
    item = catalog.find(service_id)
    category = "bundle" if isinstance(item, Bundle) else str(item.category)
    return "tile" + category.capitalize()


def _fields(catalog: Catalog, service_id: str) -> dict[str, FormField]:
    return {f.id: f for item in catalog.items_of(service_id) for f in item.fields}


def _personal(scenario: Scenario, fields: dict[str, FormField]) -> list[str]:
    """What must never be said through the loudspeaker in this scenario."""
    s = scenario.data
    written = scenario.spec.citizen.card
    values: list[str] = []
    if s["citizen"].get("credential") == "passport":  # what is typed from its bottom line
        entry = MrzEntry.of(passport_access_key(s["citizen"]))
        values += [entry.document_number, entry.birth, entry.expiry]
    elif isinstance(written, InlineCard):
        values += [written.name, written.address, written.id_number or ""]
    else:
        record = card(written).record
        values += [record.name, record.id_number, record.id_number[-6:], record.address or ""]
        # a household's contribution lists its members: their names are never said either
        values += [name for _n, name, _r in HOUSEHOLDS.get(record.id_number, [])]
    answers = s.get("answers") or {}
    for f in fields.values():
        if f.personal and f.input != "choice":
            values.append(str(answers.get(f.id, f.example or "")))
    return [v for v in values if len(v) >= 2]


class ScreensVisit:
    """One scenario on the screens: the keyboard citizen answers what each screen asks."""

    def __init__(self, citizen: KeyboardCitizen, rig: ScenarioRig, thread: CoreThread,
                 scenario: Scenario, catalog: Catalog) -> None:
        self.c = citizen
        self.rig = rig
        self.thread = thread
        self.scenario = scenario
        self.s = scenario.data
        self.service = catalog.find(str(self.s["service"])).id
        self.tile = _tile_for(catalog, self.service)
        self.fields = _fields(catalog, self.service)
        self.result: FlowResult | None = None
        self.ticket: dict[str, Any] | None = None
        self._answered: object = None  # the view last answered (each is answered once)
        self._pulled = False
        self._paying = False  # the phone has done what the file says

    def _on_core(self, coro: Any, timeout_s: float = 30.0) -> Any:
        return self.thread.submit(coro).result(timeout_s)

    def run(self, present: Callable[[], Any]) -> FlowResult:
        c = self.c
        c.wait_screen("home")
        if bool(self.s.get("elder")) != bool(c.shell.visit.elderMode):
            c.press("elderToggle")
        c.press(self.tile)
        c.wait_screen("services")
        c.press(f"service_{self.service}")
        c.wait_screen("intro")
        c.press("beginVisit")
        c.wait_screen("identify")
        self._on_core(present())
        deadline = time.perf_counter() + VISIT_LIMIT_S
        while True:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"the visit did not end within {VISIT_LIMIT_S:g} s "
                                   f"(on the {c.screen()} screen)")
            screen = c.screen()
            if screen in END_SCREENS and self.result is not None:
                break
            if screen == "error":  # the visit failed without a result: the kiosk's fault
                raise ScenarioError(f"{self.scenario.path}: the visit failed (error screen)")
            if screen == "identify" and exists(c.window, "identifyProblem") and \
                    find(c.window, "identifyProblem").property("text"):
                problem = str(find(c.window, "identifyProblem").property("text"))
                self._leave()
                return not_identified(self.service, problem)
            self._answer(screen)
            c.pump(0.05)
        if self.s["citizen"].get("takes_ticket") and exists(c.window, "takeTicket"):
            c.press("takeTicket")
            c.until(lambda: c.shell.visit.current_view().get("ticket")
                    in ("taken", "unavailable"), 30, "the queue ticket")
            view = c.shell.visit.current_view()
            self.ticket = {"number": view.get("ticketNumber", ""),
                           "printed": bool(view.get("ticketPrinted")),
                           "words": view.get("ticketWords", "")}
        self._leave()
        return self.result

    def _leave(self) -> None:
        c = self.c
        for button in (*HOME_BUTTONS, "navHome"):
            if exists(c.window, button):
                c.press(button)
                break
        c.pump(0.3)
        if exists(c.window, "leaveYes"):  # "end this visit?" is asked during a visit
            c.press("leaveYes")
        c.wait_screen("home")

    def _answer(self, screen: str) -> None:
        c = self.c
        view = c.shell.visit.current_view()
        if view is self._answered:
            return
        citizen = self.s["citizen"]
        if screen == "face_consent":
            c.press("faceConsentNo" if citizen.get("face") == "decline" else "faceConsentYes")
        elif screen in ("field", "confirm") and citizen.get("pull_card_at") == \
                ("form" if screen == "field" else "confirm"):
            if not self._pulled:
                self._pulled = True
                self._on_core(self.rig.lift_card())
            return
        elif screen == "passport":
            self._passport()
        elif screen == "field":
            self._field(view)
        elif screen == "confirm":
            c.press("confirmYes")
        elif screen == "sign":
            if self.s.get("sign_commitment"):
                c.press("signByKeys")
                c.press("signByKeys")  # the second press confirms
            else:
                c.press("signDecline")
        elif screen == "offers_consent":
            consent = bool((self.s.get("offers") or {}).get("consent"))
            c.press("offersConsentYes" if consent else "offersConsentNo")
        elif screen == "offers":
            self._offers(view)
        elif screen == "rate":
            self._rate()
        elif screen == "report":
            self._report()
        elif screen == "pay_offer":
            self._pay_offer(view)
        elif screen == "pay":
            if not view.get("qr") or view.get("paid"):
                return  # the order is being made, or the payment is in
            self._pay(view)
        else:
            return  # a screen that waits for the kiosk (face, working, finished)
        self._answered = view

    def _pay_offer(self, view: dict[str, Any]) -> None:
        """The amount and the payee: the members the file does not list are ticked off (by
        keys), then 去支付 — or 不缴了."""
        c, pay = self.c, self.scenario.spec.pay
        if not pay.accepts:
            c.press("payNo")
            return
        relations = {"self": "本人", "spouse": "配偶", "child": "子女", "parent": "父母",
                     "other": "家庭成员"}
        if pay.members is not None and view.get("choosable"):
            wanted = {relations[m] for m in pay.members}
            for i, line in enumerate(view.get("lines") or []):
                label = str(line.get("label", ""))
                if line.get("due") and not any(f"（{w}）" in label for w in wanted):
                    c.press(f"payLine_{i}")
        c.press("payGo")

    def _pay(self, view: dict[str, Any]) -> None:
        """The citizen's phone: it pays the QR code, or its payment code is held up to the
        camera; or the citizen presses 取消支付 (after the kiosk said a code did not pay)."""
        c, pay = self.c, self.scenario.spec.pay
        if self._paying:
            if pay.gives_up and (pay.phone != "declines" or view.get("problem")):
                c.press("payCancel")
            return
        self._paying = True
        assert self.rig.gateway is not None
        phone = ScriptedPhone(self.rig.gateway)
        if pay.phone != "never":
            if pay.by == "qr":
                self._on_core(phone.pay(str(view["qr"]),
                                        "declines" if pay.phone == "declines" else "pays"))
            else:
                code = self._on_core(phone.payment_code(
                    pay.wallet, "needs_pin" if pay.phone == "needs_pin" else
                    "declines" if pay.phone == "declines" else "pays"))
                self.rig.camera.set_scene(Scene.QR, qr_text=code)
        if pay.gives_up and (pay.phone in ("never", "pays") or pay.by == "qr"):
            c.press("payCancel")

    def _field(self, view: dict[str, Any]) -> None:
        c = self.c
        fid = str(view.get("id"))
        f = self.fields.get(fid)
        value = (self.s.get("answers") or {}).get(fid, f.example if f is not None else None)
        kind = view.get("input")
        if kind == "choice":
            options = [str(o.get("value")) for o in view.get("options") or []]
            if str(value) not in options:
                raise ScenarioError(f"{self.scenario.path}: answers.{fid}: {value!r} is not one "
                                    f"of the choices ({', '.join(options)})")
            c.press(f"choice_{options.index(str(value))}")
            return
        c.until(lambda: exists(c.window, "fieldNext"), 10, "the question")
        c.pump(0.1)  # the guide puts the focus on the new question
        if kind in ("phone", "number", "date"):
            typed = str(find(c.window, "fieldInput").property("text") or "")
            for _ in typed:  # an answer given before (a question asked again) is cleared
                c.key(Qt.Key.Key_Backspace)
            c.type(str(value))
        else:
            words = (self.s.get("keys") or {}).get(fid)
            text = str(value)
            if words is None and not text.isascii():
                raise ScenarioError(
                    f"{self.scenario.path}: keys.{fid}: the answer {text!r} is typed on a "
                    f"keyboard — say how, in Pinyin (keys: {{{fid}: ...}})")
            c.focus("fieldInput")
            c.until(lambda: exists(c.window, "inputPanel"), 10, "the on-screen keyboard")
            c.pump(0.2)
            for _ in str(find(c.window, "fieldInput").property("text") or ""):
                c.key(Qt.Key.Key_Backspace)
            if words is not None:
                c.spell(words)
            else:
                c.type(text)
                c.key(Qt.Key.Key_Return, "\r")  # letters kept as typed, not as Pinyin
        c.press("fieldNext")

    # the MRZ entry screen's inputs, in the order they are typed
    PASSPORT_INPUTS = (("passportDocument", "document_number"),
                       ("passportDocumentCheck", "document_check"), ("passportBirth", "birth"),
                       ("passportBirthCheck", "birth_check"), ("passportExpiry", "expiry"),
                       ("passportExpiryCheck", "expiry_check"))

    def _passport(self) -> None:
        """The passport's bottom line, typed field by field (each reached by Tab), then OK."""
        c = self.c
        entry = MrzEntry.of(passport_access_key(self.s["citizen"]))
        for name, part in self.PASSPORT_INPUTS:
            c.focus(name)
            c.type(str(getattr(entry, part)))
        c.press("passportSubmit")

    def _offers(self, view: dict[str, Any]) -> None:
        """政策找人: apply for the first offer the file names that is shown and not applied
        for yet (its commitment signed on the next screen), else go on."""
        wanted = (self.s.get("offers") or {}).get("apply", [])
        for i, offer in enumerate(view.get("offers") or []):
            if offer.get("id") in wanted and offer.get("applyHere") and not offer.get("applied"):
                self.c.press(f"offerApply_{i}")
                return
        self.c.press("offersDone")

    def _rate(self) -> None:
        c = self.c
        if self.s.get("rate_later") and c.shell.visit.current_view().get("ratingCode"):
            c.press("rateLater")
            return
        rating = self.s.get("rating")
        if not rating:
            c.press("rateSkip")
            return
        c.press(f"rate_{int(rating['level'])}")
        for reason in rating.get("reasons") or []:
            c.pump(0.1)
            buttons = [i for i in range(8) if exists(c.window, f"reason_{i}")]
            match = [i for i in buttons
                     if reason in str(find(c.window, f"reason_{i}").property("text"))]
            if not match:
                raise ScenarioError(f"{self.scenario.path}: rating.reasons: {reason!r} is not "
                                    f"one of the rating screen's reasons")
            c.press(f"reason_{match[0]}")
        c.press("rateSubmit")

    def _report(self) -> None:
        c = self.c
        text = self.s.get("report_not_done")
        if not text:
            c.press("reportSkip")
            return
        for i in range(8):
            name = f"report_{i}"
            if exists(c.window, name) and str(find(c.window, name).property("text")) == text:
                c.press(name)
                return
        raise ScenarioError(f"{self.scenario.path}: report_not_done: on the keys, one of the "
                            f"report screen's reasons is chosen; {text!r} is not one")


def run_on_screens(scenarios: list[Scenario], rig: ScenarioRig) -> list[dict[str, Any]]:
    """Run `scenarios` (drive: keys) through the real screens on `rig`'s kiosk; one result
    each, as the headless runner reports them (plus what was heard)."""
    catalog = load_catalog()
    thread = CoreThread()
    thread.start()
    results: list[dict[str, Any]] = []
    shell: Shell | None = None
    try:
        thread.submit(rig.start()).result(90)
        app = QGuiApplication.instance() or QGuiApplication(["kiosk-scenario"])
        assert isinstance(app, QGuiApplication)
        shell = build_shell(rig.config, rig.core, fullscreen=False, thread=thread)
        shell.visit.runner_ready(rig.runner)  # one runner: the rig reads how its visits ended
        citizen = KeyboardCitizen(app, shell)
        citizen.until(lambda: bool(shell.visit.ready), 90, "the visit machinery")
        for scenario in scenarios:
            results.append(_one(citizen, rig, thread, scenario, catalog))
    finally:
        if shell is not None:
            shell.dispose()
        try:
            thread.submit(rig.stop()).result(60)
        finally:
            thread.stop()
    return results


def _one(citizen: KeyboardCitizen, rig: ScenarioRig, thread: CoreThread, scenario: Scenario,
         catalog: Catalog) -> dict[str, Any]:
    started = time.perf_counter()
    shell = citizen.shell
    heard = Heard()
    shell.visit.speak = heard
    if shell.guide is not None:
        shell.guide.speak = heard
    visit = ScreensVisit(citizen, rig, thread, scenario, catalog)

    def ended(result: FlowResult) -> None:
        visit.result = result
    shell.visit.result_listeners.append(ended)
    prepared = thread.submit(rig.prepare(scenario)).result(60)
    pressed_before = citizen.pressed
    visit_started = time.perf_counter()
    try:
        result = visit.run(prepared.present)
    finally:
        shell.visit.result_listeners.remove(ended)
        thread.submit(rig.tidy(scenario)).result(60)
    visit_s = time.perf_counter() - visit_started
    out: dict[str, Any] = thread.submit(rig.conclude(
        scenario, result, prepared, ticket=visit.ticket, visit_s=visit_s,
        started=started)).result(120)
    said = list(heard.lines)
    for value in _personal(scenario, visit.fields):
        if any(value in line for line in said):
            out["failed"].append("voice: a personal value was said through the loudspeaker")
            break
    out.update(drive="keys", keys_pressed=citizen.pressed - pressed_before,
               spoken_lines=len(said))
    return out
