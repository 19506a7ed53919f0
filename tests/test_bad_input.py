"""Bad input through the real CLI: one clear line, a fitting exit code, no partial output."""
from pathlib import Path

from conftest import assert_one_line_error, run_cli

GOOD = "SEOUL, March 3 -- South Korea and the United States held the second round of talks in Seoul on Tuesday.\n"


def _corpus(tmp_path: Path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    (d / "good.txt").write_text(GOOD)
    return d


def _no_temp_files(out: Path) -> None:
    if out.exists():
        assert not [p for p in out.iterdir() if p.name.startswith(".") or p.suffix == ".tmp"]


def test_missing_path(tmp_path):
    proc = run_cli("build", str(tmp_path / "nope"), cwd=tmp_path)
    assert proc.returncode == 2
    assert_one_line_error(proc, "nope", "no such file or folder")
    assert not (tmp_path / "out").exists()


def test_empty_file_is_reported_and_good_articles_still_built(tmp_path):
    d = _corpus(tmp_path)
    (d / "empty.txt").write_text("")
    proc = run_cli("build", str(d), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "empty.txt: is empty" in proc.stderr and "Traceback" not in proc.stderr
    assert "1 built" in proc.stdout
    _no_temp_files(tmp_path / "out")


def test_binary_and_non_utf8_files(tmp_path):
    d = _corpus(tmp_path)
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (d / "latin1.txt").write_bytes("Caf\xe9 talks in Seoul.".encode("latin-1"))
    proc = run_cli("build", str(d), cwd=tmp_path)
    assert proc.returncode == 0
    assert "image.txt: looks like a binary file" in proc.stderr
    assert "latin1.txt: is not UTF-8" in proc.stderr and "re-save it as UTF-8" in proc.stderr
    assert "1 built" in proc.stdout


def test_only_bad_files_exits_non_zero_without_output(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "empty.txt").write_text("   \n")
    proc = run_cli("build", str(d), cwd=tmp_path)
    assert proc.returncode == 2
    assert_one_line_error(proc, "empty.txt")
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_manifest_row_naming_a_missing_file_and_a_malformed_date(tmp_path):
    d = _corpus(tmp_path)
    (d / "other.txt").write_text(GOOD.replace("second", "third"))
    (d / "manifest.csv").write_text("file,publisher,published,url\n"
                                    "good.txt,Daily Example,2019-13-45,\n"
                                    "other.txt,Daily Example,2019-11,\n"
                                    "ghost.txt,Daily Example,2019-11-19,\n")
    proc = run_cli("build", str(d), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "manifest.csv:4: names 'ghost.txt'" in proc.stderr
    assert "manifest.csv:2: date '2019-13-45' does not exist" in proc.stderr or "2019-13-45" in proc.stderr
    assert "2 built" in proc.stdout
    ttl = (tmp_path / "out" / "graph.ttl").read_text()
    assert '"2019-11"^^xsd:gYearMonth' in ttl


def test_unreadable_reference_file(tmp_path):
    d = _corpus(tmp_path)
    ref = tmp_path / "mine.ttl"
    ref.write_text("this is not turtle <<<")
    proc = run_cli("build", str(d), "--reference", str(ref), cwd=tmp_path)
    assert proc.returncode == 3
    assert_one_line_error(proc, "mine.ttl", "not valid Turtle")
    assert not (tmp_path / "out").exists()
    missing = run_cli("build", str(d), "--reference", str(tmp_path / "gone.ttl"), cwd=tmp_path)
    assert missing.returncode == 2
    assert_one_line_error(missing, "gone.ttl", "not found")


def test_unknown_file_type_and_bad_jobs(tmp_path):
    d = _corpus(tmp_path)
    doc = tmp_path / "notes.docx"
    doc.write_bytes(b"PK\x03\x04")
    proc = run_cli("build", str(doc), str(d), cwd=tmp_path)
    assert "notes.docx: unknown file type" in proc.stderr and proc.returncode == 0
    bad = run_cli("build", str(d), "--jobs", "0", cwd=tmp_path)
    assert bad.returncode == 2 and "--jobs" in bad.stderr


def test_jsonl_and_html_inputs(tmp_path):
    d = tmp_path / "mixed"
    d.mkdir()
    (d / "feed.jsonl").write_text('{"id": "j1", "text": "%s", "published": "2019-11-19"}\nnot json\n{"id": "j2"}\n' % GOOD.strip())
    (d / "page.html").write_text("<html><head><title>Talks resume</title><script>alert(1)</script></head><body><nav>Home | World</nav>"
                                 "<article><h1>Talks resume</h1><p>" + GOOD + "</p><p>Negotiators from both countries met for six hours "
                                 "and agreed to meet again next month, officials said on Wednesday.</p></article>"
                                 "<footer>Copyright 2019 Example News. All rights reserved.</footer></body></html>")
    proc = run_cli("build", str(d), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "feed.jsonl:2: not valid JSON" in proc.stderr and "feed.jsonl:3: has no 'text'" in proc.stderr
    assert "2 built" in proc.stdout
    ttl = (tmp_path / "out" / "graph.ttl").read_text()
    assert "alert(1)" not in ttl and "All rights reserved" not in ttl
