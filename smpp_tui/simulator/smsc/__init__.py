"""A local SMSC: an SMPP 3.4 server on loopback that applies each simulated account's rules
(SystemID, password, allowed IPs, SMPP status, throttling, one transceiver), so that a bind
from the app's connection test or from any SMPP client behaves as OVHcloud's would.

Its ports are bound first (`Smsc.listen`, cheap: the settings name them at once) and served
later (`Smsc.start`): the demo starts serving after its first screen is drawn. Its TLS
certificate is made on first use by trustme.
"""
