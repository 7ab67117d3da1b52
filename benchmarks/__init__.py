"""Benchmarks for issue 6: a synthetic plan generator and a runner comparing with raw libraries."""
