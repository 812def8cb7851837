"""Meta-tests on how the package's modules depend on each other.

- A module never reaches into another module's private names (``_name``): what is shared is
  public, in a module named for what it holds.
- Arrows do not run back up to the hooks: only ``settings.py`` imports
  ``ambassadeurs_pipeline.hooks`` (Kedro reads the hooks from there). Tests of the hooks
  themselves may import them.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = "ambassadeurs_pipeline"
SRC = Path(__file__).resolve().parents[1] / "src" / PACKAGE
# Known offences being removed; remove an entry when its import goes, do not add any.
PENDING: set[str] = set()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """Absolute name of the module an ``import from`` statement reads from."""
    if not node.level:
        return node.module or ""
    base = module.split(".")
    # A package's __init__ is its own anchor; a module's anchor is its package.
    drop = node.level - 1 if is_package else node.level
    base = base[: len(base) - drop] if drop else base
    return ".".join(base + ([node.module] if node.module else []))


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _is_module(name: str) -> bool:
    rel = name.split(".")[1:]
    path = SRC.joinpath(*rel)
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _modules():
    for path in sorted(SRC.rglob("*.py")):
        yield path, _module_name(path), path.name == "__init__.py", ast.parse(path.read_text())


def test_no_module_imports_another_modules_private_names():
    offences = []
    for path, module, is_package, tree in _modules():
        # Names bound to package modules in this file (``from . import faq`` → faq).
        module_aliases: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                source = _resolve(node, module, is_package)
                if not source.startswith(PACKAGE):
                    continue
                if any(_is_private(part) for part in source.split(".")):
                    offences.append(f"{module}: imports private module {source}")
                for alias in node.names:
                    if _is_private(alias.name) and source != module:
                        offences.append(f"{module}: imports {source}.{alias.name}")
                    if _is_module(f"{source}.{alias.name}"):
                        module_aliases[alias.asname or alias.name] = f"{source}.{alias.name}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith(PACKAGE):
                        if any(_is_private(part) for part in alias.name.split(".")):
                            offences.append(f"{module}: imports private module {alias.name}")
                        if alias.asname:
                            module_aliases[alias.asname] = alias.name
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in module_aliases
                and _is_private(node.attr)
            ):
                offences.append(f"{module}: uses {module_aliases[node.value.id]}.{node.attr}")
    offences = set(offences) - PENDING
    assert not offences, "\n".join(sorted(offences))


def test_only_settings_imports_the_hooks():
    hooks = f"{PACKAGE}.hooks"
    importers = []
    for path, module, is_package, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                source = _resolve(node, module, is_package)
                names = {f"{source}.{a.name}" for a in node.names}
                if source == hooks or hooks in names:
                    importers.append(module)
            elif isinstance(node, ast.Import) and any(
                a.name == hooks or a.name.startswith(hooks + ".") for a in node.names
            ):
                importers.append(module)
    assert set(importers) <= {f"{PACKAGE}.settings"}, sorted(set(importers))


def test_the_checks_see_the_package():
    # Guard against a silently empty walk (wrong root): the package has dozens of modules.
    assert sum(1 for _ in _modules()) > 50
