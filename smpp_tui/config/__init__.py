"""Profiles and settings: one TOML file under the platform's config folder.

Never imports Textual (a test checks it): the app checks theme names and binding ids itself.
"""

from smpp_tui.config.edits import (
    edit_config,
    with_default_profile,
    with_profile,
    with_theme,
    without_profile,
)
from smpp_tui.config.files import ENVIRONMENT, HEADER, config_path, load_config, save_config
from smpp_tui.config.model import (
    OVH_CONF,
    REGIONS,
    Config,
    ConfigError,
    Profile,
    UiSettings,
    masked,
)

__all__ = [
    "ENVIRONMENT",
    "HEADER",
    "OVH_CONF",
    "REGIONS",
    "Config",
    "ConfigError",
    "Profile",
    "UiSettings",
    "config_path",
    "edit_config",
    "load_config",
    "masked",
    "save_config",
    "with_default_profile",
    "with_profile",
    "with_theme",
    "without_profile",
]
