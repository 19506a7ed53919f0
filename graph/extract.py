"""Run the extraction pipeline over one document.

The components named in ``rules/pipeline.json`` run in order over an
:class:`ArticleContext`.  A component that fails on hostile text never stops
the build: the article keeps what earlier components found, and a warning
names it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import DataError
from ..ontology.reference import Reference, load_reference
from ..ontology.rules import load_rules
from . import components  # noqa: F401  (registers the components)
from .context import REGISTRY, ArticleContext
from .dates import parse_published
from .documents import Document
from .furniture import clean
from .lexicon import Lexicon
from .nlp import sentences


@lru_cache(maxsize=4)
def lexicon_for(reference_files: tuple[str, ...] = ()) -> Lexicon:
    """Build (once per process) the lexicon for the packaged plus extra reference files."""
    ref: Reference = load_reference([Path(p) for p in reference_files])
    return Lexicon(ref, load_rules())


def pipeline_names() -> list[str]:
    names = load_rules().data("pipeline.json").get("components", [])
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise DataError(f"ontology/rules/pipeline.json: unknown component(s) {', '.join(unknown)}; registered: {', '.join(sorted(REGISTRY))}")
    return names


def extract(doc: Document, lexicon: Lexicon) -> ArticleContext:
    """Clean, split and run every component over ``doc``; return the filled context."""
    cleaned = clean(doc.text, lexicon.rules)
    if not doc.title and cleaned.title:
        doc.title = cleaned.title
    published = parse_published(doc.published, cleaned.dateline_date)
    ctx = ArticleContext(doc=doc, cleaned=cleaned, published=published, sentences=sentences(cleaned.text), lexicon=lexicon)
    if not ctx.sentences:
        ctx.warnings.append(f"{doc.source}: no sentences found after removing page furniture; nothing extracted")
        return ctx
    for name in pipeline_names():
        try:
            REGISTRY[name](ctx)
        except (ValueError, IndexError, KeyError, RecursionError, OverflowError) as exc:  # hostile text must not stop a build
            ctx.warnings.append(f"{doc.source}: component {name!r} gave up on this article ({exc.__class__.__name__}: {exc})")
    return ctx
