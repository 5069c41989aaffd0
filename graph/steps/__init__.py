"""Built-in pipeline steps; importing this package registers them all."""
from . import basics  # noqa: F401
