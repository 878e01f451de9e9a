from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import (
    ConfigError,
    UnsafeDataDir,
    ensure_private_dir,
    load_config,
    packaged_config,
)


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "kiosk.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_shipped_configs_are_valid() -> None:
    sim = load_config(packaged_config("simulated"))
    assert sim.simulate is True
    assert sim.devices.receipt_printer is not None
    assert sim.devices.receipt_printer.adapter == "simulated"
    example = load_config(packaged_config("example"))
    assert example.devices.document_printer is not None
    assert example.devices.document_printer.adapter == "cups"


def test_missing_default_file_means_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.delenv("KIOSK_CONFIG", raising=False)
    monkeypatch.setattr("kiosk.config.DEFAULT_CONFIG_PATH", tmp_path / "absent.toml")
    cfg = load_config()
    assert cfg.kiosk_id == "KIOSK-0001"


def test_explicit_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"absent\.toml: config file not found"):
        load_config(tmp_path / "absent.toml")


def test_garbled_toml_names_the_file(tmp_path: Path) -> None:
    p = write(tmp_path, 'kiosk_id = "A"\n[devices\n')
    with pytest.raises(ConfigError) as exc:
        load_config(p)
    assert str(p) in str(exc.value)
    assert "not valid TOML" in str(exc.value)


def test_unknown_key_names_file_and_key(tmp_path: Path) -> None:
    p = write(tmp_path, "[devices.receipt_printer]\ncolour = \"red\"\n")
    with pytest.raises(ConfigError) as exc:
        load_config(p)
    assert str(exc.value) == f"{p}: devices.receipt_printer.colour: unknown key"


def test_unknown_adapter_lists_the_known_ones(tmp_path: Path) -> None:
    p = write(tmp_path, '[devices.receipt_printer]\nadapter = "carrier-pigeon"\n')
    with pytest.raises(ConfigError) as exc:
        load_config(p)
    msg = str(exc.value)
    assert "devices.receipt_printer.adapter" in msg
    assert "escpos-network" in msg
    assert "carrier-pigeon" in msg


def test_bad_value_names_the_problem(tmp_path: Path) -> None:
    p = write(tmp_path, "[devices.receipt_printer]\nport = 70000\n")
    with pytest.raises(ConfigError, match=r"devices\.receipt_printer\.port: .*65535"):
        load_config(p)


def test_idle_warning_gives_at_least_20_seconds(tmp_path: Path) -> None:
    p = write(tmp_path, "[timeouts]\nidle_warning_s = 5\n")
    with pytest.raises(ConfigError, match=r"timeouts\.idle_warning_s"):
        load_config(p)


def test_environment_overrides_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = write(tmp_path, 'kiosk_id = "FROM-FILE"\n[devices.receipt_printer]\nport = 9100\n')
    monkeypatch.setenv("KIOSK_KIOSK_ID", "FROM-ENV")
    monkeypatch.setenv("KIOSK_DEVICES__RECEIPT_PRINTER__PORT", "9101")
    cfg = load_config(p)
    assert cfg.kiosk_id == "FROM-ENV"
    assert cfg.devices.receipt_printer is not None
    assert cfg.devices.receipt_printer.port == 9101


def test_cli_reports_a_bad_config_in_one_line(tmp_path: Path) -> None:
    p = write(tmp_path, "kiosk_id = 'has spaces'\n")
    r = subprocess.run([sys.executable, "-m", "kiosk", "devices", "--config", str(p)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(f"kiosk: {p}: kiosk_id:")
    assert "Traceback" not in r.stderr


def test_a_simulated_kiosk_keeps_its_data_in_the_users_private_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("KIOSK_DATA_DIR", raising=False)
    config = load_config(packaged_config("simulated"))
    assert config.data_dir == tmp_path / "state" / "yiban-kiosk" / "simulated"
    assert not str(config.data_dir).startswith("/tmp/kiosk-sim")
    made = ensure_private_dir(config.data_dir)
    assert made.stat().st_mode & 0o777 == 0o700


def test_a_data_dir_someone_else_prepared_is_refused(tmp_path: Path) -> None:
    import os
    import shutil

    if os.getuid() != 0:
        pytest.skip("needs root to give a folder to another user")
    planted = tmp_path / "planted"
    planted.mkdir(mode=0o777)
    shutil.chown(planted, user="nobody")
    with pytest.raises(UnsafeDataDir, match="belongs to user"):
        ensure_private_dir(planted)
    link = tmp_path / "link"
    link.symlink_to(tmp_path)
    with pytest.raises(UnsafeDataDir, match="not a folder"):
        ensure_private_dir(link)
    open_dir = tmp_path / "open"
    open_dir.mkdir(mode=0o777)
    os.chmod(open_dir, 0o777)
    assert ensure_private_dir(open_dir).stat().st_mode & 0o777 == 0o700
