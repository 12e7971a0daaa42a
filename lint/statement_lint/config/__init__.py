"""Configuration: the settings that apply to each file (`settings`), the config files they come
from (`files`, validated by `model`), and the gitignore-style globs they use (`globs`)."""
