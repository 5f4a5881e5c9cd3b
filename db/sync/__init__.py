"""Sync in the store: a laptop sending and receiving changes, the hub applying and serving them."""
