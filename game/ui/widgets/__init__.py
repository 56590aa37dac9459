"""Widgets every screen builds from: wrapped text, buttons, panels, a scroll column, meters.

- text: `draw_text`, `measure`, `wrap`, `elide`, `draw_label`, and `FIT`, the fit check
- button: `Button`, `stack_buttons`, `row_buttons`
- panel: `draw_panel` (a card frame), `draw_focus_ring`, `draw_badge`
- scroll: `ScrollColumn`
- meter: `draw_meter`, `meter_height`
- prose: `Prose` and its blocks (`Heading`, `Para`, `Item`, `Quote`, `Framed`, `Columns`, `Custom`),
  for long, scrolling pages; `breakable` for folder paths
"""

from .button import Button, row_buttons, stack_buttons
from .meter import draw_meter, meter_height
from .panel import draw_badge, draw_focus_ring, draw_panel
from .scroll import ScrollColumn
from .text import FIT, draw_label, draw_text, elide, line_height, measure, render_line, text_width, wrap

__all__ = [
    "FIT",
    "Button",
    "ScrollColumn",
    "draw_badge",
    "draw_focus_ring",
    "draw_label",
    "draw_meter",
    "draw_panel",
    "draw_text",
    "elide",
    "line_height",
    "measure",
    "meter_height",
    "render_line",
    "row_buttons",
    "stack_buttons",
    "text_width",
    "wrap",
]
