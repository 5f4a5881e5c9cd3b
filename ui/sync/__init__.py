"""Sync with the council's hub on the desktop: connecting, syncing in the background, the status
bar's word on it, and what needs the worker's attention (conflicts, changes not accepted)."""
