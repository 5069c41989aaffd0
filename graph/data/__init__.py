"""The data files shipped with ckg: boilerplate rules, date and number words, triggers, reference data."""
from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

# libyaml's parser when PyYAML was built with it (its wheels are): the rule files are read at every
# start (each command, each build worker), and the pure-Python parser took 0.22 s of it, libyaml's
# 0.008 s. Both build the same safe types (tested).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(name: str) -> Any:
    """The YAML file ``name`` of this package, read with safe types only."""
    return yaml.load(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"), Loader=_LOADER)
