"""预约签到: a citizen who booked a time on the province's app checks in at the kiosk and gets the
hall's ticket, printed with the booked time.

The booked person checks in themself (实名签到): they identify with any credential the kiosk
reads (ID card, social security card, e-passport, e-ID code), and may first type the booking
code from the app, which says which booking (needed when they have several, and refused when
it is someone else's). The hall decides how they arrived — on time (a priority ticket, called
before walk-ins), early or late (an ordinary walk-in ticket) — and refuses a booking for
another day, a cancelled one or another person's, each said in plain words with what to do.

Nothing of the person is kept: the identity lives in a session wiped when the check-in ends;
the ticket and the statistics carry no one.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from kiosk.devices.errors import DeviceError
from kiosk.documents.receipt import queue_ticket, to_escpos
from kiosk.domain.citizen_messages import visit_message
from kiosk.domain.clock import printed_time
from kiosk.events import EventId
from kiosk.flows.identify import Identification, VisitInteraction
from kiosk.flows.outcome import VisitStop
from kiosk.logging import get_logger
from kiosk.services.errors import GatewayError, GatewayRejected
from kiosk.services.gateway_answers import CheckInAnswer
from kiosk.session import Session

if TYPE_CHECKING:  # the ports bring the whole flow stack; this module is on the home screen
    from kiosk.flows.ports import FlowPorts

log = get_logger(__name__)

# how long the citizen has to present a credential (elder mode: longer, `patience`)
IDENTIFY_S = 60.0
# the hall's refusals the kiosk has words for; any other is "not found"
REFUSALS = ("booking_not_found", "booking_other_person", "booking_other_day",
            "booking_cancelled")


class CheckInInteraction(VisitInteraction, Protocol):
    def booking_code(self) -> str:
        """The booking code the citizen typed on the check-in screen so far ("" if none)."""


@dataclass(frozen=True)
class CheckInOutcome:
    """How a check-in ended, for the screen and the statistics: no person in it."""

    checked_in: bool
    words: str  # what the screen says, in the citizen's language
    why: str = ""  # checked in: on_time | early | late; else the refusal's code, or
    # "unavailable" (the hall could not be asked), "not_identified" (no credential in time)
    number: str = ""
    priority: bool = False
    booked: str = ""  # the booked time as printed: 2026-03-02 10:00–10:30
    printed: bool = False


def booked_span(answer: CheckInAnswer, zone_of: Callable[[datetime], datetime]) -> str:
    """The booked time as the ticket prints it, in the kiosk's zone."""
    starts = zone_of(datetime.fromisoformat(answer.booking.starts_at))
    ends = zone_of(datetime.fromisoformat(answer.booking.ends_at))
    return f"{printed_time(starts)}–{ends:%H:%M}"


def day_words(iso: str, locale: str) -> str:
    """A booked day as the citizen reads it: 2026年3月3日, 3 March 2026 ("" stays "")."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    if locale == "en":
        return f"{day.day} {day:%B} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


async def check_in(ports: FlowPorts, identification: Identification, ui: CheckInInteraction,
                   locale: str, *, patience: float = 1.0,
                   on_done: Callable[[str], None] | None = None) -> CheckInOutcome:
    """One check-in, from the credential to the printed ticket."""
    session = Session(locale=locale)
    outcome = CheckInOutcome(False, "", "not_identified")
    try:
        ui.step("check_in")
        try:
            identity = await identification.first_credential(
                ui, locale, IDENTIFY_S * patience, grace_s=ports.still_there_grace_s,
                max_extensions=ports.max_extensions)
        except VisitStop as stop:  # e.g. a passport's data mistyped three times
            outcome = CheckInOutcome(False, stop.reason, "not_identified")
            return outcome
        if identity is None:
            return outcome
        session.identity = identity
        session.learn(*identity.personal_values())
        holder = identity.id_number or identity.document_number or ""
        ui.step("checking_in")
        outcome = await _ask_the_hall(ports, holder, ui.booking_code().strip(), locale)
        return outcome
    finally:
        session.wipe()
        if on_done is not None:
            try:
                on_done(outcome.why)
            except Exception as exc:  # statistics must never end a check-in badly
                log.error("check-in not counted", error=type(exc).__name__)


async def _ask_the_hall(ports: FlowPorts, holder: str, code: str, locale: str) -> CheckInOutcome:
    key = uuid.uuid4().hex
    try:
        answer = await ports.gateway.check_in(holder, code if code.isdigit() else "", key)
    except GatewayRejected as refused:
        why = refused.backend_code if refused.backend_code in REFUSALS else "booking_not_found"
        log.info("check-in refused", event_id=EventId.CHECK_IN_REFUSED, reason=why)
        day = day_words(refused.details.get("booked_on", ""), locale)
        return CheckInOutcome(False, visit_message(why, locale, day=day), why)
    except GatewayError as exc:
        log.warning("check-in failed", event_id=EventId.CHECK_IN_FAILED, error_code=exc.code)
        return CheckInOutcome(False, visit_message("check_in_unavailable", locale),
                              "unavailable")
    ticket = answer.ticket
    booked = booked_span(answer, lambda t: t.astimezone(ports.clock.zone))
    words = visit_message(f"check_in_{answer.arrival}", locale, number=ticket.number,
                          counters="、".join(ticket.counters), group=ticket.group_name,
                          waiting=str(ticket.waiting), booked=booked)
    printed = await _print(ports, answer, booked, key)
    if not printed:
        words += (". " if locale == "en" else "。") + visit_message("ticket_not_printed", locale)
    log.info("checked in", event_id=EventId.CHECKED_IN, arrival=answer.arrival,
             priority=answer.priority, number=ticket.number, group=ticket.group,
             waiting=ticket.waiting, printed=printed)
    return CheckInOutcome(True, words, answer.arrival, ticket.number, answer.priority, booked,
                          printed)


async def _print(ports: FlowPorts, answer: CheckInAnswer, booked: str, key: str) -> bool:
    printer = ports.receipt_printer
    if printer is None:
        return False
    ticket = answer.ticket
    doc = queue_ticket(number=ticket.number, service=answer.booking.service_title,
                       waiting=ticket.waiting, when=ports.clock.now(), kiosk_id=ports.kiosk_id,
                       group=ticket.group_name, counters=list(ticket.counters),
                       booked=booked, priority=answer.priority,
                       paper_width_mm=printer.paper_width_mm)
    try:
        return await printer.print_bytes(to_escpos(doc), job=f"check-in-{key}")
    except DeviceError as exc:
        log.warning("check-in ticket not printed", event_id=EventId.CHECK_IN_FAILED,
                    error_code=exc.code)
        return False
