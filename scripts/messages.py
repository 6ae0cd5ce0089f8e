"""The message catalogues: extract, update, compile (with Babel).

    python scripts/messages.py            # extract, update fr and es, compile
    python scripts/messages.py --check    # exit 1 when a catalogue is incomplete or stale

Messages are the string literals passed to ``itures.i18n.tr`` in src/itures.
Each language's catalogue is ``src/itures/locale/<lang>/LC_MESSAGES/itures.po``
(translators edit it) and its compiled ``itures.mo`` (read at run time). An
update keeps every translation, adds new messages untranslated, drops the
messages the code no longer has. See docs/messages.md.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "itures"
LOCALE = SOURCE / "locale"
LANGUAGES = ("fr", "es")
KEYWORDS = {"tr": None}
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}")


def extract() -> Catalog:
    """Every message of the code, with where it is used."""
    catalog = Catalog(project="itures", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    ):
        text = message[0] if isinstance(message, (tuple, list)) else message
        if not text:
            continue
        catalog.add(
            text,
            locations=[(f"src/itures/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "itures.po"


def read(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, project="itures", charset="utf-8")
    with path.open("rb") as fh:
        return read_po(fh, locale=lang)


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def problems(template: Catalog, lang: str) -> list[str]:
    """What is wrong with a language's catalogue against the code's messages."""
    catalog = read(lang)
    out: list[str] = []
    for msg in template:
        if not msg.id:
            continue
        have = catalog.get(msg.id)
        if have is None or not have.string:
            out.append(f"{lang}: no translation of {msg.id!r}")
        elif have.fuzzy:
            out.append(f"{lang}: fuzzy translation of {msg.id!r}")
        elif placeholders(str(have.string)) != placeholders(str(msg.id)):
            out.append(
                f"{lang}: placeholders of {msg.id!r} are {sorted(placeholders(str(msg.id)))}, "
                f"the translation has {sorted(placeholders(str(have.string)))}"
            )
    for msg in catalog:
        if msg.id and template.get(msg.id) is None:
            out.append(f"{lang}: {msg.id!r} is no longer a message of the code")
    return out


def compiled(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def update(template: Catalog) -> None:
    for lang in LANGUAGES:
        catalog = read(lang)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.fuzzy = False
        catalog.project = "itures"
        catalog.copyright_holder = "the itures contributors"
        catalog.msgid_bugs_address = ""
        catalog.last_translator = "itures"
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            write_po(fh, catalog, width=96, include_lineno=False, sort_output=False)
        (path.with_suffix(".mo")).write_bytes(compiled(read(lang)))


def translate(lang: str, table: dict[str, str]) -> None:
    """Fill translations into a catalogue (a translator's batch edit)."""
    catalog = read(lang)
    for msgid, text in table.items():
        msg = catalog.get(msgid)
        if msg is None:
            catalog[msgid] = Message(msgid, text)
        else:
            msg.string = text
            msg.flags.discard("fuzzy")
    with po_path(lang).open("wb") as fh:
        write_po(fh, catalog, width=96, include_lineno=False, sort_output=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report problems, write nothing")
    args = parser.parse_args(argv)
    template = extract()
    if not args.check:
        update(template)
    found = [p for lang in LANGUAGES for p in problems(template, lang)]
    for line in found:
        print(line)
    return 1 if found and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
