"""Tests of the analysis engine, one module per rule group."""
