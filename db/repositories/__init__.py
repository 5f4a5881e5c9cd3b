"""One repository per kind of record, each working in the session of one transaction."""
