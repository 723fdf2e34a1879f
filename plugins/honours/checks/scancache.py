"""Reuse the pre-build check of unchanged articles, when Pelican's content cache is on.

Pelican's own cache spares a rebuild the reading of unchanged articles; this
spares it their checking. An entry is reused only if the file's text is the
same and nothing it was checked against changed: the registries, the
plugin's settings and code, and the working folder (paths are shown from it).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from ..core.model import ArticleData
from ..core.problems import Problem

logger = logging.getLogger(__name__)

CACHE_FILE = "honours-scan.pickle"
PLUGIN = Path(__file__).resolve().parents[1]  # the plugin's own code: a change to it invalidates every result


@dataclass(frozen=True)
class CachedArticle:
    """The checked result of one article file."""

    digest: bytes
    record: ArticleData
    metadata_text: str
    data: dict
    warnings: tuple[Problem, ...]


class ScanCache:
    """Per-file results of the previous build, valid for one set of inputs."""

    def __init__(self, path: str, key: bytes, entries: dict[str, CachedArticle]):
        self.path, self.key, self.entries = path, key, entries

    @staticmethod
    def digest(text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()

    @classmethod
    def open(cls, settings: dict, data_dir: str) -> ScanCache | None:
        """Load the cache when Pelican's content cache is on; None otherwise."""
        if not (settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE")):
            return None
        path = os.path.join(settings["CACHE_PATH"], CACHE_FILE)
        key = cls._inputs_key(settings, data_dir)
        entries: dict[str, CachedArticle] = {}
        try:
            with open(path, "rb") as handle:
                stored_key, stored = pickle.load(handle)
            if stored_key == key:
                entries = stored
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
            pass  # no usable cache: every file is checked
        return cls(path, key, entries)

    @staticmethod
    def _inputs_key(settings: dict, data_dir: str) -> bytes:
        digest = hashlib.sha256(os.getcwd().encode())
        for file in [*sorted(Path(data_dir).glob("*.yml")), *sorted(PLUGIN.rglob("*.py"))]:
            digest.update(file.name.encode() + file.read_bytes())
        digest.update(repr(sorted((k, repr(v)) for k, v in settings.items() if k.startswith("HONOURS_"))).encode())
        return digest.digest()

    def get(self, path: str, text: str) -> CachedArticle | None:
        entry = self.entries.get(path)
        return entry if entry is not None and entry.digest == self.digest(text) else None

    def save(self, entries: dict[str, CachedArticle]) -> None:
        """Keep this build's results (only files that still exist) for the next build."""
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            temporary = f"{self.path}.{os.getpid()}"
            with open(temporary, "wb") as handle:
                pickle.dump((self.key, entries), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
        except OSError as error:  # a cache that cannot be written only costs time
            logger.info("honours: không ghi được bộ nhớ đệm kiểm tra (%s)", error)
