"""Questionnaires: the question banks inspectors work through.

A package so the model (:mod:`.model`), the reader-neutral checker (:mod:`.checker`), the
TOML reader (:mod:`.toml_reader`), the guards for untrusted text (:mod:`.untrusted`:
nesting depth, control characters), the shipped banks (:mod:`.builtin`) and stored answers
(:mod:`.answers`) each have their own module; another reader (XLSForm, later) builds the
same model through the same checker. Everything the rest of the program uses is re-exported
here, so ``from tenant_inspect.questionnaire import ...`` keeps working.
"""

from __future__ import annotations

from .answers import decode_answer, encode_answer, validate_answer
from .builtin import builtin_questionnaires, get_builtin
from .checker import check_questionnaire
from .locations import Block, Locations
from .model import (
    CHOICE_TYPES,
    KINDS,
    MAX_SCALE_POINTS,
    QUESTION_TYPES,
    YES_NO_OPTIONS,
    Option,
    Problem,
    Question,
    Questionnaire,
    QuestionnaireError,
    Section,
    ShowIf,
)
from .toml_reader import MAX_FILE_BYTES, load_questionnaire_file, parse_questionnaire

__all__ = [
    "CHOICE_TYPES",
    "KINDS",
    "MAX_FILE_BYTES",
    "MAX_SCALE_POINTS",
    "QUESTION_TYPES",
    "YES_NO_OPTIONS",
    "Block",
    "Locations",
    "Option",
    "Problem",
    "Question",
    "Questionnaire",
    "QuestionnaireError",
    "Section",
    "ShowIf",
    "builtin_questionnaires",
    "check_questionnaire",
    "decode_answer",
    "encode_answer",
    "get_builtin",
    "load_questionnaire_file",
    "parse_questionnaire",
    "validate_answer",
]
