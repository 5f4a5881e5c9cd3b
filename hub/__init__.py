"""The council's server: the ASGI app, its auth and audit, and the `assessor-hub` command."""
