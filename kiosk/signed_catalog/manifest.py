"""The catalog's index, published as one target beside its files: the catalog's version, when
it was published, and each file with its length and SHA-256.

The kiosk reads it after TUF has checked it against the signed targets metadata, so it is
trusted for what it says; it is still parsed with limits (a size cap, names of one safe
shape), and kept in each downloaded version's folder: after a restart the kiosk checks the
files it is about to use against it (a cut write, a damaged disk).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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
    version: int
    published: datetime  # UTC
    files: tuple[CatalogFile, ...]

    def to_bytes(self) -> bytes:
        doc = {"format": FORMAT, "version": self.version,
               "published": self.published.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
               "files": {f.name: {"length": f.length, "sha256": f.sha256}
                         for f in self.files}}
        return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode() + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes, where: str = "manifest") -> CatalogManifest:
        if len(data) > MAX_BYTES:
            raise ManifestInvalid(f"{where}: larger than {MAX_BYTES // 1024} KB")
        try:
            doc = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ManifestInvalid(f"{where}: not JSON ({exc})") from None
        try:
            return cls._parse(doc)
        except (KeyError, TypeError, ValueError) as exc:
            raise ManifestInvalid(f"{where}: {exc}") from None

    @classmethod
    def _parse(cls, doc: Any) -> CatalogManifest:
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ValueError(f"not a catalog manifest of format {FORMAT}")
        version = doc["version"]
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise ValueError("version: not a positive whole number")
        published = datetime.strptime(str(doc["published"]), "%Y-%m-%dT%H:%M:%SZ") \
            .replace(tzinfo=UTC)
        raw = doc["files"]
        if not isinstance(raw, dict) or not raw or len(raw) > MAX_FILES:
            raise ValueError(f"files: between 1 and {MAX_FILES} files")
        files = []
        for name, info in sorted(raw.items()):
            if not _NAME.match(name):
                raise ValueError(f"files: {name[:60]!r} is not a plain file name")
            length, digest = info["length"], info["sha256"]
            if not isinstance(length, int) or isinstance(length, bool) or length < 0:
                raise ValueError(f"files.{name}.length: not a length")
            if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-f]{64}", digest):
                raise ValueError(f"files.{name}.sha256: not a SHA-256")
            files.append(CatalogFile(name, length, digest))
        return cls(version, published, tuple(files))

    def check_folder(self, folder: Path) -> list[str]:
        """The files of this manifest that are missing from `folder` or differ."""
        return [f.name for f in self.files if not f.matches(folder / f.name)]
