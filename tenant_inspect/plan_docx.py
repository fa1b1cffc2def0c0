"""placeholder"""
from __future__ import annotations
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from .plan_export import LandlordPlan
def write_form(plan: LandlordPlan) -> bytes:
    raise NotImplementedError
