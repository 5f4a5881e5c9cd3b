"""Benchmark scripts: each prints figures; see bench/README.md."""
