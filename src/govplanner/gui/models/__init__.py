"""Thin Qt item models over the document: they read the plan, and edit it only by commands."""
