"""The laptop's link to the council's hub: credentials in the OS keyring, the HTTP client, one sync."""
