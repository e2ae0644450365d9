"""What a widget looks like: the tone the stylesheet styles it by, and the colour it is drawn in."""

from PySide6.QtWidgets import QWidget


def tone(widget: QWidget) -> str:
    return widget.property("tone") or ""


def painted_colour(widget: QWidget) -> str:
    """The colour drawn just inside the widget's top-left corner (its background), as "#rrggbb"."""
    return widget.grab().toImage().pixelColor(2, 2).name()
