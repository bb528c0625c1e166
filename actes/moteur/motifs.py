"""Motifs des règles : phrases, motifs de jetons spaCy ou expressions régulières, tous sur texte plié.

Dans un fichier de règles, un motif s'écrit :
- une chaîne : une phrase, comparée mot à mot sans casse ni accents (« * » : un mot quelconque facultatif) ;
- une liste de dictionnaires : un motif de jetons spaCy Matcher (`[{LOWER: amende}, {LOWER: civile}]`) ;
- `{regex: "..."}` : une expression régulière sur le texte plié (à réserver aux nombres et formes variables).
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass

from ..analyse.texte import plier


@dataclass(frozen=True)
class Motif:
    """Un motif compilé : soit une clé du Matcher commun, soit une expression régulière."""

    cle: str | None = None
    regex: re.Pattern | None = None
    libelle: str = ""


class Recherche:
    """Résultats de la recherche de tous les motifs sur un acte : positions par motif."""

    def __init__(self, analyse, par_cle: dict[str, list[tuple[int, int]]]):
        self.analyse = analyse
        self._par_cle = par_cle
        self._par_regex: dict[str, list[tuple[int, int]]] = {}

    def positions(self, motif: Motif) -> list[tuple[int, int]]:
        """Positions (début, fin) du motif dans le texte entier."""
        if motif.cle is not None:
            return self._par_cle.get(motif.cle, [])
        motif_texte = motif.regex.pattern
        if motif_texte not in self._par_regex:
            self._par_regex[motif_texte] = [m.span() for m in motif.regex.finditer(self.analyse.texte_plie)]
        return self._par_regex[motif_texte]

    def premiere(self, motifs: list[Motif]) -> tuple[int, int] | None:
        """Première position, dans l'ordre du texte, de l'un des motifs."""
        toutes = [p for m in motifs for p in self.positions(m)]
        return min(toutes) if toutes else None


# Vrai pendant le chargement des règles d'un utilisateur : leurs expressions sont aussi sondées sous minuteur (celles
# du paquet le sont par les tests, pour garder un démarrage rapide).
SONDER: ContextVar[bool] = ContextVar("sonder_les_expressions", default=False)


def compiler(brut, cle: str, chercheur) -> Motif:
    """Motif compilé depuis sa forme YAML ; les formes Matcher sont ajoutées au chercheur commun."""
    from ..analyse.nlp import motif_de_phrase

    from ..expressions import compiler_sure

    sonder = SONDER.get()
    if isinstance(brut, dict) and "regex" in brut:
        return Motif(regex=compiler_sure(brut["regex"], sonder=sonder), libelle=brut["regex"])
    if isinstance(brut, str):
        chercheur.ajouter(cle, [motif_de_phrase(brut)])
        return Motif(cle=cle, libelle=brut)
    if isinstance(brut, list):
        jetons = [{k: (plier(v) if isinstance(v, str) and k in ("LOWER", "NORM", "TEXT", "ORTH") else v)
                   for k, v in jeton.items()} for jeton in brut]
        for jeton in jetons:                      # {LOWER: {REGEX: …}} : même contrôle qu'une expression du texte
            for valeur in jeton.values():
                if isinstance(valeur, dict) and "REGEX" in valeur:
                    compiler_sure(valeur["REGEX"], sonder=sonder)
        chercheur.ajouter(cle, [jetons])
        return Motif(cle=cle, libelle=" ".join(str(j.get("LOWER", "…")) for j in jetons))
    raise ValueError(f"motif illisible : {brut!r}")
