"""Built-in pipeline steps; importing this package registers them all."""
from . import basics, commitments, funding, meetings, people, threats, unasserted  # noqa: F401
