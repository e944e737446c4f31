"""One user action, declared once: its keys, binding id, footer label, palette title, help,
where it applies and whether it writes."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True)
class Command:
    id: str  # the binding id, which `[keys]` remaps: "account.copy"
    keys: str  # the default keys: "c,y"
    action: str  # the Textual action it runs: "copy", "tab('ips')"
    label: str  # in the footer: "Copy"
    help: str  # what it does, in a sentence (the palette and `?` show it)
    title: str = ""  # in the palette, when the label is too short to search by
    tab: str | None = None  # the account tab it belongs to (None: wherever its screen is)
    writes: bool = False  # changes something on OVHcloud: absent in read-only mode
    footer: bool = True
    palette: bool = True  # moving around (j, k...) is for keys only
    priority: bool = False  # heard before any dialog, form or field (Textual's priority binding)

    @property
    def name(self) -> str:
        """The action's name, as `check_action` gets it: "tab" for "tab('ips')"."""
        return self.action.split("(")[0]

    @property
    def palette_title(self) -> str:
        return self.title or self.label

    @property
    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=self.footer,
            id=self.id,
            tooltip=self.help,
            priority=self.priority,
        )


@dataclass(frozen=True)
class Toggle(Command):
    """A command that switches a view on and back off: the footer says what pressing it does
    now, `label` while off, `label_on` while on."""

    label_on: str = ""

    def label_now(self, on: bool) -> str:
        return self.label_on if on else self.label


def bindings(*commands: Command) -> list[BindingType]:
    """A class's `BINDINGS` (typed as Textual declares them)."""
    return [command.binding for command in commands]
