"""The three roles of DOMAIN.md, as stored and as shown."""

from flows.core.messages import N_, Text, _

KEY_PERSON = "key_person"
CONFIDANT = "confidant"
COORDINATOR = "coordinator"
ROLES = (KEY_PERSON, CONFIDANT, COORDINATOR)
EVERYONE = frozenset(ROLES)

_LABELS = {
    KEY_PERSON: N_("key person"),
    CONFIDANT: N_("confidant"),
    COORDINATOR: N_("coordinator"),
}


def role_label(role: str) -> Text:
    return _(_LABELS[role])
