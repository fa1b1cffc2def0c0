"""The question runner shared by interviews and document reviews (a base; not opened by name)."""

from .screen import WIDE, QuestionRunnerScreen

__all__ = ["WIDE", "QuestionRunnerScreen"]
