"""Failures whose message is written for the worker, in plain words, and shown as it is."""

from __future__ import annotations


class PlainProblem(Exception):
    """str() is a message a worker or council IT can act on: no code, no SQL, no data."""
