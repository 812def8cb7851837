"""Project settings (Kedro defaults unless stated)."""

from kedro.config import OmegaConfigLoader

from ambassadeurs_pipeline.hooks import ProgressHook, PseudonymisationSaltHook

HOOKS = (PseudonymisationSaltHook(), ProgressHook())

CONFIG_LOADER_CLASS = OmegaConfigLoader
CONFIG_LOADER_ARGS = {
    "base_env": "base",
    "default_run_env": "local",
}
