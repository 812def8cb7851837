"""The base of every typed parameter model.

Kedro validates ``params:<stage>`` against the model a node's argument is typed with, before
any node runs; a node therefore always receives the model, never a dict.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    """A parameter model that refuses unknown keys.

    A misspelt key (``treshold``, ``colums``) must fail loudly, naming the key, not be ignored.
    """

    model_config = ConfigDict(extra="forbid")
