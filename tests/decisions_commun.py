"""Outils communs aux tests des jeux de décisions publiées (inédites, aveugles) : corrigé et comparaison des valeurs."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from actes.donnees import lire_yaml

SCALAIRES = ("date", "numero_rg", "type_decision", "nature", "ressort", "execution_provisoire")


def lire_corrige(dossier: Path) -> dict:
    """Corrigé d'un jeu : nom de fichier → champs attendus."""
    return lire_yaml(dossier / "attendus.yaml")


def plier(valeur) -> str:
    """Minuscules sans accents ni ponctuation : « réputé contradictoire » = « repute_contradictoire »."""
    texte = unicodedata.normalize("NFKD", str(valeur)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", texte).replace(" ressort", "").strip()
