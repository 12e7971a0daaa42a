"""Builds the prototypes: `python setup.py build_ext --inplace` (in this folder)."""

from setuptools import Extension, setup

setup(
    name="prototypes",
    ext_modules=[
        Extension("cnorm", ["cnorm.c"], extra_compile_args=["-O2"]),
        Extension("cwords", ["cwords.c"], extra_compile_args=["-O2"]),
    ],
)
