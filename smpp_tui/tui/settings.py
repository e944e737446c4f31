"""The config file's `[ui]` and `[keys]` applied to the app: each value checked here, since only
the app knows its themes and binding ids. What is wrong is said, never silently ignored; a theme
chosen from the palette is saved back (on an explicit action, as the config promises)."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.theme import Theme

from smpp_tui.config import ConfigError, edit_config, with_theme

if TYPE_CHECKING:
    from smpp_tui.tui.app import SmppApp


def binding_ids() -> set[str]:
    """Every binding id of the app, the ids a `[keys]` table may remap."""
    from smpp_tui.tui import app, screens, widgets  # noqa: F401 - every screen is imported
    from smpp_tui.tui.app import SmppApp

    classes = [SmppApp, *_subclasses(screens), *_subclasses(widgets)]
    return {
        binding.id
        for cls in classes
        for binding in getattr(cls, "BINDINGS", [])
        if isinstance(binding, Binding) and binding.id
    }


def _subclasses(package) -> list[type]:
    import importlib
    import pkgutil

    found = []
    for module in pkgutil.iter_modules(package.__path__):
        loaded = importlib.import_module(f"{package.__name__}.{module.name}")
        found += [value for value in vars(loaded).values() if isinstance(value, type)]
    return found


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
    known = binding_ids()
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
    if app.config_path is None or theme.name == app.config.ui.theme:
        return

    def save() -> None:
        with contextlib.suppress(ConfigError):  # a broken file is never overwritten
            app.config = edit_config(app.config_path, lambda config: with_theme(config, theme.name))

    app.run_worker(save, thread=True, exit_on_error=False, group="settings")
