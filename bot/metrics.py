"""Prometheus metrics for `/metrics`, on a registry of our own (no global state)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.updates_received = Counter(
            "sleutel_updates_received", "Updates stored in the inbox", registry=self.registry
        )
        self.updates_processed = Counter(
            "sleutel_updates_processed", "Updates handled by the flows", registry=self.registry
        )
        self.updates_set_aside = Counter(
            "sleutel_updates_set_aside",
            "Updates not handled (bad_id, unreadable, flood, failed), by reason",
            ["reason"],
            registry=self.registry,
        )
        self.inbox_pending = Gauge(
            "sleutel_inbox_pending", "Updates waiting to be processed", registry=self.registry
        )
        self.outbox_pending = Gauge(
            "sleutel_outbox_pending", "Messages waiting to be delivered", registry=self.registry
        )
        self.timers_run = Counter("sleutel_timers_run", "Timers handled", registry=self.registry)
        self.messages_sent = Counter(
            "sleutel_outbox_sent", "Outbox messages Telegram accepted", registry=self.registry
        )
        self.messages_failed = Counter(
            "sleutel_outbox_failed",
            "Outbox messages given up, by reason",
            ["reason"],
            registry=self.registry,
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)
