"""The footer: the keys of the screen in front, the most important first, as many as fit.

Textual's footer shows every key in the order the bindings are found and lets the line cut the
last ones mid-word ("p Pro"). This one orders them by importance: the screen's own actions, then
`?` (which lists every key, so it always stays), then quit and back, then the rest (refresh,
profiles...); it leaves out whole keys that do not fit the width, again at each resize, and
shows the command palette's key when there is room for it.

A screen may word a key after its state (`LabelsKeys`): a toggle says what pressing it does now.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Protocol, runtime_checkable

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # not exported, but what the footer is made of

from smpp_tui.tui.commands import BY_ID, Command
from smpp_tui.tui.commands.app import BACK, HELP, PALETTE, QUIT

# The cells around a key and its label, as Textual's footer styles them (not compact): a space
# either side of the key, one after the label. The palette's key also has a border and a pad.
AROUND_KEY = 3
AROUND_PALETTE = AROUND_KEY + 2


@runtime_checkable
class LabelsKeys(Protocol):
    def footer_label(self, command: Command) -> str:
        """What the footer calls `command` now."""
        ...


def by_importance(found: Iterable[ActiveBinding], app: object) -> list[ActiveBinding]:
    """The screen's own keys first, then `?`, quit and back, then the app's others; one key
    per action, as Textual's footer shows them."""
    shown: dict[str, ActiveBinding] = {}
    for active in found:
        if active.binding.show:
            shown.setdefault(active.binding.action, active)
    own = [active for active in shown.values() if active.node is not app]
    rest = [active for active in shown.values() if active.node is app]
    first = [
        active
        for command in (HELP, QUIT, BACK)
        for active in rest
        if active.binding.action == command.action  # quit: `q`, or `ctrl+q` in a field
    ]
    return own + first + [active for active in rest if active not in first]


class KeysFooter(Footer):
    def __init__(self, **options: Any) -> None:
        """`options`: Textual's footer's (an id, classes...)."""
        super().__init__(**options)
        self._ready = False  # the screen's bindings are known (Textual's footer waits for them too)
        self._fitted_to = 0  # the width the keys shown were chosen for
        self._shown: tuple[object, ...] = ()  # what the keys shown say (see `_keys`)

    @property
    def fitted_to(self) -> int:
        """The width the keys shown were chosen for (0: none chosen yet)."""
        return self._fitted_to

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            # Looked at once the change is made, as Textual's footer does.
            self.call_after_refresh(self._keys_changed)

    async def _keys_changed(self) -> None:
        """Built again only when what it shows at its width changes: bindings are said to
        change several times a screen or tab switch, a resize may leave the same keys, and a
        rebuild holds every frame back while it lasts (12 ms, or 50 ms beside a page of
        answers)."""
        if not self.is_attached:  # gone since
            return
        width = self._width_now
        said = self._said(self._keys(width))
        if said == self._shown:
            self._fitted_to = width  # the same keys fit
            return
        # Said now, so that another change heard while this one is built does not build it
        # again (compose says it again, from the bindings of then).
        self._shown = said
        await self.recompose()

    def on_resize(self, event: events.Resize) -> None:
        if self._ready:
            self.call_after_refresh(self._keys_changed)

    @property
    def _width_now(self) -> int:
        return self.size.width or self.app.size.width

    def compose(self) -> ComposeResult:
        if not self._ready:
            return
        self._fitted_to = self._width_now
        keys = self._keys(self._fitted_to)
        self._shown = self._said(keys)
        for active, classes in keys:
            yield self._key(active, classes)

    def _keys(self, width: int) -> list[tuple[ActiveBinding, str]]:
        """The keys to show at `width`, each with its classes."""
        found = self.screen.active_bindings.values()
        palette = next((a for a in found if a.binding.id == PALETTE.id), None)
        keys = list(self._fitting(by_importance(found, self.app), width))
        room = width - sum(self._width(active) for active in keys)
        shown = [(active, "") for active in keys]
        if self.show_command_palette and palette and self._width(palette, True) <= room:
            shown.append((palette, "-command-palette"))
        return shown

    def _said(self, keys: list[tuple[ActiveBinding, str]]) -> tuple[object, ...]:
        """What `keys` show, to compare with what is shown."""
        return tuple(
            (a.binding.key, self._label(a), a.binding.action, a.enabled, a.tooltip, classes)
            for a, classes in keys
        )

    def _fitting(self, ordered: list[ActiveBinding], width: int) -> Iterator[ActiveBinding]:
        """The keys that fit `width`, in order, whole: `?` always; the others while room is
        left, a long one left out for shorter ones after it."""
        room = width - sum(self._width(a) for a in ordered if a.binding.id == HELP.id)
        for active in ordered:
            if active.binding.id == HELP.id:
                yield active
            elif self._width(active) <= room:
                room -= self._width(active)
                yield active

    def _label(self, active: ActiveBinding) -> str:
        command = BY_ID.get(active.binding.id or "")
        if command is not None and isinstance(self.screen, LabelsKeys):
            return self.screen.footer_label(command)
        return active.binding.description

    def _width(self, active: ActiveBinding, palette: bool = False) -> int:
        key = self.app.get_key_display(active.binding)
        around = AROUND_PALETTE if palette else AROUND_KEY
        return cell_len(key) + cell_len(self._label(active)) + around

    def _key(self, active: ActiveBinding, classes: str = "") -> FooterKey:
        binding = active.binding
        return FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            self._label(active),
            binding.action,
            disabled=not active.enabled,
            tooltip=active.tooltip or binding.description,
            classes=classes,
        ).data_bind(compact=Footer.compact)
