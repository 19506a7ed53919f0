"""Plain functions behind the CLI, for notebooks and scripts.

>>> import tempfile, pathlib
>>> from parley import api
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("SEOUL, March 3 -- South Korea rejected the U.S. demand.\\n")
>>> report = api.build([d], store=d / "store", out=d / "out")
>>> report.built
1
"""
from __future__ import annotations

from pathlib import Path

from .graph.build import BuildReport
from .graph.build import build as _build
from .graph.store import GraphStore


def build(paths: list[Path | str], manifest: Path | str | None = None, reference: list[Path | str] | None = None,
          store: Path | str | None = "parley-store", out: Path | str | None = "out", jobs: int = 1,
          validate: bool = True, progress: bool = False, fresh: bool = False) -> BuildReport:
    """Build or update the dataset in ``store`` from article files or folders; write ``out/graph.ttl|trig``."""
    if fresh and store is not None:
        GraphStore.remove(Path(store))
    return _build([Path(p) for p in paths], manifest=Path(manifest) if manifest else None,
                  reference=[Path(r) for r in reference or []], store_dir=Path(store) if store is not None else None,
                  out_dir=Path(out) if out is not None else None, jobs=jobs, validate=validate, progress=progress)


def open_store(store: Path | str = "parley-store", read_only: bool = True) -> GraphStore:
    """Open a built store (read-only by default)."""
    return GraphStore(Path(store), read_only=read_only)


def check(store: Path | str = "parley-store") -> None:
    """Raise :class:`~parley.errors.ValidationError` if HermiT finds the stored graph inconsistent."""
    from .ontology.validate import check_consistency

    check_consistency(list(open_store(store).triples()))
