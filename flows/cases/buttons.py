"""The case buttons every case dialogue and notice shows; their data is built by
`flows.core.callbacks.case_data` and routed by `flows.cases.actions`."""

from __future__ import annotations

from flows.core.callbacks import case_data
from flows.core.messages import Button, Text, _


def case_button(label: Text, action: str, reference: str, *extra: str) -> Button:
    return Button(label, case_data(action, reference, *extra))


def open_button(reference: str) -> Button:
    return case_button(_("Open"), "open", reference)


def ack_button(reference: str) -> Button:
    return case_button(_("Acknowledge"), "ack", reference)


def reply_button(reference: str) -> Button:
    return case_button(_("Reply"), "msg", reference)


def decide_button(reference: str) -> Button:
    return case_button(_("Decide next step"), "decide", reference)


def update_button(reference: str) -> Button:
    return case_button(_("Add an update"), "update", reference)
