"""ckg views: NetworkX graphs of the store, analytics, and interactive pages."""

from viz.pages import PageInfo, render_page, write_page

__all__ = ["PageInfo", "render_page", "write_page"]
