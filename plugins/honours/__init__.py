"""Honours plugin: award data from front-matter to honour rolls, unit pages,
statistics and open data."""


def register():
    """Pelican's entry point. Imported on call, so that the editor's commands, which use only
    `honours.core`, do not load Pelican and the page families (a second per command)."""
    from .plugin import register as register_plugin

    register_plugin()


__all__ = ["register"]
