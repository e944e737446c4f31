"""The Textual app: screens, widgets and styles. Reads the store, sends intents."""
