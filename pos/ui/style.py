"""The one stylesheet of the app: large, high-contrast type (the counter is read from a step away)
and colours that mean the same thing on every screen (DESIGN.md §5): green ok, red refused, amber
waiting, grey crossed out.

Widgets never carry a sheet of their own. They say what they are with an objectName, a text size
(`scale`) and, for a state, a `tone`; the sheet below styles them by selector. A state change sets
the property and re-polishes (`set_tone`), so the look of a state lives here and nowhere else.

Everything a finger presses is at least 40 px tall (buttons, combo boxes, check boxes, radio
buttons and their marks, both spin-box arrows).
"""

from __future__ import annotations

TOUCH_PX = 40  # the smallest target a finger hits reliably on a counter touch screen

# colours with a meaning
INK = "#212121"
OK_GREEN = "#2e7d32"
OK_PALE = "#e8f5e9"  # the ok strip's background, with OK_DARK text
OK_DARK = "#1b5e20"
DONE_GREEN = "#c8e6c9"  # a line every unit of which is ticked
REFUSED_RED = "#c62828"
WAITING_AMBER = "#ff8f00"
CROSSED_GREY = "#757575"  # text of a crossed-out line, and the banner that confirms a cross-out
CROSSED_PALE = "#e0e0e0"  # background of a crossed-out line
LAST_SCANNED = "#fff59d"  # the row the last scan or tick changed
PRICE_CHANGED = "#e65100"  # not the catalog price: a manager approved it
# colours without one
PRIMARY_BLUE = "#1565c0"
DISABLED_GREY = "#90a4ae"
MUTED = "#37474f"
NIGHT = "#102027"  # the customer display, a dark screen that reads from across the counter
CALLOUT_PALE = "#a5d6a7"

# the type scale in pixels; a widget picks a step with `scale`
TYPE_SCALE = {
    "small": 15,  # status bar, key hints
    "body": 18,
    "medium": 20,  # the slip's lines
    "large": 24,
    "heading": 28,
    "title": 34,  # the customer's name, the amount due
    "huge": 44,
    "display": 56,  # the call-out across the counter
    "giant": 64,  # the name to confirm at the bench, the customer display's total
}

# spacing in pixels
PAD_S, PAD_M, PAD_L, PAD_XL = 6, 8, 14, 18
SIDE_PANEL_MAX = 520  # a side panel's widest: past it a list only moves its text away from the lines
RADIUS = 8


def _scale_rules() -> str:
    # a table's header takes its size too; a label is bold from heading size up unless said otherwise
    return (
        "\n".join(
            f'*[scale="{name}"], *[scale="{name}"] QHeaderView {{ font-size: {px}px; }}'
            for name, px in TYPE_SCALE.items()
        )
        + '\n*[strong="true"] { font-weight: bold; }\n'
    )


APP_STYLE = f"""
QWidget {{ font-size: {TYPE_SCALE["body"]}px; }}
QLineEdit, QComboBox, QPushButton {{ min-height: 44px; padding: 4px 10px; }}
QCheckBox, QRadioButton {{ min-height: 44px; spacing: 12px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 30px; height: 30px; }}
/* spin-box arrows side by side at the right, each a full-height square; no border or background
   here, or the platform style stops drawing the arrows */
QSpinBox, QDoubleSpinBox {{ min-height: 44px; padding-right: 88px; }}
QSpinBox::up-button, QDoubleSpinBox::up-button {{
    subcontrol-origin: border; subcontrol-position: center right; width: 44px; height: 44px;
}}
QSpinBox::down-button, QDoubleSpinBox::down-button {{
    subcontrol-origin: border; subcontrol-position: center right; right: 44px; width: 44px; height: 44px;
}}
/* a quantity typed into a table cell: the cell's height, the number in view */
QLineEdit#cell_editor {{ min-height: 0; padding: 0 4px; }}
{_scale_rules()}
QPushButton#primary {{ background: {PRIMARY_BLUE}; color: white; font-weight: bold; border-radius: 6px; }}
QPushButton#primary:disabled {{ background: {DISABLED_GREY}; }}
QLabel#title {{ font-size: {TYPE_SCALE["title"]}px; font-weight: bold; }}
QLabel#error {{ color: {REFUSED_RED}; font-weight: bold; }}
QLabel#startingMessage {{ qproperty-alignment: AlignCenter; color: {MUTED}; }}
QLabel#keys {{ color: {MUTED}; font-size: {TYPE_SCALE["small"]}px; }}
QStatusBar QLabel {{ font-size: {TYPE_SCALE["small"]}px; padding: 0 10px; }}
QStatusBar QLabel[alarm="true"] {{ color: {REFUSED_RED}; font-weight: bold; }}

/* the counter's message strip and the bench's: red for a refusal, green for news */
QLabel#message_strip, QLabel#bench_message {{ min-height: {TOUCH_PX}px; padding: {PAD_S}px; }}
QLabel#message_strip[tone="refused"] {{
    background: {REFUSED_RED}; color: white; font-size: {TYPE_SCALE["large"]}px; font-weight: bold;
}}
QLabel#message_strip[tone="ok"] {{ background: {OK_PALE}; color: {OK_DARK}; font-size: {TYPE_SCALE["medium"]}px; }}

/* the bench's full-width banner: the packer must notice a refusal; a tick or a cross-out flashes */
QLabel#bench_banner {{ color: white; font-size: {TYPE_SCALE["medium"]}px; padding: {PAD_M}px; }}
QLabel#bench_banner[tone="ok"] {{ background: {OK_GREEN}; }}
QLabel#bench_banner[tone="crossed"] {{ background: {CROSSED_GREY}; }}
QLabel#bench_banner[tone="refused"] {{
    background: {REFUSED_RED}; font-size: {TYPE_SCALE["heading"]}px; font-weight: bold; padding: {PAD_L}px;
}}

/* on a wide screen the room goes to the item names: the bench's open-box panel stops growing */
QLabel#open_box, QListWidget#open_box_items, QLabel#boxes_summary {{ max-width: {SIDE_PANEL_MAX}px; }}

QLabel#callout {{
    font-size: {TYPE_SCALE["display"]}px; font-weight: bold; color: white; background: {OK_GREEN};
    padding: {PAD_XL}px; border-radius: {RADIUS}px;
}}

QWidget#customer_display {{ background: {NIGHT}; color: white; }}
QWidget#customer_display QLabel {{ color: white; }}
QWidget#customer_display QLabel#display_callout {{ color: {CALLOUT_PALE}; }}

QWidget#signature_pad {{ background: white; }}
"""


def set_tone(widget, tone: str | None) -> None:  # noqa: ANN001 - a QWidget; this module stays free of Qt
    """Give `widget` the look of `tone` ("ok", "refused", "waiting", "crossed", or None for none)
    at once: Qt applies a changed property's selectors only when the widget is polished again."""
    widget.setProperty("tone", tone or "")
    repolish(widget)


def repolish(widget) -> None:  # noqa: ANN001 - a QWidget
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def text_size(widget, scale: str, *, strong: bool = False):  # noqa: ANN001, ANN201 - a QWidget, returned
    """Put `widget` on a step of the type scale (bold with `strong`); returns it."""
    if scale not in TYPE_SCALE:
        raise ValueError(f"no such text size: {scale}")
    widget.setProperty("scale", scale)
    if strong:
        widget.setProperty("strong", True)
    return widget
