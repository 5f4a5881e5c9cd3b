"""Persistence: the SQLite store, its migrations and its change log for sync."""
