"""Citations d'articles → forme canonique `CODE:ARTICLE`.

« article 680 du code de procédure civile » → CPC:680 ; « art. R. 211-3 du CPCE » → CPCE:R211-3 ;
« articles 654 à 659 du code de procédure civile » → CPC:654 … CPC:659 (les bornes et les numéros entiers
intermédiaires) ; « articles L. 412-1 à L. 412-6 du code des procédures civiles d'exécution » → CPCE:L412-1 … L412-6.
Les codes reconnus sont des données : `regles/codes.yaml`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..donnees import lire_yaml
from ..ressources import dossier_regles

_NUMERO = r"(?:[lrda]\s?\.?\s?\*?)?\d+(?:-\d+){0,3}(?:\s(?:bis|ter|quater)(?:\s[a-z]\b)?)?"
RE_CITATION = re.compile(
    rf"\b(?:articles?|art\.?)\s+(?P<numeros>{_NUMERO}(?:\s*(?:,|et|a|à|ou)\s*{_NUMERO}){{0,8}})"
    r"(?=(?P<suite>[^;\n]{0,80}))")


@dataclass(frozen=True)
class Citation:
    """Une citation d'article(s) dans le texte."""

    debut: int
    fin: int
    references: tuple[str, ...]


@lru_cache(maxsize=1)
def _codes() -> list[tuple[re.Pattern, str]]:
    donnees = lire_yaml(dossier_regles() / "codes.yaml")
    motifs = []
    for code, definition in donnees.items():
        for ecriture in definition["ecritures"]:
            motifs.append((re.compile(
                rf"^\s*(?:(?:,|alinea\s*\d*|al\.\s*\d*|\d+o|premier|dernier|\(\d+\)|\s)*\s*)?(?:du|de la|des|de l')?\s*(?:{ecriture})\b"), code))
    return motifs


def _normaliser_numero(numero: str) -> str:
    numero = re.sub(r"[.*]", "", numero).upper()
    numero = re.sub(r"\s+(BIS|TER|QUATER)\s*", lambda m: f" {m.group(1).lower()} ", numero)
    return re.sub(r"\s+", "", numero.strip()) if " " not in numero.strip() else re.sub(
        r"^([LRDA])\s*", r"\1", numero.strip())


def _developper(numeros: str) -> list[str]:
    morceaux = re.split(r"\s*(,|\bet\b|\bou\b|\ba\b|à)\s*", numeros)
    resultat: list[str] = []
    precedent = None
    intervalle = False
    for morceau in morceaux:
        if morceau in (",", "et", "ou"):
            intervalle = False
            continue
        if morceau in ("a", "à"):
            intervalle = True
            continue
        if not morceau:
            continue
        numero = _normaliser_numero(morceau)
        if intervalle and precedent:
            resultat.extend(_entre(precedent, numero))
        resultat.append(numero)
        precedent = numero
        intervalle = False
    return resultat


def _entre(debut: str, fin: str) -> list[str]:
    """Numéros strictement entre deux bornes de même préfixe (« 654 » à « 659 », « L412-1 » à « L412-6 »)."""
    m1, m2 = re.fullmatch(r"(.*?)(\d+)", debut), re.fullmatch(r"(.*?)(\d+)", fin)
    if not m1 or not m2 or m1.group(1) != m2.group(1):
        return []
    a, b = int(m1.group(2)), int(m2.group(2))
    if not 0 < b - a <= 30:
        return []
    return [f"{m1.group(1)}{n}" for n in range(a + 1, b)]


def chercher_citations(texte_plie: str) -> list[Citation]:
    """Citations d'articles du texte plié dont le code est reconnu."""
    citations = []
    for m in RE_CITATION.finditer(texte_plie):
        suite = m.group("suite")
        for motif, code in _codes():
            code_trouve = motif.search(suite)
            if code_trouve:
                numeros = _developper(m.group("numeros"))
                if numeros:
                    fin = m.start("suite") + code_trouve.end()
                    citations.append(Citation(m.start(), fin, tuple(f"{code}:{n}" for n in numeros)))
                break
    return citations


@lru_cache(maxsize=1)
def noms_des_codes() -> dict[str, str]:
    """Code canonique → nom du code ou du texte (« CPC » → « Code de procédure civile »), d'après `codes.yaml`."""
    return {code: definition["nom"] for code, definition in lire_yaml(dossier_regles() / "codes.yaml").items()}
