"""An intervision session as a calendar file (.ics, RFC 5545, with `icalendar`), so it
lands in the phone's calendar. A calendar shows on lock screens and is often shared,
so the entry says only "Sleutel" and the reference, the time, and the place when the
facilitator gave one: no names, no "intervision", nothing about cases."""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar, Event

from storage.records import SessionRecord

LENGTH = timedelta(hours=2)


def session_file(session: SessionRecord, *, now: datetime) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Sleutel//intervision//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if session.status == "cancelled" else "PUBLISH")
    event = Event()
    event.add("uid", f"{session.reference}@sleutel")
    event.add("dtstamp", now)
    event.add("sequence", session.sequence)  # a moved session replaces the old entry
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.starts_at + LENGTH)
    event.add("summary", f"Sleutel {session.reference}")
    event.add("status", "CANCELLED" if session.status == "cancelled" else "CONFIRMED")
    if session.place:
        event.add("location", session.place)
    calendar.add_component(event)
    return calendar.to_ical()
