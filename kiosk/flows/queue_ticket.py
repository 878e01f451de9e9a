"""A referral comes with a queue ticket (取号): when a visit sends the citizen to a counter, the
kiosk offers a number from the hall's queue system (through the gateway), prints it on the
receipt printer and says where to wait and how many are before them.

Which ends qualify: a rule or a check referred the citizen to staff (this includes the backend
being unreachable), or the citizen declined the face check (a staff-assisted check is
offered). No number is ever made up: when the queue cannot be reached the citizen is told so
and sent to the information desk. The ticket carries no personal data.
"""

from __future__ import annotations

from kiosk.devices.errors import DeviceError
from kiosk.documents.receipt import queue_ticket, to_escpos
from kiosk.domain.citizen_messages import visit_message
from kiosk.events import EventId
from kiosk.flows.outcome import FlowResult, TicketOutcome, ticket_reason
from kiosk.flows.ports import FlowPorts
from kiosk.logging import get_logger
from kiosk.services.errors import GatewayError

log = get_logger(__name__)


async def take_ticket(ports: FlowPorts, result: FlowResult, lang: str, *,
                      idempotency_key: str, reason: str | None = None) -> TicketOutcome:
    """Draw a number for `result`'s service and print it. A repeat with the same key answers
    the same number (a second tap never draws a second one)."""
    title = ports.catalog.find(result.service).titles["zh-Hans"]
    item_code = ports.catalog.items_of(result.service)[0].item_code
    try:
        ticket = await ports.gateway.take_queue_ticket(
            item_code, reason or ticket_reason(result) or "other", idempotency_key)
    except GatewayError as exc:
        log.warning("queue ticket not taken", event_id=EventId.QUEUE_TICKET_FAILED,
                    service=result.service, error_code=exc.code)
        return TicketOutcome("", visit_message("ticket_unavailable", lang))
    words = visit_message("ticket_taken", lang, number=ticket.number,
                          counters="、".join(ticket.counters), group=ticket.group_name,
                          waiting=str(ticket.waiting))
    printed = False
    if ports.receipt_printer is not None:
        doc = queue_ticket(number=ticket.number, service=title,
                           waiting=ticket.waiting, when=ports.clock.now(), kiosk_id=ports.kiosk_id,
                           group=ticket.group_name, counters=list(ticket.counters),
                           paper_width_mm=ports.receipt_printer.paper_width_mm)
        try:
            printed = await ports.receipt_printer.print_bytes(
                to_escpos(doc), job=f"ticket-{idempotency_key}")
        except DeviceError as exc:
            log.warning("queue ticket not printed", event_id=EventId.QUEUE_TICKET_FAILED,
                        number=ticket.number, error_code=exc.code)
    if not printed:
        words += (". " if lang == "en" else "。") + visit_message("ticket_not_printed", lang)
    log.info("queue ticket taken", event_id=EventId.QUEUE_TICKET_TAKEN, service=result.service,
             number=ticket.number, group=ticket.group, waiting=ticket.waiting, printed=printed)
    return TicketOutcome(ticket.number, words, printed, tuple(ticket.counters),
                         ticket.group_name, ticket.waiting)
