"""Restructuring: merge plans into a cluster, propose an exact reduction, a timeline by date."""
