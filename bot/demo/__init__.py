"""`sleutel demo`: the real bot against the Bot API emulator, every demo person's chat
side by side in a browser, with a clock a trainer can move and scripted scenarios.

Nothing leaves the machine: the emulator, the bot and the page listen on 127.0.0.1
only, and the database lives in a temporary directory that is removed on exit.
"""
