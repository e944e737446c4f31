"""The house rules of DESIGN.md section 3 that code can check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = [
    "smpp_tui.simulator",
    "smpp_tui.api",
    "smpp_tui.store",
    "smpp_tui.config",
    "smpp_tui.session",
    "smpp_tui.profiles",
    "smpp_tui.connect",
    "smpp_tui.launch",
    "smpp_tui.audit",
]


def imported_modules(module: str) -> set[str]:
    code = f"import sys, importlib; importlib.import_module({module!r}); print(*sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False
    )
    if "ModuleNotFoundError" in result.stderr and module in result.stderr:
        pytest.skip(f"{module} does not exist yet")
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
