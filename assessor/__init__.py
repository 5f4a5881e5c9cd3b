"""Assessor's domain: the two-page record, its checks and its exports, free of Qt and SQL."""

__version__ = "0.1.0"
