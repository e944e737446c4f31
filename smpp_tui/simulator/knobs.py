"""What the simulator's command line offers, in a module that imports nothing: `smpp-tui
--help` describes the `simulator` command without loading the simulator."""

# What a consumer key waiting for validation gets: OVHcloud answers either, by route.
INVALID_CREDENTIAL = "INVALID_CREDENTIAL"
NOT_CREDENTIAL = "NOT_CREDENTIAL"

MAIN_HISTORY = 20_000  # SMS sent from the main demo account
UPDATING_FOR = 60.0  # seconds the demo's UPDATING_IP account takes to settle after the start
