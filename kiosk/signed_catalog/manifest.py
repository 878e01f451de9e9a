"""The catalog's index, published as one target beside its files: the catalog's version, when
it was published, and its files by name; and what a kiosk keeps beside a version it took
(each file's length and SHA-256, as the signed targets metadata gave them).

The kiosk reads the manifest after TUF has checked it against the signed targets metadata, so
it is trusted for what it says; it is still parsed with limits (a size cap, names of one safe
shape: no path, no hidden file).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk.domain.errors import KioskError

FORMAT = 1
MAX_BYTES = 2 * 1024 * 1024
MAX_FILES = 20_000
# a file of the catalog: a plain name in one folder, no path, no hidden file
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")


class ManifestInvalid(KioskError):
    code = "catalog_manifest_invalid"


@dataclass(frozen=True)
class CatalogFile:
    name: str
    length: int
    sha256: str

    @classmethod
    def of(cls, name: str, data: bytes) -> CatalogFile:
        return cls(name, len(data), hashlib.sha256(data).hexdigest())

    def matches(self, path: Path) -> bool:
        """The file at `path` is this one (length, then hash)."""
        try:
            if path.stat().st_size != self.length:
                return False
            return hashlib.sha256(path.read_bytes()).hexdigest() == self.sha256
        except OSError:
            return False


@dataclass(frozen=True)
class CatalogManifest:
    """The catalog's index as published: its version, when, and its files by name (their
    lengths and hashes are in the signed targets metadata, not repeated here)."""

    version: int
    published: datetime  # UTC
    files: tuple[str, ...]

    def to_bytes(self) -> bytes:
        doc = {"format": FORMAT, "version": self.version,
               "published": self.published.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
               "files": sorted(self.files)}
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes, where: str = "manifest") -> CatalogManifest:
        doc = _json(data, where)
        try:
            if not isinstance(doc, dict) or doc.get("format") != FORMAT:
                raise ValueError(f"not a catalog manifest of format {FORMAT}")
            version = doc["version"]
            if not isinstance(version, int) or isinstance(version, bool) or version < 1:
                raise ValueError("version: not a positive whole number")
            published = datetime.strptime(str(doc["published"]), "%Y-%m-%dT%H:%M:%SZ") \
                .replace(tzinfo=UTC)
            names = doc["files"]
            if not isinstance(names, list) or not names or len(names) > MAX_FILES:
                raise ValueError(f"files: between 1 and {MAX_FILES} names")
            for name in names:
                _check_name(name)
            if len(set(names)) != len(names):
                raise ValueError("files: a name twice")
            return cls(version, published, tuple(names))
        except (KeyError, TypeError, ValueError) as exc:
            raise ManifestInvalid(f"{where}: {exc}") from None


@dataclass(frozen=True)
class KeptFiles:
    """What a kiosk verified when it kept a version (`versions/N/files.json`): each file with
    the length and SHA-256 the signed targets metadata gave it. After a restart the kiosk checks
    the folder against it before using it (a cut write, a damaged disk)."""

    NAME = "files.json"
    files: tuple[CatalogFile, ...]

    def write(self, folder: Path) -> Path:
        path = folder / self.NAME
        doc = {f.name: {"length": f.length, "sha256": f.sha256} for f in self.files}
        path.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
        return path

    @classmethod
    def read(cls, folder: Path) -> KeptFiles:
        path = folder / cls.NAME
        try:
            doc = _json(path.read_bytes(), str(path))
        except OSError as exc:
            raise ManifestInvalid(f"{path}: cannot be read ({exc.strerror})") from None
        try:
            if not isinstance(doc, dict) or not doc:
                raise ValueError("not a list of files")
            files = []
            for name, info in sorted(doc.items()):
                _check_name(name)
                length, digest = info["length"], info["sha256"]
                if not isinstance(length, int) or isinstance(length, bool) or length < 0:
                    raise ValueError(f"{name}.length: not a length")
                if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-f]{64}", digest):
                    raise ValueError(f"{name}.sha256: not a SHA-256")
                files.append(CatalogFile(name, length, digest))
            return cls(tuple(files))
        except (KeyError, TypeError, ValueError) as exc:
            raise ManifestInvalid(f"{path}: {exc}") from None

    def check_folder(self, folder: Path) -> list[str]:
        """The files that are missing from `folder` or differ."""
        return [f.name for f in self.files if not f.matches(folder / f.name)]


def _json(data: bytes, where: str) -> object:
    if len(data) > MAX_BYTES:
        raise ManifestInvalid(f"{where}: larger than {MAX_BYTES // 1024} KB")
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ManifestInvalid(f"{where}: not JSON ({exc})") from None


def _check_name(name: object) -> None:
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(f"files: {str(name)[:60]!r} is not a plain file name")
