"""What every layer's tests share: a throw-away PostgreSQL server, where a test's store lives,
and the tests' own SQL, all opened through `db.connection`."""
