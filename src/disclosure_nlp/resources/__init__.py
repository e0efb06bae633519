"""Rule data and models that ship inside the package."""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).parent


def resource_path(name: str) -> Path:
    """Path of a packaged resource file or folder."""
    return RESOURCES_DIR / name
