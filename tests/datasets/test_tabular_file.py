"""TabularFileDataset: every supported format and encoding loads as text; bad files say why."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest

from ambassadeurs_pipeline.datasets.tabular_file import (
    InputFileError,
    TabularFileDataset,
    decode_bytes,
    sniff_delimiter,
)

ROWS = [("1", "Ça me fait très peur, l'hôpital", "Hélène"), ("2", "Merci à tous ❤", "zoé")]


def _csv(sep: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\n")
    writer.writerows([("id", "text", "author"), *ROWS])
    return buffer.getvalue()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_csv_encodings_and_delimiters(tmp_path, encoding, sep):
    text = _csv(sep).replace("❤", "") if encoding == "cp1252" else _csv(sep)
    path = tmp_path / "export.csv"
    path.write_bytes(text.encode(encoding))
    frame = TabularFileDataset(str(path), label="comments").load()
    assert list(frame.columns) == ["id", "text", "author"]
    assert frame.loc[0, "text"] == "Ça me fait très peur, l'hôpital"
    assert frame.loc[1, "author"] == "zoé"
    assert str(frame["id"].dtype) == "string"


def test_cp1252_file_without_bom_reports_its_encoding():
    text, encoding = decode_bytes("id,text\n1,Fièvre élevée\n".encode("cp1252"))
    assert encoding == "cp1252"
    assert "Fièvre élevée" in text


def test_mixed_encodings_are_decoded_line_by_line():
    raw = b"id,text\n" + "1,déjà vu\n".encode() + "2,fièvre\n".encode("cp1252")
    text, encoding = decode_bytes(raw)
    assert text.splitlines() == ["id,text", "1,déjà vu", "2,fièvre"]
    assert encoding.startswith("mixed")


def test_sniffer_prefers_semicolon_for_french_excel():
    assert sniff_delimiter("id;text;likes\n1;bonjour, ça va;3\n") == ";"


def test_jsonl_json_and_parquet(tmp_path):
    records = [{"id": 1, "text": "a", "likes": 3}, {"id": 2, "text": "b", "likes": None}]
    (tmp_path / "e.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    (tmp_path / "e.json").write_text(json.dumps({"data": records}))
    pd.DataFrame(records).to_parquet(tmp_path / "e.parquet")
    for name in ["e.jsonl", "e.json", "e.parquet"]:
        frame = TabularFileDataset(str(tmp_path / name)).load()
        assert frame["text"].tolist() == ["a", "b"], name
        assert frame["likes"].isna().tolist() == [False, True], name


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "is empty"), (b"id,text\n", "no rows")],
)
def test_empty_files_fail_with_the_file_name(tmp_path, content, message):
    path = tmp_path / "vide.csv"
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=message) as err:
        TabularFileDataset(str(path), label="comments").load()
    assert "vide.csv" in str(err.value)


def test_missing_required_file_names_the_parameter(tmp_path):
    with pytest.raises(InputFileError, match="comments_path"):
        TabularFileDataset(str(tmp_path / "absent.csv"), label="comments").load()


@pytest.mark.parametrize("path", ["none", "", "null"])
def test_optional_input_absent_loads_none(path):
    assert TabularFileDataset(path, optional=True, label="campaign").load() is None


def test_unsupported_extension(tmp_path):
    (tmp_path / "e.xlsx").write_bytes(b"PK")
    with pytest.raises(InputFileError, match="unsupported extension"):
        TabularFileDataset(str(tmp_path / "e.xlsx")).load()
