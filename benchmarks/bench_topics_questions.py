"""French question detection on real dialogue turns written by someone else.

LabForSims2 (CEA LIST, LREC 2020, CC BY-SA 4.0), ../shared/data/labforsims2_single/:
doctor turns are mostly questions, patient turns mostly answers. Precision / recall of
``is_question`` taking "doctor turn" as the (noisy) positive label, with and without
"?" (the corpus is punctuated; stripping "?" shows what the interrogative-form rules catch
on their own, as in forum/SMS text typed without it).

    python benchmarks/bench_topics_questions.py [--data ../shared/data/labforsims2_single]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from ambassadeurs_pipeline.text.questions import detect_questions  # noqa: E402


def read_turns(path: Path) -> list[str]:
    return [
        line.split("+++", 1)[1].strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if "+++" in line
    ]


def scores(doctor: list[str], patient: list[str]) -> dict:
    y = np.r_[np.ones(len(doctor), bool), np.zeros(len(patient), bool)]
    p = detect_questions(doctor + patient)
    tp = int((p & y).sum())
    return {
        "precision": round(tp / max(1, int(p.sum())), 4),
        "recall": round(tp / int(y.sum()), 4),
        "f1": round(2 * tp / (int(p.sum()) + int(y.sum())), 4),
        "patient_turns_flagged": round(float(p[~y].mean()), 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(__file__).resolve().parents[2] / "shared/data/labforsims2_single",
    )
    args = parser.parse_args()
    doctor, patient = read_turns(args.data / "doctor.txt"), read_turns(args.data / "patient.txt")
    out = {
        "n_doctor": len(doctor),
        "n_patient": len(patient),
        "doctor_turns_with_question_mark": round(float(np.mean(["?" in t for t in doctor])), 4),
        "with_punctuation": scores(doctor, patient),
        "question_marks_removed": scores(
            [t.replace("?", " ") for t in doctor], [t.replace("?", " ") for t in patient]
        ),
    }
    print(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
