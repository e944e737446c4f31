"""The house rules of DESIGN.md section 3 that code can check: imports only go down
(`cli -> tui -> session -> store -> api`, `session -> config`), with no cycle between packages;
the core never imports Textual; the simulator and the client share no code."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "smpp_tui"

# What each part may import, besides itself. Below `tui`, nothing knows the app exists.
ALLOWED = {
    "cli": {"tui", "session", "store", "config", "api", "simulator"},
    "tui": {"session", "store", "config", "api"},
    "session": {"store", "api", "config", "simulator"},
    "store": {"api"},
    "api": set(),
    "config": set(),
    "simulator": set(),
}
# The app knows OVHcloud's data, what its codes mean and its failures, never how to reach it;
# and it shows outside text the way the API layer cleans it, and checks what is typed as it does.
TUI_MAY_USE_FROM_API = {
    "smpp_tui.api.models",
    "smpp_tui.api.errors",
    "smpp_tui.api.delivery",
    "smpp_tui.api.history",
    "smpp_tui.api.text",
    "smpp_tui.api.checks",
    "smpp_tui.api.client_configs",
    "smpp_tui.api.smpp_steps",
}
CORE = [
    "smpp_tui.simulator",
    "smpp_tui.api",
    "smpp_tui.store",
    "smpp_tui.config",
    "smpp_tui.session",
]


def sources() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield module, path


def part_of(module: str) -> str | None:
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 and pieces[0] == "smpp_tui" else None


def imports_of(module: str, path: Path) -> set[str]:
    """Every smpp_tui module `path` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolved against this module's package
                package = module.rsplit(".", node.level - (path.name == "__init__.py"))[0]
                base = f"{package}.{base}".rstrip(".")
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(
                    candidate if importlib.util.find_spec(base) and _is_module(candidate) else base
                )
    return {name for name in found if name.startswith("smpp_tui")}


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


GRAPH = {module: imports_of(module, path) for module, path in sources()}


def test_each_part_imports_only_the_parts_below_it():
    wrong = []
    for module, imported in GRAPH.items():
        mine = part_of(module)
        if mine not in ALLOWED:
            continue
        for name in imported:
            theirs = part_of(name)
            if theirs not in (mine, None) and theirs not in ALLOWED[mine] and theirs != "ovh_api":
                wrong.append(f"{module} imports {name}")
    assert wrong == []


def test_no_cycle_between_parts():
    edges = {
        (part_of(module), part_of(name))
        for module, imported in GRAPH.items()
        for name in imported
        if part_of(module) != part_of(name)
    }
    parts = {part for edge in edges for part in edge}
    reached = {part: {b for a, b in edges if a == part} for part in parts}
    for _ in parts:  # the transitive closure
        reached = {
            p: seen | {c for s in seen for c in reached.get(s, ())} for p, seen in reached.items()
        }
    assert [part for part in parts if part in reached[part]] == []


def test_the_app_uses_only_the_models_and_errors_of_the_api():
    used = {
        name
        for module, imported in GRAPH.items()
        if part_of(module) == "tui"
        for name in imported
        if part_of(name) == "api"
    }
    assert used <= TUI_MAY_USE_FROM_API


def test_the_app_never_reaches_the_gateway():
    for module, path in sources():
        if part_of(module) != "tui":
            continue
        tree = ast.parse(path.read_text("utf-8"))
        names = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        names |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        assert not {"gateway", "Gateway"} & names, module


def imported_modules(module: str) -> set[str]:
    code = f"import sys, importlib; importlib.import_module({module!r}); print(*sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


@pytest.mark.parametrize("module", CORE)
def test_the_core_never_imports_textual(module):
    assert not any(name.split(".")[0] == "textual" for name in imported_modules(module))


def test_the_simulator_and_the_api_share_no_code():
    simulator = imported_modules("smpp_tui.simulator")
    assert not any(name.startswith("smpp_tui.api") for name in simulator)
    api = imported_modules("smpp_tui.api")
    assert not any(name.startswith("smpp_tui.simulator") for name in api)


def test_nothing_reads_the_shared_folder():
    sources = [*ROOT.joinpath("smpp_tui").rglob("*.py"), *ROOT.joinpath("tests").rglob("*.py")]
    for path in sources:
        if path == Path(__file__).resolve():
            continue
        text = path.read_text("utf-8")
        assert "../shared" not in text, path
        assert "/work/shared" not in text, path


def test_the_schemas_ship_inside_the_package():
    from importlib import resources

    folder = resources.files("smpp_tui").joinpath("ovh_api")
    for name in ("sms.json", "me-subset.json", "README.md"):
        assert folder.joinpath(name).is_file(), name
