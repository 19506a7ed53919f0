"""Parley: a knowledge-graph builder for news about negotiations."""
__version__ = "0.1.0"
