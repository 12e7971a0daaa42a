"""Builds the prototype: `python setup.py build_ext --inplace` (in this folder)."""

from setuptools import Extension, setup

setup(name="cnorm", ext_modules=[Extension("cnorm", ["cnorm.c"], extra_compile_args=["-O2"])])
