"""Imports into canbo: edXML packets, task and people spreadsheets, kept rejected payloads."""
