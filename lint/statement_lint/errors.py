"""Errors the user can fix (a bad option, config, profile or baseline): reported in a line or
a few, with exit status 2, never with a traceback."""


class UserError(Exception):
    pass
