"""Le bloc des voies de recours d'un acte de signification : voies, formes normalisées, territoire du siège (CPC:680).

Les modalités et l'article de l'amende civile sont des données : `regles/redaction/formulations.yaml`.
"""
from __future__ import annotations

import re
import unicodedata

VOIES = {"appel": ("un appel", "L'APPEL", "porté"), "opposition": ("une opposition", "L'OPPOSITION", "portée"),
         "pourvoi": ("un pourvoi en cassation", "LE POURVOI", "porté")}


def cle(texte: object) -> str:
    """Forme normalisée d'une valeur énumérée : « Réputé contradictoire » → « repute_contradictoire »."""
    brut = str(texte or "").replace("prud'hommes", "prudhommes").replace("prud’hommes", "prudhommes")
    sans_accents = "".join(c for c in unicodedata.normalize("NFD", brut) if unicodedata.category(c) != "Mn")
    return re.sub(r"[^a-z0-9]+", "_", sans_accents.lower()).strip("_")


def normaliser_voie(voie: object) -> str | None:
    """appel | opposition | pourvoi | aucune | inconnue | autre valeur telle quelle ; None si absente."""
    if voie in (None, ""):
        return None
    valeur = cle(voie)
    if valeur.startswith("pourvoi"):
        return "pourvoi"
    if valeur in ("aucune", "aucun", "none", "null"):
        return "aucune"
    return valeur


def territoire_du_siege(siege: str | None) -> str | None:
    """Territoire d'outre-mer où siège la juridiction de recours ; None pour la métropole ou un siège inconnu."""
    from ..analyse.distance import sieges_outre_mer

    return sieges_outre_mer().get(cle(siege).replace("_", " "))
