"""What the database holds of given identifiers: every text column of every table, raw
and, where it decrypts with the test key, decrypted."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from conftest import TEST_KEY

from storage.crypto import Cipher, CipherError
from storage.database import Database
from storage.models import Base


async def stored_identifiers(
    db: Database, identifiers: Iterable[str], *, skip: tuple[str, ...] = ()
) -> list[str]:
    """`table.column: identifier` for every identifier found; tables in `skip` left out."""
    identifiers = tuple(identifiers)
    cipher = Cipher([TEST_KEY])
    found = []
    async with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in skip:
                continue
            for row in (await conn.execute(table.select())).mappings():
                for column, value in row.items():
                    if not isinstance(value, str):
                        continue
                    readable = [value]
                    with contextlib.suppress(CipherError, ValueError, TypeError):
                        readable.append(cipher.decrypt(value))
                    for text in readable:
                        found += [f"{table.name}.{column}: {i}" for i in identifiers if i in text]
    return found
