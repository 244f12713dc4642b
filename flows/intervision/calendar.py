"""An intervision session or a theme session as a calendar file (.ics, RFC 5545, with
`icalendar`), so it lands in the phone's calendar. A calendar shows on lock screens and
is often shared, so the entry says only "Sleutel" and the reference, the time, and the
place when there is one: no names, no titles, nothing about cases."""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar, Event

from storage.records import SessionRecord

LENGTH = timedelta(hours=2)


def session_file(session: SessionRecord, *, now: datetime) -> bytes:
    return event_file(
        session.reference,
        session.starts_at,
        session.place,
        cancelled=session.status == "cancelled",
        now=now,
        sequence=session.sequence,
    )


def event_file(
    reference: str,
    starts_at: datetime,
    place: str | None,
    *,
    cancelled: bool,
    now: datetime,
    sequence: int = 0,
) -> bytes:
    """One event: "Sleutel <reference>", its time and place; a later file with a higher
    `sequence` replaces it, a cancelled one removes it."""
    calendar = Calendar()
    calendar.add("prodid", "-//Sleutel//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = Event()
    event.add("uid", f"{reference}@sleutel")
    event.add("dtstamp", now)
    event.add("sequence", sequence)
    event.add("dtstart", starts_at)
    event.add("dtend", starts_at + LENGTH)
    event.add("summary", f"Sleutel {reference}")
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if place:
        event.add("location", place)
    calendar.add_component(event)
    return calendar.to_ical()
