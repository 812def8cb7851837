"""French text helpers shared by the cleaning and topics stages."""

from .normalise import NormalisedText, has_words, normalise_text, repair_text

__all__ = ["NormalisedText", "has_words", "normalise_text", "repair_text"]
