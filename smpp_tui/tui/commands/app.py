"""What every screen offers, and moving in any table."""

from smpp_tui.tui.commands.command import Command

# q and ctrl+c where no field or dialog takes them (a field copies with ctrl+c); ctrl+q
# everywhere, dialogs and fields included: a binding of its own, as only it has priority.
QUIT = Command("app.quit", "q,ctrl+c", "quit", "Quit", help="Leave smpp-tui")
QUIT_ANYWHERE = Command(
    "app.quit_anywhere",
    "ctrl+q",
    "quit",
    "Quit",
    help="Leave smpp-tui, from any screen, dialog or field",
    priority=True,
)
HELP = Command("app.help", "question_mark,f1", "help", "Keys", help="The keys of this screen")
REFRESH = Command("app.refresh", "r", "refresh", "Refresh", help="Fetch what is shown now")
PROFILES = Command(
    "app.profiles", "p", "profiles", "Profiles", help="Switch, add or remove API profiles"
)
BACK = Command("app.back", "escape", "back", "Back", help="Go back to the previous screen")
THEME = Command(
    "app.theme", "ctrl+t", "change_theme", "Theme", help="Choose the colours", footer=False
)
SCREENSHOT = Command(
    "app.screenshot",
    "ctrl+s",
    "screenshot",
    "Screenshot",
    help="Save this screen as an SVG picture",
    footer=False,
)
PALETTE = Command(
    "app.command_palette",
    "ctrl+p",
    "command_palette",
    "Commands",
    help="Every action of this screen, by name",
    footer=False,
    palette=False,
)
APP = (QUIT, QUIT_ANYWHERE, HELP, REFRESH, PROFILES, BACK, THEME, SCREENSHOT, PALETTE)


def _move(name: str, key: str, action: str, label: str) -> Command:
    return Command(f"table.{name}", key, action, label, help=label, footer=False, palette=False)


TABLE = (
    _move("down", "j", "cursor_down", "Next row"),
    _move("up", "k", "cursor_up", "Previous row"),
    _move("top", "g", "scroll_top", "First row"),
    _move("bottom", "G", "scroll_bottom", "Last row"),
)
