"""The record a batch keeps in its output folder: which inputs it converted, and how.

``.copydesk-manifest.jsonl`` holds one JSON object a line: a ``run`` line when a batch starts
(copydesk's version, the plugins loaded, the settings, and their ``key``), then a ``done``
line for every file converted (its input's size and modification time, the output, the
settings key, the seconds it took). Lines are only ever appended, and each is flushed as its
file ends, so a batch killed at any moment leaves a record of what it finished; a line cut
short by the kill is ignored, and a file whose line was lost is simply converted again.

A rerun skips a file whose output exists and whose ``done`` line has the same settings key and
the same input (size and time): a rerun after a crash does only the rest, and one with other
options, another version or plugins, or an edited input does the file again. An output folder
made before there was a manifest falls back to the outputs' times (newer than the input: done).
An output folder named by a URL keeps its manifest there (``RemoteManifest``).
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import asdict, dataclass, is_dataclass
from pathlib import Path
from typing import IO, Any

from copydesk.errors import OutputError
from copydesk.remote import RemoteFolder, Syncs

NAME = ".copydesk-manifest.jsonl"


def settings_key(settings: Any, version: str, plugins: dict[str, str]) -> str:
    """A short digest of what decides a file's output: the settings (``force`` aside),
    copydesk's version and the plugins loaded (name → where from, with its version)."""
    fields = asdict(settings) if is_dataclass(settings) else dict(settings)
    fields.pop("force", None)
    text = json.dumps({"settings": fields, "copydesk": version, "plugins": plugins},
                      sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def made_after(source: Path, target: Path) -> bool:
    """Whether ``target`` exists and is newer than ``source`` (how a folder without a
    manifest tells a file done)."""
    made, given = _stamp(target), _stamp(source)
    return made is not None and given is not None and made[1] >= given[1]


def done_lines(lines: list[str]) -> dict[str, dict[str, Any]]:
    """The ``done`` lines of a manifest by output (a line a kill cut short is left out)."""
    done: dict[str, dict[str, Any]] = {}
    for line in lines:
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue  # the line a kill cut short
        if isinstance(entry, dict) and entry.get("event") == "done" and "output" in entry:
            done[str(entry["output"])] = entry
    return done


@dataclass
class Manifest:
    """The manifest of one output folder: what its earlier runs finished."""

    folder: Path
    done: dict[str, dict[str, Any]]  # output path (relative to the folder) -> its done line
    existed: bool
    _stream: IO[str] | None = None

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        path = folder / NAME
        done: dict[str, dict[str, Any]] = {}
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return cls(folder, done, existed=False)
        except (OSError, UnicodeDecodeError):
            lines = []
        return cls(folder, done_lines(lines), existed=True)

    def _relative(self, target: Path) -> str:
        try:
            return target.relative_to(self.folder).as_posix()
        except ValueError:
            return str(target)

    def finished(self, source: Path, target: Path, key: str) -> bool:
        """Whether an earlier run made ``target`` from ``source`` as it is now, with the
        settings of ``key``, and the output is still there."""
        if not target.exists():
            return False
        if not self.existed:  # a folder from before manifests: the output's time decides
            return made_after(source, target)
        entry = self.done.get(self._relative(target))
        stamp = _stamp(source)
        return (entry is not None and stamp is not None and entry.get("settings") == key
                and entry.get("input_size") == stamp[0] and entry.get("input_mtime_ns") == stamp[1])

    def start(self, key: str, version: str, plugins: dict[str, str], settings: Any) -> None:
        """Open the manifest for appending and record the run."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._stream = open(self.folder / NAME, "a", encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise OutputError(f"cannot keep the batch's manifest: {exc.strerror or exc}",
                              path=str(self.folder / NAME)) from None
        fields = asdict(settings) if is_dataclass(settings) else dict(settings)
        self._write({"event": "run", "settings": key, "copydesk": version, "plugins": plugins,
                     "options": fields, "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")})

    def record(self, source: Path, target: Path, key: str, seconds: float) -> None:
        """Record a file converted (call once its output is in place)."""
        stamp = _stamp(source)
        if stamp is None:
            return
        self._write({"event": "done", "output": self._relative(target), "input": str(source),
                     "input_size": stamp[0], "input_mtime_ns": stamp[1], "settings": key,
                     "seconds": round(seconds, 3)})

    def _write(self, entry: dict[str, Any]) -> None:
        if self._stream is None:
            return
        try:
            self._stream.write(json.dumps(entry, ensure_ascii=False, default=str) + "\n")
            self._stream.flush()  # (no fsync: a line lost to a power cut means a file redone)
        except OSError as exc:
            raise OutputError(f"cannot keep the batch's manifest: {exc.strerror or exc}",
                              path=str(self.folder / NAME)) from None

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None


class RemoteManifest(Manifest):
    """The manifest of an output folder named by a URL (``copydesk.remote``): read whole
    when the batch starts, kept in memory, put back whole every so often and at the end."""

    def __init__(self, folder: RemoteFolder) -> None:
        text = folder.read(NAME)
        super().__init__(Path("."), {}, existed=text is not None)
        self.remote = folder
        self.lines = (text or "").splitlines(keepends=True)  # (joined only to be put)
        self.outputs = folder.existing()
        self.syncs = Syncs()
        self.done = done_lines(self.lines)

    @classmethod
    def at(cls, url: str) -> RemoteManifest:
        return cls(RemoteFolder(url))

    def _relative(self, target: Path | str) -> str:
        return str(target)[len(self.remote.url) + 1:]

    def finished(self, source: Path, target: Path | str, key: str) -> bool:
        """As for a local folder; with no manifest there, nothing counts as done (the times
        of two filesystems say nothing)."""
        if str(target) not in self.outputs or not self.existed:
            return False
        entry = self.done.get(self._relative(target))
        stamp = _stamp(source)
        return (entry is not None and stamp is not None and entry.get("settings") == key
                and entry.get("input_size") == stamp[0] and entry.get("input_mtime_ns") == stamp[1])

    def start(self, key: str, version: str, plugins: dict[str, str], settings: Any) -> None:
        self.remote.make()
        fields = asdict(settings) if is_dataclass(settings) else dict(settings)
        self._add({"event": "run", "settings": key, "copydesk": version, "plugins": plugins,
                   "options": fields, "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")})
        self.remote.write(NAME, "".join(self.lines))

    def _write(self, entry: dict[str, Any]) -> None:
        self._add(entry)
        if self.syncs.due():
            self.remote.write(NAME, "".join(self.lines))

    def _add(self, entry: dict[str, Any]) -> None:
        self.lines.append(json.dumps(entry, ensure_ascii=False, default=str) + "\n")

    def close(self) -> None:
        self.remote.write(NAME, "".join(self.lines))
