"""The synthetic corpus: exact counts, byte-identical reruns, and content the site accepts."""

from __future__ import annotations

import filecmp
import unicodedata
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, ROOT, run_pelican
from honours.checks.content import content_files, scan_content
from honours.core.frontmatter import HEADER_RE
from honours.core.registries import AUTHORITY_FILE, AWARD_FILE, LEVELS, UNIT_FILE, load_registries
from hypothesis import given
from hypothesis import strategies as st
from pelican.settings import read_settings

from devtools.corpus import (
    FAMILY_NAMES,
    MAX_NAMED_PER_ARTICLE,
    CorpusStats,
    apportion,
    main,
    write_corpus,
    yaml_flow_list,
    yaml_str,
)

REGISTRIES = CONTENT / "data"  # the demo site's registries

ARTICLES, RECIPIENTS = 30, 300
DATA = ROOT / "content" / "data"
COUNT_KEYS = {"collective": "collectives", "individual": "individuals", "household": "households"}
WORDS = {"collectives": "tập thể", "individuals": "cá nhân", "households": "hộ gia đình"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, CorpusStats]:
    out = tmp_path_factory.mktemp("corpus") / "content"
    return out, write_corpus(out, ARTICLES, RECIPIENTS, REGISTRIES)


@pytest.fixture(scope="module")
def registries():
    found, problems = load_registries(str(DATA))
    assert problems == []
    return found


def article_files(content: Path) -> list[Path]:
    return sorted((content / "tin-tuc").rglob("*.md"))


def read_article(path: Path) -> tuple[dict, str]:
    """Return the front-matter (read with plain PyYAML, not the plugin) and the body."""
    match = HEADER_RE.fullmatch(path.read_text(encoding="utf-8"))
    assert match, path
    return yaml.safe_load(match.group("metadata")), match.group("content")


def kind_of(recipient: dict) -> str:
    if "name" in recipient:
        return "individual"
    return "household" if "household" in recipient else "collective"


def checker_index(content: Path, tmp_path: Path):
    settings = read_settings(str(ROOT / "pelicanconf.py"),
                             override={"PATH": str(content), "OUTPUT_PATH": str(tmp_path / "o")})
    return scan_content(settings, *content_files(settings))


def all_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def phrase(counts: dict, last: str = ", ") -> str:
    """The counts as the prose states them: "12 tập thể, 30 cá nhân"."""
    parts = [f"{counts[key]:,} {WORDS[key]}".replace(",", ".") for key in WORDS if counts.get(key)]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + last + parts[-1]


# -- what is written ---------------------------------------------------------


def test_exact_counts(corpus):
    content, stats = corpus
    files = article_files(content)
    headers = [read_article(path)[0] for path in files]
    named = sum(len(line.get("recipients", [])) for h in headers for line in h["honours"]["awards"])
    assert len(files) == stats.articles == ARTICLES
    assert named == stats.recipients == RECIPIENTS
    assert stats.award_lines == sum(len(h["honours"]["awards"]) for h in headers)
    assert stats.years == tuple(sorted({h["honours"]["year"] for h in headers}))
    assert len(stats.years) >= 5
    assert sorted(p.name for p in content.iterdir()) == ["data", "tin-tuc"]


def test_registries_are_copied_byte_for_byte(corpus):
    content, _ = corpus
    names = [AUTHORITY_FILE, AWARD_FILE, UNIT_FILE]
    assert sorted(p.name for p in (content / "data").iterdir()) == sorted(names)
    match, mismatch, errors = filecmp.cmpfiles(DATA, content / "data", names, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_front_matter_follows_the_editors_format(corpus):
    content, _ = corpus
    slugs = []
    for path in article_files(content):
        header, _ = read_article(path)
        assert set(header) <= {"title", "date", "slug", "author", "category", "tags", "units", "illustrative",
                               "honours"}
        published = datetime.strptime(header["date"], "%Y-%m-%d %H:%M")
        assert path.parent.name == str(published.year)
        assert header["slug"] == path.stem
        assert header["illustrative"] is True
        assert header["title"] and header["author"] and header["category"]
        assert 2 <= len(header["tags"]) <= 4
        assert header["units"]
        assert set(header["honours"]) == {"year", "awards"}
        slugs.append(header["slug"])
    assert len(slugs) == len(set(slugs))  # one URL per article


def test_award_data_obeys_the_registries(corpus, registries):
    """The rules the checker enforces, verified here without the checker."""
    content, _ = corpus
    levels, units = set(), Counter()
    for path in article_files(content):
        header, _ = read_article(path)
        published = datetime.strptime(header["date"], "%Y-%m-%d %H:%M")
        year = header["honours"]["year"]
        assert year <= published.year
        assert all(slug in registries.units for slug in header["units"])
        for line in header["honours"]["awards"]:
            award = registries.awards[line["award"]]
            levels.add(registries.authorities[line["by"]].level)
            named = Counter(kind_of(r) for r in line.get("recipients", []))
            for kind, key in COUNT_KEYS.items():
                if kind not in award.recipients:
                    assert key not in line, (path, line["award"], key)
                assert named[kind] <= line.get(key, 0), (path, key)
            assert sum(line.get(key, 0) for key in COUNT_KEYS.values()) > 0
            collectives = [r["unit"] for r in line.get("recipients", []) if kind_of(r) == "collective"]
            assert len(collectives) == len(set(collectives))
            for recipient in line.get("recipients", []):
                assert registries.units[recipient["unit"]].exists_in(year), (path, recipient)
                units[recipient["unit"]] += 1
            if "decision_date" in line:
                assert line["decision_date"] <= published.date()
    assert levels == set(LEVELS)
    assert len(units) >= len(registries.units) // 2  # named recipients spread over the units


def test_names_are_invented_vietnamese_full_names(corpus):
    content, _ = corpus
    families = {name for name, _ in FAMILY_NAMES}
    seen = 0
    for path in article_files(content):
        header, _ = read_article(path)
        for line in header["honours"]["awards"]:
            for recipient in line.get("recipients", []):
                if "name" in recipient:
                    name = recipient["name"]
                elif "household" in recipient:
                    assert recipient["household"].startswith(("Hộ ông ", "Hộ bà "))
                    name = recipient["household"].split(" ", 2)[2]
                else:
                    assert set(recipient) == {"unit"}
                    continue
                words = name.split()
                assert 3 <= len(words) <= 4 and words[0] in families, name
                assert unicodedata.normalize("NFC", name) == name
                seen += 1
    assert seen > RECIPIENTS // 2


def test_prose_states_the_counts_of_the_front_matter(corpus):
    content, _ = corpus
    for path in article_files(content):
        header, body = read_article(path)
        lines = header["honours"]["awards"]
        for line in lines:
            assert f"cho {phrase(line)}" in body, (path, line["award"])
        if len(lines) > 1:
            totals = {key: sum(line.get(key, 0) for line in lines) for key in WORDS}
            assert f"có {phrase(totals, ' và ')} được khen thưởng." in body, path
        paragraphs = [p for p in body.strip().split("\n\n") if not p.startswith("#")]
        assert 3 <= len(paragraphs) <= 6, path
        assert unicodedata.normalize("NFC", body) == body


def test_site_checker_accepts_the_corpus(corpus, tmp_path):
    content, _ = corpus
    index = checker_index(content, tmp_path)
    assert index.problems == ()
    assert len(index.articles) == ARTICLES
    assert sum(len(line.recipients) for a in index.articles.values() for line in a.lines) == RECIPIENTS


def test_pelican_builds_one_page_per_article(corpus, tmp_path):
    content, _ = corpus
    output = run_pelican(content, tmp_path / "output")
    pages = list((output / "tin-tuc").glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"))
    assert len(pages) == len(article_files(content)) == ARTICLES


# -- determinism and refusals ------------------------------------------------


def test_same_arguments_give_byte_identical_files(tmp_path):
    first = write_corpus(tmp_path / "a", 12, 150, REGISTRIES, seed=7)
    second = write_corpus(tmp_path / "b", 12, 150, REGISTRIES, seed=7)
    assert first == second
    names = all_files(tmp_path / "a")
    assert names == all_files(tmp_path / "b")
    match, mismatch, errors = filecmp.cmpfiles(tmp_path / "a", tmp_path / "b", names, shallow=False)
    assert (mismatch, errors) == ([], [])
    write_corpus(tmp_path / "c", 12, 150, REGISTRIES, seed=8)
    assert all_files(tmp_path / "c") != names  # the seed matters


def test_refuses_a_folder_that_is_not_empty(tmp_path):
    out = tmp_path / "content"
    out.mkdir()
    (out / "old.md").write_text("cũ", encoding="utf-8")
    with pytest.raises(FileExistsError, match="not empty"):
        write_corpus(out, 5, 10, REGISTRIES)
    assert all_files(out) == ["old.md"]


def test_refuses_more_names_than_files_can_hold(tmp_path):
    with pytest.raises(ValueError, match="per article"):
        write_corpus(tmp_path / "out", 2, 2 * MAX_NAMED_PER_ARTICLE + 1, REGISTRIES)
    assert not (tmp_path / "out").exists()


def test_many_names_on_few_articles(tmp_path):
    stats = write_corpus(tmp_path / "content", 4, 2_000, REGISTRIES, seed=3)
    assert stats.recipients == 2_000
    largest = max(
        sum(len(line.get("recipients", [])) for line in read_article(path)[0]["honours"]["awards"])
        for path in article_files(tmp_path / "content")
    )
    assert largest >= 500
    assert checker_index(tmp_path / "content", tmp_path).problems == ()


@pytest.mark.slow
def test_checker_accepts_a_larger_corpus(tmp_path):
    stats = write_corpus(tmp_path / "content", 2_000, 20_000, REGISTRIES, seed=11)
    assert (stats.articles, stats.recipients) == (2_000, 20_000)
    assert stats.years == tuple(range(2005, 2025))
    index = checker_index(tmp_path / "content", tmp_path)
    assert index.problems == ()
    assert len(index.articles) == 2_000
    named_units = {r.unit.slug for a in index.articles.values() for line in a.lines for r in line.recipients}
    # Every unit that existed in the corpus years, merged communes included.
    existing = {u.slug for u in index.registries.units.values() if any(u.exists_in(y) for y in stats.years)}
    assert named_units == existing


def test_no_names_at_all(tmp_path):
    stats = write_corpus(tmp_path / "content", 10, 0, REGISTRIES)
    assert stats.recipients == 0
    assert all("recipients:" not in path.read_text(encoding="utf-8") for path in article_files(tmp_path / "content"))
    assert checker_index(tmp_path / "content", tmp_path).problems == ()


def test_command_line(tmp_path, capsys):
    out = tmp_path / "content"
    arguments = ["--articles", "5", "--recipients", "20", "--out", str(out), "--data", str(REGISTRIES)]
    assert main([*arguments, "--seed", "1"]) == 0
    printed = capsys.readouterr().out.strip().splitlines()
    assert len(printed) == 1 and "5 articles" in printed[0] and "20 named recipients" in printed[0]
    assert main(arguments) == 2
    assert "not empty" in capsys.readouterr().err


# -- helpers -----------------------------------------------------------------

TRICKY = ["a: b", "# x", "x #y", 'say "hi"', "it's", "back\\slash", "yes", "No", "ON", "null", "~", "", " ",
          "123", "1.5", "2018-02-01", "2018-02-01 08:00:00", "- item", "? q", "@at", "%p", "*ref", "&anchor",
          "!tag", "|", ">", "[a, b]", "{a: 1}", "a, b", "Hộ ông Nguyễn Văn Bình", "  padded ", "tab\there",
          "line\nbreak", "\x85next", "del\x7f", "\u2028", "\ufeffbom", "Đức Thắng",
          "Ngày hội: “Đại đoàn kết”", "125/QĐ-UBND"]
LOADERS = [yaml.SafeLoader, *([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])]


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize("text", TRICKY)
def test_yaml_str_reads_back_unchanged(text, loader):
    assert yaml.load(f"key: {yaml_str(text)}\n", Loader=loader) == {"key": text}
    assert yaml.load(f"key: {yaml_flow_list([text, 'x'])}\n", Loader=loader) == {"key": [text, "x"]}


@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_any_text_reads_back_unchanged(text):
    assert yaml.load(f"key: {yaml_str(text)}\n", Loader=LOADERS[-1]) == {"key": text}
    assert yaml.load(f"key: {yaml_flow_list([text])}\n", Loader=LOADERS[-1]) == {"key": [text]}


def test_apportion_is_exact_and_respects_caps():
    assert apportion(10, [1, 1, 2], [None, None, None]) == [3, 2, 5]
    assert apportion(100, [0, 0, 0], [None, None, None]) == [34, 33, 33]
    assert apportion(100, [1, 1000], [None, 10]) == [90, 10]
    assert apportion(0, [5, 5], [1, 1]) == [0, 0]
    shares = apportion(12_345, list(range(50)), [400] * 50)
    assert sum(shares) == 12_345 and max(shares) <= 400
    with pytest.raises(ValueError):
        apportion(5, [1, 1], [2, 2])
