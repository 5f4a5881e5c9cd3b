"""The laptop's link to the council's hub: its key in the keyring, HTTP, one sync."""
