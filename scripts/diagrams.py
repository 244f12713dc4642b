"""Write docs/dialogues.md from the dialogue declarations (run after changing a dialogue)."""

from pathlib import Path

from flows.core.dialogue import diagrams_page
from flows.registry import REGISTRY

PAGE = Path(__file__).resolve().parent.parent / "docs" / "dialogues.md"


def current_page() -> str:
    return diagrams_page(REGISTRY.dialogues)


if __name__ == "__main__":
    PAGE.write_text(current_page())
    print(PAGE)
