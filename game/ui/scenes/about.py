"""About and safety: practice, not therapy; where to turn when listening is not the answer; what is kept.

One scrolling page. The arrows, Page Up/Down (or a clicker), Home/End and the
mouse wheel scroll it; Esc or Back closes it. The safety section comes
second, framed so it is not missed, and its words stay true wherever the
player lives: an emergency number "where you are", two national helplines as
examples, and local services elsewhere.
"""

from __future__ import annotations

import pygame

from ..widgets import ScrollColumn, draw_panel
from ..widgets.prose import Block, Framed, Heading, Item, Para, Prose
from .base import Scene

TITLE = "About and safety"
CONTENT_EMS = 36  # the widest the text gets, in body-text sizes: about 70 characters a line


def sections(home: str) -> list[Block]:
    return [
        Heading("Practice, not therapy"),
        Para(
            "Attune is a game for practising one habit: hearing the fear beneath a partner's words "
            "and saying it back. It is practice, not therapy, and it cannot tell you how your "
            "relationship is doing.",
            gap_after=1.6,
        ),
        Framed(
            [
                Heading("When listening is not the answer", accent=True),
                Para(
                    "Better listening is never the answer to abuse, violence, coercion, or being afraid "
                    "of your partner. None of that is a communication problem, and none of it is your fault."
                ),
                Para(
                    "Controlling behaviour is one of these: a partner who checks your phone, controls the money, "
                    "cuts you off from friends or family, or frightens you. That is a matter for help, not for "
                    "better listening; a helpline can talk it through with you."
                ),
                Para("If you are in danger now, call the emergency number where you are.", role="strong"),
                Para(
                    "A domestic violence helpline can listen in confidence and help you plan what to do. "
                    "Numbers differ from country to country; for example:"
                ),
                Item("", "In the United States", "The National Domestic Violence Hotline: 1-800-799-7233"),
                Item("", "In the United Kingdom", "Refuge's National Domestic Abuse Helpline: 0808 2000 247"),
                Item(
                    "",
                    "Anywhere else",
                    "Look for the domestic violence helpline or local support services in your country; "
                    "a doctor or health service can point you to them.",
                ),
                Para(
                    "If someone else uses this computer, you can delete what the game keeps: "
                    "Settings, then Delete all progress.",
                    dim=True,
                ),
            ],
            accent=True,
        ),
        Heading("When a couples therapist helps"),
        Para(
            "You don't have to face shame loops alone. If your attempts at vulnerability are met with "
            "silence, defensiveness or escalation, a skilled couples therapist can help. Couples therapy "
            "gives a neutral container where both voices can be heard, guarded defences can soften, and "
            "new ways of being together can grow."
        ),
        Para(
            "Good couples work screens for violence first: where one partner is afraid of the other, "
            "joint sessions are not the place to start, and each person gets support of their own.",
            gap_after=1.6,
        ),
        Heading("What the science can and cannot say"),
        Para(
            "The moves and figures in Attune draw on published work: reflective listening and the MITI "
            "coding manual, Gottman's studies of couples in conflict, and emotionally focused therapy. "
            "Later studies did not replicate every one of Gottman's predictions, and the guides beside "
            "your figures are expert opinion, not norms: read them as guides, never as verdicts."
        ),
        Para("The game teaches habits. It does not diagnose a relationship.", gap_after=1.6),
        Heading("What is kept, and where"),
        Para("Your plays, profiles and settings are saved on this computer only, in this folder:"),
        Para(home, role="strong", wrap_words=True),
        Para(
            "Nothing leaves this computer: no account, no network. To delete it all, open Settings and "
            "choose Delete all progress.",
            gap_after=1.6,
        ),
        Heading("Credits"),
        Para(
            "Text is set in Lato by \u0141ukasz Dziedzic, used under the SIL Open Font License 1.1; "
            "the licence is in assets/fonts/OFL.txt. Attune itself is free software under the MIT licence.",
            wrap_words=True,
        ),
    ]


class AboutScene(Scene):
    name = "about"

    def enter(self) -> None:
        self.column = ScrollColumn()
        self.prose = Prose(sections(str(self.app.store.home)))
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.origin = (0, 0)

    def layout(self, size: tuple[int, int]) -> None:
        t = self.theme
        pad = t.space(2)
        area = self.layout_page(TITLE, round(t.body_px * CONTENT_EMS) + 2 * pad)
        need = self.prose.layout(t, area.width - 2 * pad)
        # the panel holds the text and, at its right, the scroll bar
        self.panel = pygame.Rect(area.x, area.top, area.width + ScrollColumn.gutter(t), area.height - t.margin)
        view = self.panel.inflate(-t.space(0.5), -t.space(0.5))
        self.column.set_view(view, need + 2 * pad - t.space(0.5))
        self.origin = (area.x + pad, area.top + pad)
        self.set_focus(self.back_button)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        self.app.draw_background(surface)
        self.draw_header(surface)
        draw_panel(surface, self.panel, t)
        with self.column.clipped(surface) as dy:
            self.prose.draw(surface, t, (self.origin[0], self.origin[1] + dy), view=self.column.view)
        self.column.draw_bar(surface, t)
        self.draw_buttons(surface)
