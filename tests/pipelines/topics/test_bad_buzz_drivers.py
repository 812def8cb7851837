import pandas as pd

from ambassadeurs_pipeline.pipelines.topics.params import TopicsParams
from ambassadeurs_pipeline.pipelines.topics.trends import burst_drivers, detect_bad_buzz
from ambassadeurs_pipeline.pipelines.topics.vocabulary import stop_words

BASELINE = [
    "Les statines me donnent des douleurs musculaires le soir.",
    "Effets secondaires des statines : crampes et fatigue.",
    "Mon pharmacien dit que les crampes sont fréquentes avec les statines.",
    "Des douleurs musculaires depuis le changement de statine.",
] * 6
BURST = [
    "Depuis la nouvelle formule du Velnorix j'ai des vertiges tous les jours, scandaleux.",
    "Le Velnorix m'a donné des palpitations, personne ne nous prévient !",
    "Encore un témoignage sur le Velnorix : vertiges, palpitations.",
    "J'ai arrêté le Velnorix tellement j'avais des vertiges.",
    "La nouvelle formule du Velnorix est un scandale.",
] * 3


def test_the_drug_of_the_burst_comes_first():
    drivers = burst_drivers(BURST, BASELINE, stop_words())
    assert drivers[0] == "Velnorix"  # capitalised inside sentences: a product name, shown first
    assert "vertiges" in drivers or "palpitations" in drivers
    assert not {"statines", "crampes"} & set(drivers)  # the topic's usual words are not drivers


def test_no_driver_without_burst_text():
    assert burst_drivers([], BASELINE, stop_words()) == []


def test_alert_statement_names_the_driver():
    rows, texts = [], []
    i = 0
    for month in pd.date_range("2025-09-01", "2026-02-01", freq="MS"):  # 6 calm months
        for k in range(4):
            rows.append(
                {
                    "comment_id": f"c{i}",
                    "topic_id": 0,
                    "topic_label": "Statines : crampes",
                    "created_at": month + pd.Timedelta(days=k),
                    "sentiment_label": "negatif" if k == 0 else "neutre",
                }
            )
            texts.append(BASELINE[k])
            i += 1
    for k, text in enumerate(BURST):  # March 2026: 15 negative comments about Velnorix
        rows.append(
            {
                "comment_id": f"c{i}",
                "topic_id": 0,
                "topic_label": "Statines : crampes",
                "created_at": pd.Timestamp("2026-03-02") + pd.Timedelta(days=k % 20),
                "sentiment_label": "negatif",
            }
        )
        texts.append(text)
        i += 1
    ct = pd.DataFrame(rows)
    clean = pd.DataFrame({"comment_id": ct["comment_id"], "text_clean": texts})
    alerts = detect_bad_buzz(ct, TopicsParams(), clean)
    assert len(alerts) == 1
    alert = alerts.iloc[0]
    assert alert["drivers"][0] == "Velnorix"
    # 15 negatives against a baseline of 1 per month: ×15.
    assert alert["statement"].startswith("Velnorix : hausse des avis négatifs en mars 2026 (×15,0)")
    # Without the texts the alert still exists, named by its topic.
    plain = detect_bad_buzz(ct, TopicsParams())
    assert (
        list(plain["drivers"].iloc[0]) == []
        and "« Statines : crampes »" in plain["statement"].iloc[0]
    )


def test_a_topic_that_is_the_burst_is_contrasted_with_the_rest_of_the_corpus():
    # The topic model gave the complaint its own topic (1): it has no months before the burst,
    # so its words are contrasted with the other topic's comments.
    rows, texts = [], []
    for i, month in enumerate(pd.date_range("2025-09-01", "2026-03-01", freq="MS")):
        for k in range(4):
            rows.append(
                {
                    "comment_id": f"b{i}{k}",
                    "topic_id": 0,
                    "topic_label": "Statines",
                    "created_at": month,
                    "sentiment_label": "negatif" if k == 0 else "neutre",
                }
            )
            texts.append(BASELINE[k])
    for k, text in enumerate(BURST):
        rows.append(
            {
                "comment_id": f"v{k}",
                "topic_id": 1,
                "topic_label": "Velnorix : vertiges",
                "created_at": pd.Timestamp("2026-03-03"),
                "sentiment_label": "negatif",
            }
        )
        texts.append(text)
    # Topic 1 needs history months to be tested: one calm comment in each earlier month.
    for i, month in enumerate(pd.date_range("2025-09-01", "2026-02-01", freq="MS")):
        rows.append(
            {
                "comment_id": f"h{i}",
                "topic_id": 1,
                "topic_label": "Velnorix : vertiges",
                "created_at": month,
                "sentiment_label": "neutre",
            }
        )
        texts.append("Le Velnorix me convient bien.")
    ct = pd.DataFrame(rows)
    alerts = detect_bad_buzz(
        ct, TopicsParams(), pd.DataFrame({"comment_id": ct["comment_id"], "text_clean": texts})
    )
    velnorix = alerts[alerts["topic_id"] == 1].iloc[0]
    assert velnorix["drivers"][0] == "Velnorix"
    assert velnorix["statement"].startswith("Velnorix : hausse des avis négatifs en mars 2026")
