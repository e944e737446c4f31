"""The config file's `[ui]` and `[keys]` applied to the app: each value checked here, since only
the app knows its themes and binding ids. What is wrong is said, never silently ignored; a theme
chosen from the palette is saved back (on an explicit action, as the config promises)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.theme import Theme

from smpp_tui.config import ConfigError, edit_config, with_theme
from smpp_tui.tui import commands

if TYPE_CHECKING:
    from smpp_tui.tui.app import SmppApp


def apply_settings(app: SmppApp) -> None:
    config = app.config
    for warning in config.warnings:
        app.notify(warning, severity="warning", markup=False, timeout=15)
    if config.ui.theme is not None:
        if config.ui.theme in app.available_themes:
            app.theme = config.ui.theme
        else:
            themes = ", ".join(sorted(app.available_themes))
            app.notify(
                f"[ui] theme = {config.ui.theme!r} is not a theme; use one of {themes}",
                severity="warning",
                markup=False,
                timeout=15,
            )
    _apply_keys(app)
    app.theme_changed_signal.subscribe(app, lambda theme: _save_theme(app, theme))


def _apply_keys(app: SmppApp) -> None:
    known = set(commands.BY_ID)
    unknown = sorted(set(app.config.keys) - known)
    if unknown:
        app.notify(
            f"[keys] names no binding {', '.join(unknown)}; the ids are listed by ? on each screen",
            severity="warning",
            markup=False,
            timeout=15,
        )
    app.set_keymap({key: value for key, value in app.config.keys.items() if key in known})


def _save_theme(app: SmppApp, theme: Theme) -> None:
    path = app.config_path
    if path is None or theme.name == app.config.ui.theme:
        return

    async def save() -> None:
        try:
            app.config = await app.call(edit_config, path, lambda c: with_theme(c, theme.name))
        except ConfigError as error:  # broken since the start, or unwritable: never overwritten
            app.notify(
                f"The theme {theme.name} is used but not saved: {error}",
                severity="warning",
                markup=False,
                timeout=15,
            )

    app.run_worker(save(), exit_on_error=False, group="settings")
