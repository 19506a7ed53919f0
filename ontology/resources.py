"""Locate the packaged data files of :mod:`parley.ontology`."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """Return the filesystem path of a packaged data file (e.g. ``"parley.ttl"``)."""
    return Path(str(resources.files("parley.ontology").joinpath(name)))


def read_text(name: str) -> str:
    """Read a packaged data file as UTF-8 text."""
    return resources.files("parley.ontology").joinpath(name).read_text(encoding="utf-8")
