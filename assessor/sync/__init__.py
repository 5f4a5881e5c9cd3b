"""Sync's pure rules: what a change is, what merges and what conflicts, cursors."""
