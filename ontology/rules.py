"""Extraction rules and lexicons kept as data (``ontology/rules/*.jsonl|json``).

Each file is validated on load against a small schema; every problem is
reported at once with its file and line so an analyst can mend them together.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import DataError
from .vocab import declared_concepts

# file -> (required keys with their types, optional keys)
JSONL_SCHEMAS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "furniture.jsonl": {"id": str, "kind": str, "pattern": str},
    "datelines.jsonl": {"id": str, "pattern": str},
    "currencies.jsonl": {"code": str, "words": list, "symbols": list},
    "amount_roles.jsonl": {"role": str, "cues": list, "priority": int},
    "count_units.jsonl": {"unit": str, "nouns": list, "subject": (str, type(None))},
    "measures.jsonl": {"unit": str, "code": str, "words": list, "abbreviations": list, "scaled": dict},
    "stances.jsonl": {"stance": str, "cues": list},
    "speech.jsonl": {"kind": str, "cues": list},
    "titles.jsonl": {"title": str, "body": (str, type(None))},
    "bodies.jsonl": {"kind": str, "label": str, "names": list},
    "groups.jsonl": {"head": str, "label": str, "modifiers": list},
    "evaluations.jsonl": {"judgement": str, "on_proposal": str, "otherwise": str, "proposal_nouns": list, "concluded_nouns": list,
                          "phrases": list},
}
JSON_FILES = ("numbers.json", "time.json", "negotiation.json", "pipeline.json", "names.json")
FURNITURE_KINDS = {"line", "end_marker", "span", "repeated_title"}
REGEX_FILES = {"furniture.jsonl", "datelines.jsonl"}


@dataclass(frozen=True)
class Rules:
    """All rule files, parsed: ``rules.table("stances.jsonl")`` or ``rules.data("time.json")``."""

    tables: dict[str, tuple[dict[str, Any], ...]]
    objects: dict[str, dict[str, Any]]

    def table(self, name: str) -> tuple[dict[str, Any], ...]:
        return self.tables[name]

    def data(self, name: str) -> dict[str, Any]:
        return self.objects[name]


def _check_row(name: str, lineno: int, row: Any, problems: list[str]) -> None:
    where = f"ontology/rules/{name}:{lineno}"
    if not isinstance(row, dict):
        problems.append(f"{where}: expected a JSON object")
        return
    for key, typ in JSONL_SCHEMAS[name].items():
        if key not in row:
            problems.append(f"{where}: missing key {key!r}")
        elif not isinstance(row[key], typ):
            problems.append(f"{where}: {key!r} has the wrong type ({type(row[key]).__name__})")
    if name in REGEX_FILES and isinstance(row.get("pattern"), str):
        try:
            re.compile(row["pattern"])
        except re.error as exc:
            problems.append(f"{where}: bad regular expression ({exc})")
    if name == "furniture.jsonl" and row.get("kind") not in FURNITURE_KINDS:
        problems.append(f"{where}: kind must be one of {sorted(FURNITURE_KINDS)}")
    concepts = declared_concepts()
    if name == "amount_roles.jsonl" and row.get("role") not in concepts["role"]:
        problems.append(f"{where}: role {row.get('role')!r} is not declared in parley.ttl")
    if name == "stances.jsonl":
        for key in ("not_after", "not_before"):
            blocked = row.get(key, {})
            if not isinstance(blocked, dict) or not all(isinstance(v, list) for v in blocked.values()):
                problems.append(f"{where}: {key!r} must map a cue to the list of words that make it part of a noun")
        needs = row.get("needs_after", {"words": [], "within": 1})
        if not isinstance(needs, dict) or not isinstance(needs.get("words"), list) or not isinstance(needs.get("within"), int):
            problems.append(f"{where}: 'needs_after' must be {{\"words\": [nouns], \"within\": N tokens, "
                            f"\"aims_after\": [words]}}")
        for key in ("stance", "negated"):
            if key in row and row[key] not in concepts["stance"] and not (key == "negated" and row[key] is None):
                problems.append(f"{where}: {key} {row[key]!r} is not a stance type declared in parley.ttl")
    if name == "evaluations.jsonl":
        if "negated" in row and not isinstance(row["negated"], str):
            problems.append(f"{where}: 'negated' must name another judgement, such as \"positive\"")
        for key in ("on_proposal", "otherwise"):
            if row.get(key) not in concepts["stance"]:
                problems.append(f"{where}: {key} {row.get(key)!r} is not a stance type declared in parley.ttl")
    if name == "currencies.jsonl":
        from babel.numbers import list_currencies

        if row.get("code") not in list_currencies():
            problems.append(f"{where}: {row.get('code')!r} is not an ISO 4217 code")
        shared, markers = row.get("shared", {}), row.get("markers", [])
        if not isinstance(shared, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in shared.items()):
            problems.append(f"{where}: 'shared' must map a word or symbol to the CLDR unit noun it stands for")
        else:
            from ..graph.currencies import unit_codes

            for form, noun in shared.items():
                if row.get("code") not in unit_codes(noun):
                    problems.append(f"{where}: no currency in use named '... {noun}' includes {row.get('code')}; "
                                    f"fix the noun given for {form!r}")
        if not isinstance(markers, list) or not all(isinstance(m, str) for m in markers):
            problems.append(f"{where}: 'markers' must be a list of strings such as \"(U.S.)\"")


def parse_rules(texts: dict[str, str]) -> Rules:
    """Parse and validate rule files given as ``{file name: text}``."""
    problems: list[str] = []
    tables: dict[str, tuple[dict[str, Any], ...]] = {}
    objects: dict[str, dict[str, Any]] = {}
    for name in JSONL_SCHEMAS:
        rows = []
        for lineno, line in enumerate(texts.get(name, "").splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"ontology/rules/{name}:{lineno}: not valid JSON ({exc.msg})")
                continue
            _check_row(name, lineno, row, problems)
            rows.append(row)
        if name not in texts:
            problems.append(f"ontology/rules/{name}: file missing")
        tables[name] = tuple(rows)
    judgements = {r.get("judgement") for r in tables.get("evaluations.jsonl", ())}
    for row in tables.get("evaluations.jsonl", ()):
        if isinstance(row.get("negated"), str) and row["negated"] not in judgements:
            problems.append(f"ontology/rules/evaluations.jsonl: 'negated' {row['negated']!r} of {row.get('judgement')!r} "
                            f"is not a judgement of the file ({', '.join(sorted(map(str, judgements)))})")
    for name in JSON_FILES:
        try:
            obj = json.loads(texts[name])
        except KeyError:
            problems.append(f"ontology/rules/{name}: file missing")
            continue
        except json.JSONDecodeError as exc:
            problems.append(f"ontology/rules/{name}:{exc.lineno}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            problems.append(f"ontology/rules/{name}: expected a JSON object")
            continue
        objects[name] = obj
    if problems:
        raise DataError("invalid rule files: " + "; ".join(problems))
    return Rules(tables=tables, objects=objects)


def rule_texts() -> dict[str, str]:
    """The packaged rule files' texts (also hashed into each article's fingerprint)."""
    root = resources.files("parley.ontology").joinpath("rules")
    return {name: root.joinpath(name).read_text(encoding="utf-8")
            for name in list(JSONL_SCHEMAS) + list(JSON_FILES)
            if root.joinpath(name).is_file()}


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Load and validate the packaged rules once per process."""
    return parse_rules(rule_texts())
