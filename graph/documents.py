"""Read articles from files and folders: plain text, HTML and JSON Lines.

A ``manifest.csv`` (``file,publisher,published,url`` and optionally ``id``,
``title``) in a folder, or given with ``--manifest``, supplies metadata.
Problems with one file never stop the others: they are collected as
:class:`Problem` records and reported by the caller.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..errors import InputError

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
ID_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class Document:
    """One article: its text and what we know about where it came from."""

    id: str
    text: str
    source: str
    format: str = "text"
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass
class Problem:
    """A file or row that could not be used, with the advice to mend it."""

    source: str
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class Manifest:
    rows: dict[str, dict[str, str]] = field(default_factory=dict)
    path: Path | None = None


def check_date(value: str) -> str:
    """Validate an ISO date at year, month or day precision; return it stripped."""
    value = value.strip()
    if not DATE_RE.match(value):
        raise ValueError(f"date {value!r} is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)")
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as exc:
        raise ValueError(f"date {value!r} does not exist ({exc})") from None
    return value


def read_manifest(path: Path, problems: list[Problem]) -> Manifest:
    """Read a manifest CSV; bad rows become problems, good rows are kept."""
    manifest = Manifest(path=path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the manifest ({exc.__class__.__name__}); save it as UTF-8 CSV") from None
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or "file" not in reader.fieldnames:
        raise InputError(f"{path}: the manifest needs a header with at least a 'file' column (file,publisher,published,url)")
    for lineno, row in enumerate(reader, 2):
        name = (row.get("file") or "").strip()
        where = f"{path}:{lineno}"
        if not name:
            problems.append(Problem(where, "row has no file name; fill the 'file' column or delete the row"))
            continue
        clean = {k: (v or "").strip() for k, v in row.items() if k}
        if clean.get("published"):
            try:
                clean["published"] = check_date(clean["published"])
            except ValueError as exc:
                problems.append(Problem(where, f"{exc}; the article is built without a publication date", fatal=False))
                clean["published"] = ""
        if not (path.parent / name).exists():
            problems.append(Problem(where, f"names {name!r}, which is not in {path.parent}; fix the name or remove the row"))
        manifest.rows[name] = clean
    return manifest


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file, not an article; remove it or convert it to text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: is not UTF-8 (bad byte at offset {exc.start}); re-save it as UTF-8") from None


def html_to_text(html: str) -> tuple[str, str | None]:
    """Main text and title of an HTML page, boilerplate removed by trafilatura."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True) or ""
    meta = trafilatura.extract_metadata(html)
    return text, (meta.title if meta is not None else None)


def _read_jsonl(path: Path, text: str, problems: list[Problem]) -> Iterator[Document]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(where, f"not valid JSON ({exc.msg}); fix or remove the line"))
            continue
        if not isinstance(obj, dict):
            problems.append(Problem(where, "expected a JSON object with a 'text' field"))
            continue
        body = obj.get("text") or obj.get("body") or obj.get("content")
        if not isinstance(body, str) or not body.strip():
            problems.append(Problem(where, "has no 'text' (or 'body'/'content') string; add the article text"))
            continue
        doc_id = str(obj.get("id") or f"{path.stem}-{lineno}")
        published = obj.get("published") or obj.get("date")
        if published:
            try:
                published = check_date(str(published)[:10] if len(str(published)) > 10 else str(published))
            except ValueError as exc:
                problems.append(Problem(where, f"{exc}; built without a publication date", fatal=False))
                published = None
        yield Document(id=doc_id, text=body, source=where, format="jsonl", publisher=obj.get("publisher"),
                       published=published, url=obj.get("url"), title=obj.get("title"))


def read_file(path: Path, problems: list[Problem], meta: dict[str, str] | None = None) -> Iterator[Document]:
    """Yield the documents in one file; problems are appended, never raised."""
    fmt = SUFFIXES.get(path.suffix.lower())
    try:
        data = path.read_bytes()
        if not data.strip():
            raise InputError(f"{path}: is empty; remove it or add the article text")
        text = _decode(path, data)
    except InputError as exc:
        problems.append(Problem(str(path), str(exc).split(": ", 1)[1]))
        return
    except OSError as exc:
        problems.append(Problem(str(path), f"cannot be read ({exc.strerror}); check its permissions"))
        return
    if fmt == "jsonl":
        yield from _read_jsonl(path, text, problems)
        return
    title = None
    if fmt == "html":
        text, title = html_to_text(text)
        if not text.strip():
            problems.append(Problem(str(path), "no article text found in the HTML; check it is a news page"))
            return
    meta = meta or {}
    doc_id = meta.get("id") or path.stem
    if not ID_OK.match(doc_id):
        doc_id = re.sub(r"[^A-Za-z0-9._-]+", "-", doc_id).strip("-")[:128] or "article"
    yield Document(id=doc_id, text=text, source=str(path), format=fmt or "text",
                   publisher=meta.get("publisher") or None, published=meta.get("published") or None,
                   url=meta.get("url") or None, title=meta.get("title") or title)


def iter_documents(paths: list[Path], manifest: Path | None, problems: list[Problem]) -> Iterator[Document]:
    """Yield every document under ``paths`` in a stable order (sorted by path)."""
    files: list[Path] = []
    manifests: dict[Path, Manifest] = {}
    if manifest is not None:
        if not manifest.is_file():
            raise InputError(f"{manifest}: manifest not found; check the --manifest path")
        manifests[manifest.parent.resolve()] = read_manifest(manifest, problems)
    for p in paths:
        if not p.exists():
            raise InputError(f"{p}: no such file or folder; check the path")
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            auto = p / "manifest.csv"
            if auto.is_file() and p.resolve() not in manifests:
                manifests[p.resolve()] = read_manifest(auto, problems)
            if not found:
                problems.append(Problem(str(p), f"contains no articles ({', '.join(sorted(SUFFIXES))})"))
            files.extend(found)
        elif p.suffix.lower() in SUFFIXES:
            files.append(p)
        elif p.name == "manifest.csv":
            continue
        else:
            problems.append(Problem(str(p), f"unknown file type {p.suffix!r}; use .txt, .html or .jsonl"))
    seen: dict[str, str] = {}
    for f in files:
        man = manifests.get(f.parent.resolve())
        meta = man.rows.get(f.name) if man else None
        for doc in read_file(f, problems, meta):
            if doc.id in seen:
                problems.append(Problem(doc.source, f"has the same article id {doc.id!r} as {seen[doc.id]}; rename one of them"))
                continue
            seen[doc.id] = doc.source
            yield doc
