"""Tasks sent by connected systems: payloads, events, their fold onto tasks."""
