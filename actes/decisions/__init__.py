"""Lire une décision de justice pour préparer sa signification : parties, dispositif, voie de recours (CPC:680)."""
from .analyse import analyser_decision
from .juridictions import cour_d_appel
from .recours import voie_de_recours

__all__ = ["analyser_decision", "cour_d_appel", "voie_de_recours"]
