"""smpp-tui: manage OVHcloud SMPP accounts from a terminal."""

__version__ = "0.1.0"
