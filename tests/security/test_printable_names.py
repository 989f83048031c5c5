"""Issue 14 item 14: the PDFs embed Liberation Sans, which has no Arabic, Indic, CJK or emoji. Text that
goes on paper is refused at import (count file, CSV, the forms' services) naming the character,
instead of printing as empty boxes; Welsh, Greek and Cyrillic names still import and print."""

from __future__ import annotations

import json
import subprocess

import pytest
from security_helpers import CONTEST, LIVERPOOL, run_cli

from countdesk.errors import ValidationError
from countdesk.font_coverage import first_unprintable, printable_codepoints
from countdesk.services.validation import require_text, validate_operator


def count_with(tmp_path, field: str, text: str):
    doc = json.loads(LIVERPOOL.read_text())
    target = doc["contests"][0]["candidates"][0] if field in ("name", "description") else doc["election"]
    target[field] = text
    path = tmp_path / "count.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.parametrize("field,text,char", [
    ("name", "\u0645\u062d\u0645\u062f ALI", "U+0645"),          # Arabic
    ("name", "\u738b\u82b3 WANG", "U+738B"),                     # Chinese
    ("description", "Party \U0001F600", "U+1F600"),              # emoji
    ("title", "Election \u0928\u092e\u0938\u094d\u0924\u0947", "U+0928"),  # Devanagari, in the title
])
def test_text_the_font_cannot_print_is_refused_at_import_naming_the_character(tmp_path, capsys, field, text, char):
    path = count_with(tmp_path, field, text)
    db = tmp_path / "c.countdesk"
    code, _, err = run_cli(capsys, "import", str(path), "--db", str(db))
    assert code == 2 and err.count("\n") == 1
    assert char in err and "cannot print" in err and ("." + field) in err
    assert not db.exists()


def test_welsh_greek_and_cyrillic_names_import_and_print(tmp_path, capsys):
    name = "Siân ŴYNNE-Ŷ Ярослав Αλέξης"
    path = count_with(tmp_path, "name", name)
    db = tmp_path / "c.countdesk"
    assert run_cli(capsys, "import", str(path), "--db", str(db))[0] == 0
    out = tmp_path / "provisional.pdf"
    assert run_cli(capsys, "declare", "--db", str(db), "--contest", CONTEST, "--document", "provisional",
                   "--out", str(out))[0] == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert name in text


def test_the_coverage_is_read_from_the_font_files_themselves():
    covered = printable_codepoints()
    assert all(ord(c) in covered for c in "AZaz09ŵŷâêîôûŴŶ’“”–—…ЯαΩ")
    assert ord("\u0627") not in covered and 0x1F600 not in covered
    assert first_unprintable("Joanne ANDERSON") is None and first_unprintable("a\u00a0b") is None
    with pytest.raises(ValidationError, match="U\\+0627"):
        require_text("\u0627", "contests[0].candidates[0].name", "the candidate's name")
    assert validate_operator("\u0627\u0644\u0639\u0645\u0644") == "\u0627\u0644\u0639\u0645\u0644"  # not printed
