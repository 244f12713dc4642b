"""Encryption at rest and key rotation without stopping readers."""

from __future__ import annotations

from conftest import TEST_KEY
from sqlalchemy import text
from team import log_concern, make_team, no_chat_pacing  # noqa: F401 - fixture

from storage.crypto import Cipher
from storage.database import Database
from storage.keys import reencrypt_all


async def test_rotation_re_encrypts_everything_with_the_new_key(runtime, fake_api):
    team = await make_team(runtime, fake_api)
    reference = await log_concern(team.key_person, note="Het kind had honger en huilde.")
    await team.key_person.send("/concern")  # an open draft, encrypted too

    new_key = Cipher.generate_key()
    both = Database(runtime.db.url, Cipher([new_key, TEST_KEY]))
    assert await reencrypt_all(both) >= 2
    await both.dispose()

    only_new = Database(runtime.db.url, Cipher([new_key]))
    try:
        async with only_new.unit_of_work() as uow:
            case = await uow.cases.by_reference(reference)
            assert case.note == "Het kind had honger en huilde."
            assert await uow.conversations.get(30, now=runtime.clock.now()) is not None
        async with only_new.engine.connect() as conn:
            raw = (await conn.execute(text('SELECT note FROM "case"'))).scalar()
        assert "honger" not in raw
    finally:
        await only_new.dispose()


def test_a_key_file_may_hold_the_new_key_before_the_old(tmp_path):
    from bot.settings import Settings

    old, new = Cipher.generate_key(), Cipher.generate_key()
    (tmp_path / "secret.key").write_text(f"{new}\n{old}\n")
    cipher = Settings(SLEUTEL_DATA_DIR=tmp_path).cipher()
    assert cipher.key_count == 2
    assert cipher.decrypt(Cipher([old]).encrypt("x")) == "x"
    assert Cipher([new]).decrypt(cipher.encrypt("y")) == "y"
