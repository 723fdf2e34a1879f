"""Honours plugin: award data from front-matter to honour rolls, unit pages,
statistics and open data."""

from .plugin import register

__all__ = ["register"]
