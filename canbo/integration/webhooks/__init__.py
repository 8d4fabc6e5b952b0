"""Webhooks: what connected systems are told, signed and retried."""
