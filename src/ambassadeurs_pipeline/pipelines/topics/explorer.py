"""BERTopic's own interactive views of the fitted topic model, for analysts.

The same five views serve the notebook ``notebooks/00_explore_topics.ipynb`` (which imports
:func:`explorer_views`) and the offline HTML file ``topic_explorer_html`` written by
:func:`build_topic_explorer`: the topics map (``visualize_topics``), the bar charts of topic
words (``visualize_barchart``), the hierarchy (``visualize_hierarchy``), the topics over time
(``visualize_topics_over_time`` on BERTopic's ``topics_over_time``) and a map of a seeded
sample of comments (``visualize_documents``).

Why some care is needed: our ``topic_model`` is reloaded from safetensors
(``datasets/bertopic_model.py``). That keeps the c-TF-IDF matrix, the topic embeddings
(centroids of the comments' own vectors, set in ``fit.py``), the topic sizes and our French
labels, but BERTopic rebuilds its ``CountVectorizer`` without our callable analyser, so
``topics_over_time`` would tokenise differently from the fit; :func:`restore_vectorizer`
puts the project's analyser back over the saved vocabulary. A view that cannot be drawn
(fewer than 3 topics for the map, fewer than 2 for the hierarchy, no dates, a single
month) is skipped with a French note, never an exception: the run must not fail for a chart.

Privacy: the HTML file is linked from the stakeholder report, which can be e-mailed. Its
documents map therefore shows each point's topic on hover, never the comment's text; the
notebook (analysts, on the machine that holds the data) may show the pseudonymised texts.
"""

from __future__ import annotations

import html
import logging
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .explorer_inputs import (
    documents_map_inputs,
    has_custom_labels,
    monthly_timestamps,
    n_topics,
    restore_vectorizer,
    sample_positions,
    seeded_global_rng,
    topics_of,
    topics_over_time_frame,
)
from .model_corpus import select_model_comments, topic_documents
from .params import TopicsParams

# The view inputs moved to explorer_inputs.py; their names stay importable from here.
__all__ = [
    "MIN_DOCUMENTS",
    "MIN_TOPICS",
    "PAGE_CSP",
    "PAGE_STYLE",
    "PLOTLY_CONFIG",
    "TITLES",
    "ExplorerView",
    "build_topic_explorer",
    "documents_map_inputs",
    "explorer_views",
    "has_custom_labels",
    "monthly_timestamps",
    "n_topics",
    "render_explorer_html",
    "restore_vectorizer",
    "sample_positions",
    "show",
    "topics_over_time_frame",
]

logger = logging.getLogger(__name__)

#: Minimum number of topics (outliers excluded) for each view. The map projects topic
#: embeddings with UMAP (n_neighbors=2), which needs a few points; a hierarchy needs two.
MIN_TOPICS = {"topics_map": 3, "barchart": 1, "hierarchy": 2, "over_time": 1, "documents": 1}
#: UMAP on fewer comments than this makes a meaningless documents map.
MIN_DOCUMENTS = 20
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}


@dataclass
class ExplorerView:
    """One view: its figure (plotly), or why it is not drawn (``note``, French)."""

    key: str
    title: str
    explanation: str
    figure: Any | None = None
    note: str | None = None

    @property
    def shown(self) -> bool:
        return self.figure is not None


TITLES = {
    "topics_map": (
        "Carte des thèmes",
        "Chaque bulle est un thème, sa taille le nombre de commentaires ; "
        "deux bulles proches parlent de choses voisines. Le curseur met un thème en évidence.",
    ),
    "barchart": (
        "Mots des thèmes",
        "Les mots qui distinguent le plus chaque thème des autres (score c-TF-IDF), "
        "pour les thèmes les plus fréquents.",
    ),
    "hierarchy": (
        "Hiérarchie des thèmes",
        "Comment les thèmes se regroupent quand on les fusionne deux à deux, "
        "du plus proche au plus éloigné : utile pour choisir un niveau de détail.",
    ),
    "over_time": (
        "Thèmes au fil du temps",
        "Nombre de commentaires par mois pour les thèmes les plus fréquents ; "
        "au survol, les mots du thème ce mois-là.",
    ),
    "documents": (
        "Carte des commentaires",
        "Un échantillon tiré au hasard (graine fixe) de commentaires, placés "
        "selon leur sens : les points proches se ressemblent, la couleur est le thème.",
    ),
}


def _draw(key: str, make: Callable[[], Any]) -> ExplorerView:
    title, explanation = TITLES[key]
    try:
        return ExplorerView(key, title, explanation, figure=make())
    except Exception as error:  # a chart must never stop the run; the log and the page say why
        logger.warning(
            "topic explorer: view %r not drawn (%s: %s)",
            key,
            type(error).__name__,
            error,
            exc_info=True,
        )
        return ExplorerView(
            key,
            title,
            explanation,
            note=f"Vue indisponible : erreur lors du tracé ({type(error).__name__}).",
        )


def _skipped(key: str, note: str) -> ExplorerView:
    title, explanation = TITLES[key]
    logger.info("topic explorer: view %r skipped: %s", key, note)
    return ExplorerView(key, title, explanation, note=note)


def explorer_views(
    topic_model: Any,
    comment_topics: pd.DataFrame,
    comments_clean: pd.DataFrame,
    comment_embeddings: pd.DataFrame,
    params: TopicsParams,
    random_state: int,
    show_texts: bool = False,
) -> list[ExplorerView]:
    """The five views, in reading order; skipped ones carry a French ``note``.

    Args:
        topic_model: the fitted BERTopic (``topic_model``, reloaded from safetensors).
        comment_topics: ``comment_id, topic_id, created_at`` at least.
        comments_clean: ``comment_id, text_clean`` (texts for the words over time).
        comment_embeddings: ``comment_id, embedding`` (the documents map).
        params: ``topics`` parameters (``explorer`` block: sample sizes, topics shown).
        random_state: the run's seed (samples and 2-D projection).
        show_texts: documents map hover shows the pseudonymised comment (notebook) instead
            of its topic (the HTML file, which may leave the organisation).
    """
    p = params.explorer
    restore_vectorizer(topic_model, params)
    k = n_topics(topic_model)
    labels = has_custom_labels(topic_model)
    few = "Vue omise : {n} thème(s) trouvé(s), il en faut au moins {m}."
    views: list[ExplorerView] = []

    def need(key: str) -> str | None:
        return few.format(n=k, m=MIN_TOPICS[key]) if k < MIN_TOPICS[key] else None

    key = "topics_map"
    views.append(
        _skipped(key, note)
        if (note := need(key))
        else _draw(
            key,
            lambda: topic_model.visualize_topics(
                custom_labels=labels, title=f"<b>{TITLES[key][0]}</b>", width=780, height=650
            ),
        )
    )
    views.append(
        _skipped("barchart", note)
        if (note := need("barchart"))
        else _draw(
            "barchart",
            lambda: topic_model.visualize_barchart(
                top_n_topics=p.top_n_topics,
                n_words=p.n_words,
                custom_labels=labels,
                title=f"<b>{TITLES['barchart'][0]}</b>",
                width=260,
                height=260,
            ),
        )
    )
    views.append(
        _skipped("hierarchy", note)
        if (note := need("hierarchy"))
        else _draw(
            "hierarchy",
            lambda: topic_model.visualize_hierarchy(
                custom_labels=labels,
                title=f"<b>{TITLES['hierarchy'][0]}</b>",
                width=900,
            ),
        )
    )

    docs_frame = select_model_comments(comments_clean).set_index("comment_id")
    texts = docs_frame["text_clean"].astype(str)
    ct = comment_topics[comment_topics["comment_id"].isin(texts.index)].sort_values(
        "comment_id", kind="stable"
    )
    months = (
        monthly_timestamps(ct["created_at"]).reset_index(drop=True)
        if "created_at" in ct
        else pd.Series(pd.NaT, index=range(len(ct)))
    )
    n_months = months.dropna().nunique()
    if (note := need("over_time")) is not None:
        views.append(_skipped("over_time", note))
    elif n_months < 2:
        views.append(
            _skipped(
                "over_time",
                "Vue omise : les commentaires n'ont pas de date lisible."
                if n_months == 0
                else "Vue omise : tous les commentaires datés sont du même mois.",
            )
        )
    else:
        docs = topic_documents(texts.loc[ct["comment_id"]])
        topics = ct["topic_id"].to_numpy()
        views.append(
            _draw(
                "over_time",
                lambda: topic_model.visualize_topics_over_time(
                    topics_over_time_frame(topic_model, docs, topics, months, params, random_state),
                    top_n_topics=p.top_n_topics,
                    custom_labels=labels,
                    title=f"<b>{TITLES['over_time'][0]}</b>",
                    width=1000,
                    height=450,
                ),
            )
        )

    if (note := need("documents")) is not None:
        views.append(_skipped("documents", note))
    elif len(ct) < MIN_DOCUMENTS:
        views.append(
            _skipped(
                "documents",
                f"Vue omise : {len(ct)} commentaire(s), il en faut au moins {MIN_DOCUMENTS}.",
            )
        )
    else:

        def documents() -> Any:
            topics, reduced, ids = documents_map_inputs(
                ct, texts, comment_embeddings, p.documents_sample, random_state
            )
            names = topic_model.get_topic_info().set_index("Topic")
            label_of = (
                {
                    int(t): topic_model.custom_labels_[int(t) + topic_model._outliers]
                    for t in set(topics)
                }
                if labels
                else {int(t): str(names.at[int(t), "Name"]) for t in set(topics)}
            )
            hover = texts.loc[ids].tolist() if show_texts else [label_of[t] for t in topics]
            with (
                topics_of(topic_model, topics),
                seeded_global_rng(random_state),
                warnings.catch_warnings(),
            ):
                # BERTopic writes into a slice of its own frame: pandas' warning is about its code.
                warnings.simplefilter("ignore", pd.errors.SettingWithCopyWarning)
                fig = topic_model.visualize_documents(
                    hover,
                    reduced_embeddings=reduced,
                    sample=1,
                    custom_labels=labels,
                    hide_annotations=False,
                    title=f"<b>{TITLES['documents'][0]}</b> ({len(topics):,} commentaires)".replace(
                        ",", "\u202f"
                    ),
                    width=1000,
                    height=700,
                )
            return fig

        views.append(_draw("documents", documents))
    return views


def show(view: ExplorerView) -> Any:
    """In a notebook: the figure, or the note saying why the view is left out."""
    if view.figure is not None:
        return view.figure
    from IPython.display import Markdown

    return Markdown(f"**{view.title}** — {view.note}")


def _svg_traces(figure: Any) -> Any:
    """WebGL scatter traces as SVG ones: a few thousand points draw fine in SVG, and a page
    opened where WebGL is off (remote desktops, headless browsers) still shows them."""
    import plotly.graph_objects as go

    if not any(trace.type == "scattergl" for trace in figure.data):
        return figure
    data = []
    for trace in figure.data:
        if trace.type == "scattergl":
            spec = trace.to_plotly_json()
            spec.pop("type", None)
            data.append(go.Scatter(**spec))
        else:
            data.append(trace)
    return go.Figure(data=data, layout=figure.layout)


PAGE_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2933;background:#f7f8fa}
header{background:#1f4e79;color:#fff;padding:1.2rem 2rem}header h1{margin:0 0 .3rem;font-size:1.5rem}
header p{margin:0;opacity:.9}main{max-width:1080px;margin:0 auto;padding:1rem 2rem 3rem}
section{background:#fff;border-radius:8px;padding:1rem 1.5rem;margin:1.2rem 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h2{font-size:1.2rem;margin:.2rem 0 .4rem}p.explain{color:#52606d;margin:.2rem 0 .8rem}
p.note{background:#fff8e1;border-left:4px solid #f0b429;padding:.6rem .8rem;margin:.4rem 0}
nav a{margin-right:1rem}footer{color:#52606d;font-size:.85rem;text-align:center;padding:1rem}
"""

#: Scripts are inline (plotly's bundle, once, and one call per figure); nothing else loads.
PAGE_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
)


def render_explorer_html(views: list[ExplorerView], title: str, subtitle: str) -> str:
    """One self-contained page: plotly's JavaScript inlined once (first drawn figure), no
    CDN, no font or image fetched; skipped views show their note."""
    parts: list[str] = []
    js_included = False
    for view in views:
        body = f'<p class="note">{html.escape(view.note or "")}</p>'
        if view.figure is not None:
            body = _svg_traces(view.figure).to_html(
                full_html=False,
                include_plotlyjs=not js_included,
                include_mathjax=False,
                config=PLOTLY_CONFIG,
                div_id=f"fig-{view.key}",
            )
            js_included = True
        parts.append(
            f'<section id="{view.key}"><h2>{html.escape(view.title)}</h2>'
            f'<p class="explain">{html.escape(view.explanation)}</p>{body}</section>'
        )
    nav = " ".join(f'<a href="#{v.key}">{html.escape(v.title)}</a>' for v in views)
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{PAGE_CSP}">'
        '<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{PAGE_STYLE}</style></head><body>"
        f"<header><h1>{html.escape(title)}</h1><p>{html.escape(subtitle)}</p></header>"
        f"<main><nav>{nav}</nav>{''.join(parts)}</main>"
        "<footer>Vues interactives de BERTopic, générées hors ligne par ambassadeurs_pipeline. "
        "Aucun texte de commentaire n'est inclus dans ce fichier.</footer></body></html>\n"
    )


def build_topic_explorer(
    topic_model: Any,
    comment_topics: pd.DataFrame,
    comments_clean: pd.DataFrame,
    comment_embeddings: pd.DataFrame,
    params: TopicsParams,
    random_state: int,
) -> tuple[str, dict[str, Any]]:
    """``topic_explorer_html`` (one offline page with BERTopic's views) and
    ``topic_explorer_summary`` (which views are drawn, why others are not), which the report
    reads to link the page."""
    from ambassadeurs_pipeline.datasets.bertopic_model import has_topic_model

    if not has_topic_model(topic_model):
        # The stage found no topic (topics_status says why): a page that says so, no views.
        note = "Aucun thème n'a été trouvé dans ce corpus : il n'y a rien à explorer (voir le rapport)."
        page = render_explorer_html([], "Explorateur des thèmes", note)
        return page, {
            "n_topics": 0,
            "n_comments": int(len(comment_topics)),
            "views": [],
            "note": note,
        }
    views = explorer_views(
        topic_model, comment_topics, comments_clean, comment_embeddings, params, random_state
    )
    k = n_topics(topic_model)
    subtitle = f"{k} thème(s), {len(comment_topics):,} commentaires analysés.".replace(
        ",", "\u202f"
    )
    page = render_explorer_html(views, "Explorateur des thèmes", subtitle)
    summary = {
        "n_topics": k,
        "n_comments": int(len(comment_topics)),
        "views": [
            {"key": v.key, "title": v.title, "shown": v.shown, "note": v.note} for v in views
        ],
    }
    logger.info(
        "topic explorer: %d of %d views drawn (%s kB)",
        sum(v.shown for v in views),
        len(views),
        round(len(page.encode("utf-8")) / 1024),
    )
    return page, summary
