"""Imports run one way: extraction knows no Django, articles knows nothing of the knowledge base.

Every import of the project's modules is read (those inside functions too) and followed through the
project, so a rule cannot be dodged by importing through a third module.
"""

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("articles", "config", "entities", "extraction")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    }


@cache
def imports(module: str) -> frozenset[str]:
    """Every module this one names in an import statement, wherever the statement stands."""
    path = modules()[module]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the module's package
                package = module.split(".")[: -node.level or None] if path.name != "__init__.py" else module.split(".")
                base = ".".join([*package, base] if base else package)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return frozenset(found)


def reachable(start: str) -> set[str]:
    """Every module imported from `start`, directly or through other project modules."""
    seen: set[str] = set()
    stack = [start]
    while stack:
        for name in imports(stack.pop()):
            if name not in seen:
                seen.add(name)
                if name in modules():
                    stack.append(name)
    return seen


def offenders(package: str, forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    found = {}
    for module in modules():
        if module == package or module.startswith(package + "."):
            bad = sorted(n for n in reachable(module) if n.split(".")[0] in forbidden)
            if bad:
                found[module] = bad
    return found


def test_the_rule_sees_imports_inside_functions():
    assert "extraction.pipeline" in modules()
    assert "extraction.events" in imports("extraction.pipeline")  # imported inside extract_article


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("extraction", ("django", "entities", "articles", "config")),
        ("articles", ("entities", "extraction")),
    ],
)
def test_imports_run_one_way(package, forbidden):
    assert offenders(package, forbidden) == {}


def test_records_and_models_share_their_values():
    from articles.models import DatePrecision
    from entities.models import EventKind, ParticipantRole
    from extraction import records

    assert set(EventKind.values) == {k.value for k in records.EventKind}
    assert set(ParticipantRole.values) == {s.value for s in records.Side}
    assert set(DatePrecision.values) == {p.value for p in records.Precision}  # articles imports no extraction
