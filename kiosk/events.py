"""Stable event ids for the log, one per kind of event (VotingWorks-style).

Numbers are never reused or renumbered: staff, alert rules and dashboards key on them.
Ranges: 1xxx app and config, 2xxx devices, 3xxx printing, 4xxx identity, 5xxx flows,
6xxx backend and outbox, 8xxx admin, 9xxx simulators.
"""

from __future__ import annotations

from enum import IntEnum


class EventId(IntEnum):
    APP_STARTED = 1000
    APP_STOPPING = 1001
    CONFIG_INVALID = 1002
    CONFIG_LOADED = 1003
    FIRST_FRAME = 1004
    UI_LOAD_FAILED = 1005
    UNHANDLED_ERROR = 1099
    # issue 30 (1100-1199): the province's signed catalog (kiosk/signed_catalog)
    CATALOG_UPDATE_APPLIED = 1100  # a new catalog version verified, validated and kept
    CATALOG_UPDATE_REFUSED = 1101  # an update refused (why: expired, rollback, signature...)
    CATALOG_REPOSITORY_UNREACHABLE = 1102  # the repository did not answer: the catalog stays
    CATALOG_CURRENT = 1103  # a check found nothing new
    CATALOG_SWAPPED = 1104  # the kiosk runs a new catalog from this visit on (between visits)
    CATALOG_LAST_GOOD_UNUSABLE = 1105  # the kept catalog did not load at start: an older one
    CATALOG_TRUST_PROVISIONED = 1106  # the root metadata to trust, taken on first use
    CATALOG_CHECK_FAILED = 1107  # a check itself failed (disk, a bug): the kiosk serves on
    CATALOG_CHECK_REQUESTED = 1108  # staff asked for a check now (admin menu or SSH): audited
    CATALOG_IN_SERVICE = 1109  # at start: the catalog version the kiosk serves (0: shipped)
    CATALOG_PUBLISHED = 1110  # (the province's side) a catalog version signed and written
    CATALOG_PUBLISH_REFUSED = 1111  # nothing published, and why
    CATALOG_PUBLISH_WARNING = 1112  # published, but a role expires soon without its keys here

    DEVICE_OPENED = 2000
    DEVICE_STATUS_CHANGED = 2001
    DEVICE_LOST = 2002
    DEVICE_RECONNECTED = 2003
    DEVICE_POLL_MISSED = 2004
    DEVICE_RETRY = 2005
    DEVICE_CLOSED = 2006
    DEVICE_OPEN_FAILED = 2007

    RECEIPT_PRINTED = 3000
    RECEIPT_PRINT_FAILED = 3001
    DOCUMENT_PRINTED = 3002
    DOCUMENT_PRINT_FAILED = 3003
    CERTIFICATE_ISSUED = 3004
    REPRINT_STORED = 3005
    REPRINTED = 3006
    REPRINT_NOT_STORED = 3007

    IDCARD_COMMAND = 4000
    IDCARD_PLACED = 4001
    IDCARD_REMOVED = 4002
    IDCARD_READ = 4003
    IDCARD_READ_FAILED = 4004
    IDCARD_INCONSISTENT = 4005
    CREDENTIAL_REFUSED = 4006
    FACE_CHECK_DONE = 4100
    FACE_MODELS_NOT_LOADED = 4101  # the face models could not be loaded (the error's type only)
    QR_REJECTED = 4200
    QR_DECODER_CRASHED = 4201
    # issue 27 (4300-4399): rare characters, documents, plausible numbers, passports
    IDCARD_TEXT_CUT = 4300  # a card field holds half a character (the field's name only)
    PRINT_GLYPH_MISSING = 4301  # no font of the chain has a character a document needs
    PASSPORT_ENTRY_REFUSED = 4302  # the MRZ typed was wrong (which check; never what was typed)
    PASSPORT_SENT_TO_COUNTER = 4303  # wrong MRZ data too many times: a counter takes over

    RULE_NOT_EVALUABLE = 5000
    CATALOG_LOADED = 5001
    VISIT_ENDED = 5100
    QUEUE_TICKET_TAKEN = 5200
    QUEUE_TICKET_FAILED = 5201
    HELP_REQUESTED = 5300
    HELP_ACCEPTED = 5301
    HELP_UNANSWERED = 5302
    HELP_CANCELLED = 5303
    HELP_REQUEST_FAILED = 5304
    HELP_CALL_STARTED = 5305  # 远程帮办: media flowing (request id; nothing of the content)
    HELP_CALL_ENDED = 5306  # (and why: kiosk, staff, time_up, no_media, not_connected...)
    HELP_CALL_DECLINED = 5307  # the citizen declined when staff answered (or let it run out)
    # 缴费 (5400-5499): payment orders by number, never who paid or with what code
    PAYMENT_ORDER_CREATED = 5400  # durable in the outbox, before the platform hears of it
    PAYMENT_ORDER_STATE = 5401  # an order reached a state (shown, paid, served, closed...)
    PAYMENT_CONFIRMED = 5402  # the platform confirmed a payment the citizen is waiting for
    PAYMENT_CLOSED_UNPAID = 5403  # not paid in time, or the citizen gave up: closed, no charge
    PAYMENT_REFUNDED = 5404  # money returned (why: service_not_done, paid_after_close, staff)
    PAYMENT_REFUND_REFUSED = 5405  # the platform refused a refund for now: asked again later
    PAYMENT_PAID_AFTER_CLOSE = 5406  # a payment landed on an order the kiosk had closed
    PAYMENT_SERVICE_REFUSED = 5407  # paid, but the backend cannot do the service: refund
    PAYMENT_CODE_REFUSED = 5408  # a code shown to the camera is no payment code (shape only)
    PAYMENT_CODE_FAILED = 5409  # the platform did not take a payment code (declined, unknown)
    PAYMENT_SETTLE_FAILED = 5410  # an unfinished order could not be settled now (kept, retried)
    PAYMENT_RESUMED = 5411  # at start: unfinished orders found and settled (counts)
    PAYMENT_PLATFORM_UNREACHABLE = 5412  # the platform could not be reached for an order
    PAYMENT_RECONCILED = 5413  # a day's orders compared with the platform's statement
    PAYMENT_SLIP_NOT_PRINTED = 5414  # a refund slip or payment receipt could not be printed

    # issue 31 (5500-5599): the hall around the kiosk — 政策找人 offers, appointment check-in,
    # ratings later by phone and anonymous ones. Counts and codes only: which policies a
    # citizen is entitled to says something about them (age, children, a disability)
    OFFERS_CONSENT = 5500  # asked to look for the citizen's policies: given or not
    OFFERS_SHOWN = 5501  # how many were found and shown (never which)
    OFFER_APPLIED = 5502  # one taken up through the outbox (never which)
    OFFERS_UNAVAILABLE = 5503  # the platform could not be asked (the error's code)
    CHECKED_IN = 5510  # 预约签到: arrival, priority, the ticket's number and group
    CHECK_IN_REFUSED = 5511  # the hall refused (its code: other day, cancelled, other person)
    CHECK_IN_FAILED = 5512  # the hall could not be asked, or the ticket not printed
    RATING_CODE_FAILED = 5520  # 扫码评: no code from the platform, the receipt prints without
    CARD_RATED = 5530  # 卡片评: an anonymous rating (level, subject kind) into the outbox
    CARD_RATING_TOO_SOON = 5531  # 卡片评 refused by this kiosk's limit (seconds to wait)

    ADMIN_PIN_SET = 7000
    ADMIN_LOGIN = 7001
    ADMIN_LOGIN_FAILED = 7002
    ADMIN_LOCKED_OUT = 7003
    ADMIN_LOGOUT = 7004
    ADMIN_ACTION = 7010
    ADMIN_DEVICE_TEST = 7011
    ADMIN_REPRINT = 7012
    ADMIN_OUTBOX_RETRY = 7013
    ADMIN_EXPORT = 7014
    ADMIN_RESTART = 7015

    GATEWAY_CALL = 6000
    OUTBOX_STORED = 6001
    OUTBOX_SENT = 6002
    OUTBOX_RETRY = 6003
    OUTBOX_DEAD = 6004
    OUTBOX_CORRUPT = 6005
    OUTBOX_UNEXPECTED = 6010
    OUTBOX_UPLOADER_RESTARTED = 6011
    OUTBOX_DAMAGED = 6012
    ELICENSE_CHECK_MISMATCH = 6006

    # keys sealed to the machine (kiosk/credentials.py) and the machine's own admin actions
    CREDENTIALS_PLAIN = 8100  # the secrets are plain files: development, or not installed
    SIGNING_KEYS_SEALED = 8101  # plain signing keys from an older kiosk, now wrapped
    REPRINT_KEY_SEALED = 8102  # kept reprints moved from a key beside them to the credential
    PIN_STORE_SEALED = 8103  # PIN hashes from an older kiosk, now sealed under pin.key
    PRINT_SPOOL_NOT_PURGED = 8104  # CUPS refused to purge a job: its file stays in the spool
    ADMIN_REBOOT = 8110  # staff reboot the machine (touch menu or `kiosk admin reboot`)
    ADMIN_STOP_FOR_MAINTENANCE = 8111  # staff stop the kiosk, leaving the maintenance console
    ADMIN_MACHINE_CONTROL_FAILED = 8112  # systemd or polkit refused a reboot or stop
    ADMIN_KEY_ROTATED = 8113  # staff rotate one of the kiosk's sealed keys (kiosk admin)

    SIMULATOR_STARTED = 9000
    SIMULATOR_STOPPED = 9001
    SIMULATOR_FAULT_INJECTED = 9002
