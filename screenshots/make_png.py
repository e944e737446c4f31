"""Make screenshots/accounts.png: the accounts screen of the demo, for places that show no SVG.

Run from the repository's root (not part of the test run; the SVG pictures are the snapshot
tests' own):

    .venv/bin/pip install cairosvg    # not a dependency of smpp-tui; uses the cairo library
    .venv/bin/python screenshots/make_png.py [--font "DejaVu Sans Mono"]

It runs the real app headless at 120x40 on the built-in demo (seed 0, as `smpp-tui --demo`),
waits until the accounts are listed and every SMPP row shows its status and IP count, takes
Textual's SVG screenshot and converts it with cairosvg.

The SVG asks for the web font Fira Code, which cairosvg cannot download: the font is replaced
by a monospace font installed here (`fc-list :spacing=mono` lists them), else cairo's fallback
draws box-drawing lines and symbols (✓ ● ⚠) from a proportional font, out of their columns.
Textual's header icon ⭘ is drawn as ○, which more fonts have (DejaVu has no ⭘).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

from smpp_tui.session.open import demo_session
from smpp_tui.tui.app import SmppApp
from smpp_tui.tui.widgets.accounts_table import AccountsTable

PNG = Path(__file__).with_name("accounts.png")
SIZE = (120, 40)
DETAILS = ("smpp_status", "ips")  # the columns each SMPP row fills in after the list
PENDING = "…"  # what those cells show until they are read
LOOKALIKES = {"⭘": "○"}  # glyphs common monospace fonts lack


async def accounts_svg(timeout: float = 30) -> str:
    """The accounts screen of the demo once every row says all it will say."""
    app = SmppApp(demo_session(seed=0))
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        deadline = time.monotonic() + timeout
        while not complete(app):
            if app.return_code is not None:  # the app failed: leaving `run_test` raises why
                break
            if time.monotonic() > deadline:
                sys.exit(f"the demo's accounts were not all shown within {timeout:.0f} s")
            await pilot.pause(0.05)
        app.clear_notifications()  # the demo's greeting would cover the table
        await pilot.pause(0.2)  # the last cells' repaint
        return app.export_screenshot()


def complete(app: SmppApp) -> bool:
    tables = app.screen.query(AccountsTable)
    if not tables or not tables.first().row_count:
        return False
    table = tables.first()
    cells = (table.get_cell(row, column).plain for row in table.row_keys() for column in DETAILS)
    return not any(PENDING in text for text in cells)


def with_font(svg: str, font: str) -> str:
    """The SVG drawn with `font` instead of the web font it names."""
    svg = svg.replace('"Fira Code"', f'"{font}"').replace("Fira Code,", f'"{font}",')
    for glyph, lookalike in LOOKALIKES.items():
        svg = svg.replace(glyph, lookalike)
    return svg


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font", default="DejaVu Sans Mono", help="an installed monospace font")
    parser.add_argument("--output", type=Path, default=PNG)
    args = parser.parse_args()
    try:
        import cairosvg
    except ImportError:
        sys.exit("make_png.py needs cairosvg (not a dependency of smpp-tui): pip install cairosvg")
    svg = with_font(asyncio.run(accounts_svg()), args.font)
    cairosvg.svg2png(bytestring=svg.encode(), write_to=str(args.output))
    print(args.output)


if __name__ == "__main__":
    main()
