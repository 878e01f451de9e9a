"""The touch screens take a province's new catalog up between citizens: a citizen reading a
service's introduction keeps the catalog they chose it from (and starts their visit on it);
the home screen's lists change once the kiosk is back home with no one at it. The kiosk checks
a real repository (published by `kiosk catalog publish`'s code, on a plain static server)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.bench.static_server import static_server
from kiosk.config import KioskSettings, load_config, packaged_config
from kiosk.signed_catalog.publisher import publish
from tests.catalog_repos import catalog_copy

pytestmark = pytest.mark.ui
OLD, NEW = "无犯罪记录证明", "无犯罪记录证明（个人）"


@pytest.fixture
def province(tmp_path: Path):
    repo, keys = tmp_path / "served" / "repo", tmp_path / "keys"
    publish(catalog_copy(tmp_path / "v1"), repo, keys)
    with static_server(tmp_path / "served") as server:
        yield server.url, repo, keys


@pytest.fixture
def sim_config(tmp_path: Path, province) -> KioskSettings:
    url, repo, _keys = province
    return load_config(packaged_config("simulated"), simulate=True, data_dir=tmp_path / "data",
                       catalog={"repository": f"{url}/repo", "check_every_s": 1,
                                "root": str(repo / "metadata" / "1.root.json")})


def renamed(src: Path) -> Path:
    item = src / "criminal-record-certificate.yaml"
    item.write_text(item.read_text(encoding="utf-8").replace(
        f"titles: {{zh-Hans: {OLD},", f"titles: {{zh-Hans: {NEW},", 1), encoding="utf-8")
    return src


def test_a_new_catalog_reaches_the_screens_between_citizens(shell, core, qtbot, province,
                                                            tmp_path: Path) -> None:
    kiosk_core, _thread = core
    _url, repo, keys = province
    updates = kiosk_core.catalog_updates
    qtbot.waitUntil(lambda: updates.serving == 1, timeout=20000)
    shell.visit.openService("criminal-record-certificate")  # a citizen reads what it needs
    assert shell.visit.current_view()["title"] == OLD
    publish(renamed(catalog_copy(tmp_path / "v2")), repo, keys)
    qtbot.waitUntil(lambda: updates.serving == 2, timeout=20000)
    runner = kiosk_core.catalog_updates.catalog
    assert runner is not None
    assert runner.find("criminal-record-certificate").titles["zh-Hans"] == NEW
    qtbot.wait(300)  # the screens were told too (a queued signal)
    # the citizen's screen and lists stay as they chose from
    assert shell.visit.current_screen() == "intro"
    assert shell.visit.current_view()["title"] == OLD
    assert OLD in [s["title"] for s in shell.visit.services]
    shell.visit.goHome()  # the citizen leaves
    titles = [s["title"] for s in shell.visit.services]
    assert NEW in titles
    assert OLD not in titles
