"""Whole visits on the real QML, offscreen, by taps on objectNames, on the simulators: the ID card
reader on its pty, the camera with the real face models, the backend over HTTP, the receipt
printer's ESC/POS sink and cups-pdf. After every visit: nothing of the citizen is left in the
QML tree or the view models."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.devices.printers.escpos_status import Paper
from kiosk.flows.schema import TimeBudget
from kiosk.sim.citizens import card
from kiosk.sim.staff_directory import StaffMember, sample_password
from kiosk.sim.staff_peer import bearer
from tests.ui.driving import drag, exists, find, plain_text, tap, texts, wait_screen

pytestmark = pytest.mark.usefixtures("cupsd_running")

PHONE = "13912345678"


def personal_strings(card_id: str) -> list[str]:
    r = card(card_id).record
    return [r.name, r.id_number, r.id_number[-6:], r.address, PHONE]


def assert_nothing_left(shell, card_id: str) -> None:
    """The privacy walk: every text in the QML tree, and the view models, hold none of it."""
    shown = "\n".join(texts(shell))
    models = json.dumps([shell.visit.view, shell.visit.services, shell.visit.guide,
                         shell.visit.searchResults], ensure_ascii=False, default=str)
    for s in personal_strings(card_id):
        assert s not in shown, "personal data left on screen"
        assert s not in models, "personal data left in a view model"


def place_card(shell, card_id: str) -> None:
    shell.bridge.sim.placeCard(card_id)


def backend_cases(kiosk_core) -> list[dict]:
    with kiosk_core.hub.backend.client(timeout=5) as c:
        return list(c.get("/sim/cases").json()["cases"])


def go_to_service(shell, qtbot, tile: str, service: str) -> None:
    tap(shell, qtbot, tile)
    wait_screen(shell, qtbot, "services")
    tap(shell, qtbot, f"service_{service}")
    wait_screen(shell, qtbot, "intro")
    tap(shell, qtbot, "beginVisit")
    wait_screen(shell, qtbot, "identify")


def identified(shell, qtbot, tile: str, service: str, card_id: str) -> None:
    """Pick the service, place the card, agree to the face check: the first question shows."""
    go_to_service(shell, qtbot, tile, service)
    place_card(shell, card_id)
    tap(shell, qtbot, "faceConsentYes", timeout=15000)
    wait_screen(shell, qtbot, "field", timeout=30000)


def type_digits(shell, qtbot, digits: str) -> None:
    for d in digits:
        tap(shell, qtbot, f"key_{d}")


def test_instant_certificate_by_touch_prints_and_wipes(shell, core, qtbot, artifacts) -> None:
    kiosk_core, _thread = core
    identified(shell, qtbot, "tilePersonal", "criminal-record-certificate", "zhang-wei")
    assert "用途" in find(shell, "screenTitle").property("text")
    tap(shell, qtbot, "choice_1")
    wait_screen(shell, qtbot, "field")                     # phone: the numeric pad
    qtbot.waitUntil(lambda: exists(shell, "key_1"))
    type_digits(shell, qtbot, "139129")
    tap(shell, qtbot, "key_back")
    assert find(shell, "fieldInput").property("text") == "13912"  # the wrong digit is gone
    type_digits(shell, qtbot, "345678")
    assert find(shell, "fieldInput").property("text") == PHONE
    assert PHONE not in "\n".join(texts(shell))  # typed behind dots...
    tap(shell, qtbot, "fieldReveal")
    assert PHONE in "\n".join(texts(shell))      # ...until the citizen asks
    tap(shell, qtbot, "fieldNext")
    wait_screen(shell, qtbot, "confirm")
    shown = "\n".join(texts(shell))
    id_number = card("zhang-wei").record.id_number
    assert "张伟" in shown                          # names are shown: the citizen checks them
    assert id_number not in shown                   # numbers are masked by default
    assert id_number[:4] + "*" * 10 + id_number[-4:] in shown
    assert PHONE not in shown
    assert "来自：身份证件" in shown  # pre-filled values say where they came from
    for i in range(8):                              # 显示 on every masked row
        if exists(shell, f"revealValue_{i}"):
            tap(shell, qtbot, f"revealValue_{i}")
    shown = "\n".join(texts(shell))
    assert PHONE in shown
    assert id_number in shown
    shell.window.grabWindow().save(str(artifacts / "visit-confirm.png"))
    tap(shell, qtbot, "confirmYes")
    wait_screen(shell, qtbot, "rate", timeout=60000)
    take = find(shell, "takeDocuments").property("text")
    assert "证明文件" in take
    assert "回执" in take
    assert not exists(shell, "printProblem")
    assert kiosk_core.hub.receipt.receipts, "the receipt reached the ESC/POS printer"
    tap(shell, qtbot, "rate_5")
    tap(shell, qtbot, "rateSubmit")
    wait_screen(shell, qtbot, "goodbye")
    assert_nothing_left(shell, "zhang-wei")
    assert any(c["item_code"] for c in backend_cases(kiosk_core))
    tap(shell, qtbot, "goodbyeHome")
    wait_screen(shell, qtbot, "home")


def press(shell, qtbot, name: str, tries: int = 40) -> None:
    """A citizen on the keypad: Tab until `name` has the focus, then Enter."""
    window = shell.window
    for _ in range(tries):
        item = window.activeFocusItem()
        if item is not None and item.objectName() == name:
            QTest.keyClick(window, Qt.Key.Key_Return)
            return
        QTest.keyClick(window, Qt.Key.Key_Tab)
        qtbot.wait(20)
    raise AssertionError(f"Tab never reached {name}")


def type_on_keys(shell, digits: str) -> None:
    for d in digits:
        QTest.keyClick(shell.window, Qt.Key(Qt.Key.Key_0.value + int(d)))


def test_a_whole_visit_by_keys_only(shell, core, qtbot) -> None:
    """无犯罪记录证明 with no touch at all (issue 20's first path): Tab and Enter, digits typed."""
    kiosk_core, _thread = core
    press(shell, qtbot, "tilePersonal")
    wait_screen(shell, qtbot, "services")
    press(shell, qtbot, "service_criminal-record-certificate")
    wait_screen(shell, qtbot, "intro")
    press(shell, qtbot, "beginVisit")
    wait_screen(shell, qtbot, "identify")
    place_card(shell, "zhang-wei")              # the card goes on the reader by hand
    wait_screen(shell, qtbot, "face_consent", timeout=15000)
    press(shell, qtbot, "faceConsentYes")
    wait_screen(shell, qtbot, "field", timeout=30000)
    press(shell, qtbot, "choice_1")
    qtbot.waitUntil(lambda: exists(shell, "key_1"))
    qtbot.wait(100)                             # the guide puts the focus on the new question
    type_on_keys(shell, "139129")
    QTest.keyClick(shell.window, Qt.Key.Key_Backspace)
    type_on_keys(shell, "345678")
    assert find(shell, "fieldInput").property("text") == PHONE
    press(shell, qtbot, "fieldNext")
    wait_screen(shell, qtbot, "confirm")
    press(shell, qtbot, "confirmYes")
    wait_screen(shell, qtbot, "rate", timeout=60000)
    assert kiosk_core.hub.receipt.receipts, "the receipt reached the ESC/POS printer"
    press(shell, qtbot, "rateSkip")
    wait_screen(shell, qtbot, "goodbye")
    spoken = list(shell.guide.spoken)
    assert any(line.startswith("按钮，") for line in spoken)
    for private in personal_strings("zhang-wei"):   # labels only: nothing personal said
        assert not any(private in line for line in spoken), private


def test_commitment_is_signed_with_a_finger(shell, core, qtbot) -> None:
    identified(shell, qtbot, "tileBusiness", "public-place-health-permit", "zhang-wei")
    find(shell, "fieldInput").setProperty("text", "天河路385号首层")
    tap(shell, qtbot, "fieldNext")
    wait_screen(shell, qtbot, "field")                     # area: number pad
    qtbot.waitUntil(lambda: exists(shell, "key_1"))
    type_digits(shell, qtbot, "120")
    tap(shell, qtbot, "fieldNext")
    wait_screen(shell, qtbot, "confirm")
    assert "来自：电子证照" in "\n".join(texts(shell))
    tap(shell, qtbot, "confirmYes")
    wait_screen(shell, qtbot, "sign")
    assert "承诺" in find(shell, "commitmentText").property("text")
    assert not find(shell, "signSubmit").property("enabled")  # nothing signed yet
    tap(shell, qtbot, "zoomIn")
    drag(shell, [(0.2, 0.5), (0.3, 0.3), (0.4, 0.7), (0.5, 0.4)], find(shell, "signaturePad"))
    qtbot.waitUntil(lambda: find(shell, "signSubmit").property("enabled"))
    tap(shell, qtbot, "signSubmit")
    wait_screen(shell, qtbot, "rate", timeout=60000)
    assert "已办结" in find(shell, "outcomeHeading").property("text")
    tap(shell, qtbot, "rateSkip")
    wait_screen(shell, qtbot, "goodbye")
    assert_nothing_left(shell, "zhang-wei")


def test_a_bundle_by_the_guided_finder_opens_three_cases(shell, core, qtbot) -> None:
    kiosk_core, _thread = core
    before = len(backend_cases(kiosk_core))
    tap(shell, qtbot, "openGuide")
    wait_screen(shell, qtbot, "guide")
    tap(shell, qtbot, "guideAnswer_2")                      # 家里添了宝宝
    wait_screen(shell, qtbot, "intro")
    assert "新生儿" in find(shell, "screenTitle").property("text")
    tap(shell, qtbot, "beginVisit")
    place_card(shell, "wang-zhe")
    tap(shell, qtbot, "faceConsentYes", timeout=15000)
    wait_screen(shell, qtbot, "field", timeout=30000)      # the child's name
    find(shell, "fieldInput").setProperty("text", "王小满")
    tap(shell, qtbot, "fieldNext")
    wait_screen(shell, qtbot, "confirm")
    assert "来自：电子证照" in "\n".join(texts(shell))     # the birth medical certificate
    tap(shell, qtbot, "confirmYes")
    for _ in range(3):                                       # one rating per case
        wait_screen(shell, qtbot, "rate", timeout=60000)
        tap(shell, qtbot, "rate_4")
        tap(shell, qtbot, "rateSubmit")
        qtbot.waitUntil(lambda: shell.visit.screen != "rate" or True, timeout=1000)
        qtbot.wait(300)
    wait_screen(shell, qtbot, "goodbye")
    assert len(backend_cases(kiosk_core)) - before == 3
    assert_nothing_left(shell, "wang-zhe")


def test_pulling_the_card_mid_form_ends_the_visit(shell, core, qtbot) -> None:
    identified(shell, qtbot, "tilePersonal", "criminal-record-certificate", "zhang-wei")
    shell.bridge.sim.liftCard()
    wait_screen(shell, qtbot, "ended")
    assert "身份证已取走" in find(shell, "screenTitle").property("text")
    assert_nothing_left(shell, "zhang-wei")
    tap(shell, qtbot, "endedHome")
    wait_screen(shell, qtbot, "home")


def silent_voice(text: str, lang: str) -> None:
    """A voice that says nothing aloud: what it was given is in `shell.visit.spoken`."""


def test_elder_mode_says_each_answer_back_but_never_a_typed_value(shell, core, qtbot) -> None:
    shell.visit.speak = silent_voice
    tap(shell, qtbot, "elderToggle")
    identified(shell, qtbot, "tilePersonal", "criminal-record-certificate", "zhang-wei")
    assert any(s == "您同意了人脸核验" for s in shell.visit.spoken)
    tap(shell, qtbot, "choice_1")
    qtbot.waitUntil(lambda: any(s.startswith("您选择了：") for s in shell.visit.spoken))
    chosen = [s for s in shell.visit.spoken if s.startswith("您选择了：")][-1]
    assert chosen != "您选择了："                       # the option's label, in words
    wait_screen(shell, qtbot, "field")
    qtbot.waitUntil(lambda: exists(shell, "key_1"))
    type_digits(shell, qtbot, PHONE)
    tap(shell, qtbot, "fieldNext")
    wait_screen(shell, qtbot, "confirm")
    assert any(s.endswith("已填写") for s in shell.visit.spoken)
    assert not [s for s in shell.visit.spoken if PHONE in s or PHONE[-4:] in s]
    shell.bridge.sim.liftCard()
    wait_screen(shell, qtbot, "ended")
    tap(shell, qtbot, "endedHome")
    wait_screen(shell, qtbot, "home")
    assert not shell.visit.elderMode
    # what was said left with the citizen (the home screen says its greeting afresh)
    assert not [s for s in shell.visit.spoken if "您选择了" in s or s.endswith("已填写")]


def test_an_impostor_is_refused_in_words_and_may_report(shell, core, qtbot) -> None:
    go_to_service(shell, qtbot, "tilePersonal", "criminal-record-certificate")
    place_card(shell, "zhang-wei")
    wait_screen(shell, qtbot, "face_consent")
    shell.bridge.sim.face("impostor")
    tap(shell, qtbot, "faceConsentYes")
    wait_screen(shell, qtbot, "report", timeout=40000)
    assert "不一致" in find(shell, "refusalReason").property("text")
    tap(shell, qtbot, "report_3")
    wait_screen(shell, qtbot, "result")
    assert "不一致" in find(shell, "resultReason").property("text")
    assert_nothing_left(shell, "zhang-wei")


def test_paper_out_is_explained_and_the_case_stands(shell, core, qtbot) -> None:
    kiosk_core, _thread = core
    kiosk_core.hub.receipt.set_paper(Paper.OUT)
    identified(shell, qtbot, "tilePersonal", "social-insurance-certificate", "zhang-wei")
    tap(shell, qtbot, "choice_0")
    wait_screen(shell, qtbot, "confirm")
    tap(shell, qtbot, "confirmYes")
    wait_screen(shell, qtbot, "rate", timeout=60000)
    assert exists(shell, "printProblem")
    assert "补打" in find(shell, "printProblem").property("text")
    assert "证明文件" in find(shell, "takeDocuments").property("text")  # the A4 printer worked
    tap(shell, qtbot, "rateSkip")
    wait_screen(shell, qtbot, "goodbye")


def test_a_backend_that_hangs_at_submit_gets_the_outbox_receipt(shell, core, qtbot) -> None:
    """The backend stops answering submissions: the citizen is told, within the submit budget,
    that the application is saved and will go out by itself; it does, once the backend answers."""
    kiosk_core, _thread = core
    runner = shell.visit._runner
    kept = runner.ports
    runner.ports = replace(kept, submit_wait_s=1.0)  # the kiosk's config: wait 1 s, not 8
    try:
        _hanging_submit(shell, qtbot, kiosk_core)
    finally:
        runner.ports = kept


def _hanging_submit(shell, qtbot, kiosk_core) -> None:
    set_backend_faults(kiosk_core, slow_submit_s=4)
    identified(shell, qtbot, "tilePersonal", "social-insurance-certificate", "zhang-wei")
    tap(shell, qtbot, "choice_0")
    wait_screen(shell, qtbot, "confirm")
    tap(shell, qtbot, "confirmYes")
    wait_screen(shell, qtbot, "rate", timeout=60000)
    assert find(shell, "outcomeHeading").property("text") == "已提交，将自动上传"
    assert find(shell, "uploadingNote").property("visible")
    assert "不必重新办理" in find(shell, "uploadingNote").property("text")
    tap(shell, qtbot, "rateSkip")
    wait_screen(shell, qtbot, "goodbye")
    qtbot.waitUntil(lambda: len(backend_cases(kiosk_core)) == 1, timeout=15000)


def set_backend_faults(kiosk_core, **faults) -> None:
    with kiosk_core.hub.backend.client(timeout=5) as c:
        c.post("/sim/faults", json=faults).raise_for_status()


def test_an_unreachable_backend_is_on_the_strip_and_pauses_its_services(shell, core,
                                                                        qtbot) -> None:
    kiosk_core, _thread = core
    monitor = kiosk_core.monitor
    monitor._config = monitor._config.model_copy(update={
        "poll_interval_s": 0.1, "retry_initial_s": 0.1, "retry_max_s": 0.2})
    backend_link = next(d for d in kiosk_core.devices if d.name == "backend")
    backend_link.min_interval_s = 0
    chip = "deviceChip_backend"
    qtbot.waitUntil(lambda: "政务服务系统：正常" in "\n".join(texts(shell)), timeout=10000)
    assert exists(shell, chip)

    set_backend_faults(kiosk_core, down=True)
    qtbot.waitUntil(lambda: "政务服务系统：未连接" in "\n".join(texts(shell)), timeout=10000)
    tap(shell, qtbot, "tilePersonal")
    wait_screen(shell, qtbot, "services")
    # the criminal-record certificate pulls a record: paused, and a tap leads nowhere
    assert find(shell, "servicePaused_criminal-record-certificate").property("visible")
    tap(shell, qtbot, "service_criminal-record-certificate")
    qtbot.wait(300)
    assert shell.visit.current_screen() == "services"

    set_backend_faults(kiosk_core, down=False)
    # the list follows the backend while it is shown...
    qtbot.waitUntil(lambda: not find(shell, "servicePaused_criminal-record-certificate")
                    .property("visible"), timeout=10000)
    tap(shell, qtbot, "navHome")                    # ...and the strip on the home screen
    wait_screen(shell, qtbot, "home")
    qtbot.waitUntil(lambda: "政务服务系统：正常" in "\n".join(texts(shell)), timeout=10000)
    tap(shell, qtbot, "tilePersonal")
    wait_screen(shell, qtbot, "services")
    tap(shell, qtbot, "service_criminal-record-certificate")
    wait_screen(shell, qtbot, "intro")
    assert find(shell, "beginVisit").property("enabled")


def hall(kiosk_core, method: str, path: str, staff: str = "wangfang") -> dict:
    """The staff console's side of the gateway (the simulated hall), signed in as `staff`."""
    backend = kiosk_core.hub.backend
    with backend.client(timeout=5) as c:
        r = c.request(method, path, headers=bearer(backend.staff_token(staff)))
    r.raise_for_status()
    return dict(r.json())


def test_call_staff_reaches_the_hall_and_ends_with_the_visit(shell, core, qtbot,
                                                             artifacts: Path) -> None:
    kiosk_core, _thread = core
    go_to_service(shell, qtbot, "tilePersonal", "criminal-record-certificate")
    tap(shell, qtbot, "navStaff")
    qtbot.waitUntil(lambda: exists(shell, "helpDialog"), timeout=3000)
    tap(shell, qtbot, "helpOnsite")
    qtbot.waitUntil(lambda: "已通知工作人员" in find(shell, "helpStatus").property("text"),
                    timeout=5000)
    waiting = hall(kiosk_core, "GET", "/v1/help/requests")["requests"]
    assert [(r["screen"], r["service_code"], r["mode"], r["status"]) for r in waiting] == [
        ("identify", "criminal-record-certificate", "onsite", "waiting")]
    # the citizen gives up and goes home: the hall's list no longer shows the request
    tap(shell, qtbot, "navHome")
    if exists(shell, "leaveYes"):
        tap(shell, qtbot, "leaveYes")
    wait_screen(shell, qtbot, "home")
    qtbot.waitUntil(lambda: not hall(kiosk_core, "GET", "/v1/help/requests")["requests"],
                    timeout=5000)
    assert not find(shell, "helpStatus").property("visible")

    # the next citizen calls, and a staff member takes it in the console
    go_to_service(shell, qtbot, "tilePersonal", "criminal-record-certificate")
    tap(shell, qtbot, "navStaff")
    tap(shell, qtbot, "helpOnsite")
    qtbot.waitUntil(lambda: len(hall(kiosk_core, "GET", "/v1/help/requests")["requests"]) == 1,
                    timeout=5000)
    # ...and withdraws it (取消求助): it leaves the hall's list
    tap(shell, qtbot, "navWithdraw")
    assert find(shell, "helpStatus").property("text") == "已取消求助"
    qtbot.waitUntil(lambda: not hall(kiosk_core, "GET", "/v1/help/requests")["requests"],
                    timeout=5000)
    # a request left waiting on a screen no one touches ends with the quiet spell
    tap(shell, qtbot, "navStaff")
    tap(shell, qtbot, "helpOnsite")
    qtbot.waitUntil(lambda: len(hall(kiosk_core, "GET", "/v1/help/requests")["requests"]) == 1,
                    timeout=5000)
    assert shell.help.unattended()
    shell.help.left_alone(True)  # what the help's idle watcher does after help.unattended_s
    assert find(shell, "helpStatus").property("text") == "长时间无人操作，已结束求助"
    qtbot.waitUntil(lambda: not hall(kiosk_core, "GET", "/v1/help/requests")["requests"],
                    timeout=5000)

    # the next request is taken by a staff member whose directory name carries markup: the
    # kiosk shows it as characters, never as an image or formatting on the citizen's screen
    name = "<b>王</b><img src=http://x/a.png>"
    kiosk_core.hub.backend.state.staff.add(StaffMember("mallory", name, "9号窗口"),
                                           sample_password("mallory"))
    tap(shell, qtbot, "navStaff")
    tap(shell, qtbot, "helpOnsite")
    qtbot.waitUntil(lambda: len(hall(kiosk_core, "GET", "/v1/help/requests")["requests"]) == 1,
                    timeout=5000)
    (request,) = hall(kiosk_core, "GET", "/v1/help/requests")["requests"]
    hall(kiosk_core, "POST", f"/v1/help/requests/{request['id']}/accept", staff="mallory")
    status = find(shell, "helpStatus")
    qtbot.waitUntil(lambda: f"{name}（9号窗口）正在赶来" in status.property("text"),
                    timeout=8000)
    assert plain_text(status)
    shell.window.grabWindow().save(str(artifacts / "help-markup-name.png"))


def test_idle_asks_still_there_then_ends_and_resets_display(shell, core, qtbot) -> None:
    runner = shell.visit._runner
    svc = runner.ports.catalog.services["criminal-record-certificate"]
    runner.ports.catalog.services[svc.id] = svc.model_copy(
        update={"time_budget_s": TimeBudget(identify=2, form=2)})
    runner.ports = replace(runner.ports, still_there_grace_s=2)  # this test's kiosk only
    shell.visit.speak = silent_voice
    tap(shell, qtbot, "langEn")
    tap(shell, qtbot, "elderToggle")
    assert shell.visit.voiceOn  # elder mode speaks
    go_to_service(shell, qtbot, "tilePersonal", "criminal-record-certificate")
    # the step's time is read out before it runs out, then the question with its countdown
    qtbot.waitUntil(lambda: any(s.endswith("seconds left") for s in shell.visit.spoken),
                    timeout=8000)
    qtbot.waitUntil(lambda: exists(shell, "stillThereDialog"), timeout=8000)
    assert "Are you still there?" in "\n".join(texts(shell))
    qtbot.waitUntil(lambda: any(s.startswith("Are you still there? ")
                                for s in shell.visit.spoken), timeout=2000)
    tap(shell, qtbot, "stillThereYes")                       # one more spell, then walk away
    qtbot.waitUntil(lambda: not exists(shell, "stillThereDialog"), timeout=3000)
    qtbot.waitUntil(lambda: exists(shell, "stillThereDialog"), timeout=8000)
    wait_screen(shell, qtbot, "ended", timeout=10000)
    assert "no activity" in find(shell, "screenTitle").property("text")
    tap(shell, qtbot, "endedHome")
    wait_screen(shell, qtbot, "home")
    # the next citizen starts from the defaults
    assert shell.visit.language == "zh-Hans"
    assert not shell.visit.elderMode


def test_a_trainer_walks_through_with_the_simulator_panel(shell, core, qtbot,
                                                          artifacts: Path) -> None:
    # the panel is built after the first frame (a deferred Loader): it appears shortly
    qtbot.waitUntil(lambda: exists(shell, "simulatorPanel"), timeout=5000)
    go_to_service(shell, qtbot, "tilePersonal", "social-insurance-certificate")
    tap(shell, qtbot, "simPlace_zhang-wei")
    wait_screen(shell, qtbot, "face_consent", timeout=15000)
    tap(shell, qtbot, "faceConsentNo")                       # no face check: staff instead
    wait_screen(shell, qtbot, "ended")
    assert_nothing_left(shell, "zhang-wei")
    # sent to a counter: 取号, printed, with where to wait
    kiosk_core, _thread = core
    before = kiosk_core.hub.receipt.printed
    tap(shell, qtbot, "takeTicket")
    qtbot.waitUntil(lambda: exists(shell, "ticketNumber"), timeout=10000)
    assert find(shell, "ticketNumber").property("text") == "B001"   # 社保 counters: group B
    assert "5号窗口" in find(shell, "ticketWords").property("text")
    qtbot.waitUntil(lambda: kiosk_core.hub.receipt.printed == before + 1, timeout=5000)
    assert not exists(shell, "takeTicket")                   # one number per visit
    shell.window.grabWindow().save(str(artifacts / "ticket-on-screen.png"))


def test_the_configured_timeouts_reach_the_visit(shell, core, sim_config) -> None:
    """timeouts.idle_warning_s, print_s and face_check_s are the visit's, not literals."""
    runner = shell.visit._runner
    assert runner.ports.still_there_grace_s == sim_config.timeouts.idle_warning_s
    assert runner.ports.print_deadline_s == sim_config.timeouts.print_s
    assert runner.face_check_s == sim_config.timeouts.face_check_s
    assert runner.identification.sources.idcard_poll_s == \
        sim_config.devices.idcard.poll_interval_s
    assert runner.identification.sources.clock.zone_name == sim_config.time_zone
    assert runner.ports.clock is runner.identification.sources.clock  # one clock
