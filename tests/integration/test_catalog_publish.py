"""`kiosk catalog publish`, the province's side: a catalog the kiosk would refuse is refused
with its file, line and field; keys are made on first use; the repository is a TUF repository
(root and targets under a 2-of-3 threshold, consistent snapshots, 1.root.json for provisioning)
that python-tuf's Metadata API verifies; publishing again signs only what must change; too few
keys, or a repository changed on the server, publish nothing."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from tuf.api.exceptions import UnsignedMetadataError
from tuf.api.metadata import Metadata, Root

from kiosk.flows.catalog import catalog_files
from kiosk.signed_catalog.publisher import PublishRefused, publish
from kiosk.signed_catalog.repository_files import RepositoryFiles
from tests.catalog_repos import RULE_V2, RepoEditor, catalog_copy


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The shipped catalog published once into an empty repository with an empty KEYDIR."""
    base = tmp_path_factory.mktemp("publish")
    src = catalog_copy(base / "src")
    done = publish(src, base / "repo", base / "keys")
    assert done.version == 1
    assert done.changed
    return src, base / "repo", base / "keys"


def _copy(first: tuple[Path, Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    _src, repo, keys = first
    return (Path(shutil.copytree(repo, tmp_path / "repo")),
            Path(shutil.copytree(keys, tmp_path / "keys")))


def test_first_publish_makes_keys_and_a_repository_python_tuf_verifies(first) -> None:
    src, repo, keys = first
    assert sorted(p.name for p in keys.iterdir()) == [
        "root-1.pem", "root-2.pem", "root-3.pem", "snapshot-1.pem", "targets-1.pem",
        "targets-2.pem", "targets-3.pem", "timestamp-1.pem"]
    assert stat.S_IMODE(keys.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in keys.iterdir())
    # what kiosks are provisioned with: self-signed by two of the three root keys
    root: Metadata[Root] = Metadata.from_file(str(repo / "metadata" / "1.root.json"))
    root.verify_delegate(Root.type, root)
    assert root.signed.consistent_snapshot is True
    assert {r: (len(root.signed.roles[r].keyids), root.signed.roles[r].threshold)
            for r in ("root", "targets", "snapshot", "timestamp")} == {
        "root": (3, 2), "targets": (3, 2), "snapshot": (1, 1), "timestamp": (1, 1)}
    state = RepositoryFiles(repo).read()  # every signature and link verified
    assert state.targets is not None
    names = {p.name for p in catalog_files(src)}
    assert set(state.targets.signed.targets) == names | {"manifest.json"}
    for name, info in state.targets.signed.targets.items():  # consistent snapshots: by hash
        data = (repo / "targets" / f"{info.hashes['sha256']}.{name}").read_bytes()
        info.verify_length_and_hashes(data)
    manifest = json.loads(RepoEditor(repo, keys).target_file("manifest.json").read_text())
    assert manifest["version"] == 1
    assert set(manifest["files"]) == names


def test_a_catalog_the_kiosk_would_refuse_is_not_published(tmp_path: Path) -> None:
    src = catalog_copy(tmp_path / "src")
    item = src / "social-insurance-certificate.yaml"
    item.write_text(item.read_text(encoding="utf-8").replace("approval: instant",
                                                             "approval: at once"),
                    encoding="utf-8")
    with pytest.raises(PublishRefused) as refused:
        publish(src, tmp_path / "repo", tmp_path / "keys")
    line = next(i for i, text in enumerate(item.read_text().splitlines(), 1)
                if text.startswith("approval:"))
    assert refused.value.detail.startswith(f"{item}:{line}: approval: must be one of")
    assert not (tmp_path / "repo").exists()
    assert not (tmp_path / "keys").exists()


def test_publishing_again_signs_only_what_changed(first, tmp_path: Path) -> None:
    src, _, _ = first
    repo, keys = _copy(first, tmp_path)
    editor = RepoEditor(repo, keys)
    before_targets = editor.targets().signed.version
    before_stamp = editor.timestamp().signed.version
    again = publish(src, repo, keys)  # the same catalog: a fresh timestamp only
    assert (again.version, again.changed, again.signed) == (1, False, ["timestamp"])
    assert editor.targets().signed.version == before_targets
    assert editor.timestamp().signed.version == before_stamp + 1
    files_before = set((repo / "targets").iterdir())
    changed = catalog_copy(tmp_path / "src2", adult_message=RULE_V2)
    done = publish(changed, repo, keys)
    assert (done.version, done.changed) == (2, True)
    assert done.signed == ["targets", "snapshot", "timestamp"]
    added = {p.name.split(".", 1)[1] for p in set((repo / "targets").iterdir()) - files_before}
    assert added == {"criminal-record-certificate.yaml", "manifest.json"}
    RepositoryFiles(repo).read()


def test_too_few_keys_publish_nothing(first, tmp_path: Path) -> None:
    """A timestamp refresh needs only the online keys; a new catalog needs two targets keys."""
    src, _, _ = first
    repo, keys = _copy(first, tmp_path)
    for p in keys.glob("root-*.pem"):
        p.unlink()
    for p in keys.glob("targets-*.pem"):
        if p.name != "targets-1.pem":
            p.unlink()
    assert publish(src, repo, keys).signed == ["timestamp"]
    stamp = (repo / "metadata" / "timestamp.json").read_bytes()
    with pytest.raises(PublishRefused, match="targets must be signed by 2 of its keys and 1"):
        publish(catalog_copy(tmp_path / "src2", adult_message=RULE_V2), repo, keys)
    assert (repo / "metadata" / "timestamp.json").read_bytes() == stamp
    assert not (repo / "metadata" / "2.targets.json").exists()


def test_a_repository_changed_on_the_server_is_not_signed_over(first, tmp_path: Path) -> None:
    src, _, _ = first
    repo, keys = _copy(first, tmp_path)
    targets = repo / "metadata" / "1.targets.json"
    doc = json.loads(targets.read_text())
    doc["signed"]["expires"] = "2099-01-01T00:00:00Z"  # someone's edit, no valid signature
    data = json.dumps(doc, indent=1).encode()
    targets.write_bytes(data)
    with pytest.raises(PublishRefused, match="does not verify"):
        publish(src, repo, keys)


def test_a_key_folder_others_can_open_is_refused(first, tmp_path: Path) -> None:
    src, _, _ = first
    repo, keys = _copy(first, tmp_path)
    os.chmod(keys, 0o750)
    with pytest.raises(PublishRefused, match="other users can open it"):
        publish(src, repo, keys)


def test_rotating_a_targets_key_retires_it_for_every_kiosk(first, tmp_path: Path) -> None:
    """targets-2 is replaced: root version 2 names the new key (signed by the old root's keys
    and the new one's), targets are signed again in the same run, and metadata signed with the
    retired key no longer counts towards the threshold."""
    src, _, _ = first
    repo, keys = _copy(first, tmp_path)
    editor = RepoEditor(repo, keys)
    retired = editor.signer("targets-2")
    done = publish(src, repo, keys, rotate=("targets-2",))
    assert done.rotated == ["targets-2"]
    assert done.root_version == 2
    assert done.signed == ["root", "targets", "snapshot", "timestamp"]
    assert next(iter((keys / "retired").iterdir())).name.startswith("targets-2-")
    state = RepositoryFiles(repo).read()  # root 1 → root 2 → targets, all verified
    assert state.root is not None
    assert state.targets is not None
    root2 = state.root.signed
    assert retired.public_key.keyid not in root2.roles["targets"].keyids
    forged = Metadata(state.targets.signed)
    forged.sign(editor.signer("targets-1"))
    forged.sign(retired, append=True)
    with pytest.raises(UnsignedMetadataError, match="targets was signed by 1/2 keys"):
        root2.verify_delegate("targets", forged.signed_bytes, forged.signatures)
    with pytest.raises(PublishRefused, match=r"no root-4\.pem"):
        publish(src, repo, keys, rotate=("root-4",))


def test_the_pinyin_of_every_title_is_published_beside_the_catalog(first, tmp_path: Path) -> None:
    """Kiosks search by Pinyin without a dictionary: publish works it out (a new title's too)."""
    _src, _, _ = first
    repo, keys = _copy(first, tmp_path)
    src = catalog_copy(tmp_path / "src2")
    item = src / "criminal-record-certificate.yaml"
    item.write_text(item.read_text(encoding="utf-8").replace(
        "titles: {zh-Hans: 无犯罪记录证明,", "titles: {zh-Hans: 无犯罪记录证明开具,", 1), "utf-8")
    (src / "pinyin.json").unlink()  # a province's folder need not carry one
    publish(src, repo, keys)
    served = json.loads(RepoEditor(repo, keys).target_file("pinyin.json").read_text("utf-8"))
    assert served["无犯罪记录证明开具"] == "wu fan zui ji lu zheng ming kai ju"
    assert served["社会保险参保缴费证明"] == "she hui bao xian can bao jiao fei zheng ming"
