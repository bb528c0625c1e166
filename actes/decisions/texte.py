"""Texte d'une décision : lecture (.txt, JSON Judilibre, .docx, .pdf) et normalisation des sources tokenisées."""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..documents.garde import verifier_texte
from ..erreurs import DocumentSansTexte, EntreeInvalide

CHAMPS_TEXTE_JSON = ("text", "texte", "originalText", "pseudoText")


@dataclass
class Source:
    """Texte normalisé d'une décision et, pour un export Judilibre, ses métadonnées."""

    texte: str
    chemin: str
    meta: dict = field(default_factory=dict)


def normaliser(texte: str) -> str:
    """Espaces des sources tokenisées recollés (« d' appel » → « d'appel », « S. , » → « S., »), lignes conservées."""
    texte = texte.replace("\r\n", "\n").replace("\r", "\n").replace("\u2019", "'").replace("\xa0", " ")
    texte = re.sub(r"[^\S\n]", " ", texte)                  # tout autre blanc (tabulation, cadratin…) : une espace
    texte = re.sub(r"(\w)' +(?=\w)", r"\1'", texte)
    texte = re.sub(r"(?<! ) +(?=[,.;:)\]])", "", texte)     # au début d'une suite de blancs seulement : linéaire
    texte = re.sub(r"([(\[]) +", r"\1", texte)
    texte = re.sub(r"\.\.(?=[,\s])", ".", texte)
    texte = re.sub(r"[ ]{2,}", " ", texte)
    texte = "\n".join(ligne.strip() for ligne in texte.split("\n"))
    # Deux lignes vides au plus : les motifs « \s* » des lecteurs restent ainsi bornés (une page de blancs ne les
    # fait plus balayer des milliers de lignes à chaque position).
    return re.sub(r"\n{3,}", "\n\n", texte)


def replier(texte: str) -> str:
    """Minuscules sans accents, pour comparer des noms de villes ou de juridictions."""
    texte = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", texte).strip()


def _objet_judilibre(brut: str) -> dict | list | None:
    """Le JSON d'un export Judilibre, ou None si le texte n'en est pas un (« [X] [Y] c/ … » pseudonymisé)."""
    try:
        donnees = json.loads(brut)
    except (ValueError, RecursionError):                # JSONDecodeError est une ValueError
        return None
    objet = donnees
    if isinstance(objet, dict) and isinstance(objet.get("results"), list) and objet["results"]:
        objet = objet["results"][0]
    if isinstance(objet, list) and objet:
        objet = objet[0]
    if isinstance(objet, dict) and any(isinstance(objet.get(champ), str) for champ in CHAMPS_TEXTE_JSON):
        return donnees
    return None


def _texte_json(chemin: Path, brut: str) -> Source:
    try:
        donnees = json.loads(brut)
    except json.JSONDecodeError as exc:
        raise EntreeInvalide(chemin, f"JSON invalide : {exc.msg} (ligne {exc.lineno})") from None
    except (RecursionError, ValueError):               # imbrication démesurée, entier de milliers de chiffres
        raise EntreeInvalide(chemin, "JSON refusé : imbrication ou nombre démesuré") from None
    return _source_json(chemin, donnees)


def _source_json(chemin: Path, donnees) -> Source:
    if isinstance(donnees, dict) and isinstance(donnees.get("results"), list) and donnees["results"]:
        donnees = donnees["results"][0]
    if isinstance(donnees, list) and donnees:
        donnees = donnees[0]
    if not isinstance(donnees, dict):
        raise EntreeInvalide(chemin, "export JSON attendu : un objet avec le champ « text » (Judilibre)")
    for champ in CHAMPS_TEXTE_JSON:
        if isinstance(donnees.get(champ), str) and donnees[champ].strip():
            meta = {k: v for k, v in donnees.items() if k not in CHAMPS_TEXTE_JSON and isinstance(v, (str, int))}
            verifier_texte(str(chemin), donnees[champ])
            return Source(normaliser(donnees[champ]), str(chemin), meta)
    raise DocumentSansTexte(chemin, "l'export JSON n'a pas de champ « text » non vide")


def _sans_commentaires(texte: str) -> str:
    """Retire les lignes d'annotation « # source: » / « # note: » placées en tête d'un fichier de corpus."""
    lignes = texte.split("\n")
    while lignes and re.match(r"#\s*(source|note)\s*:", lignes[0], re.I):
        lignes.pop(0)
    return "\n".join(lignes)


def lire_source(chemin: str | Path) -> Source:
    """Décision lue depuis un fichier .txt, .json (Judilibre), .docx, .odt ou .pdf, reconnu à sa signature par le
    lecteur des actes (mêmes gardes : fichier absent, binaire, octets nuls, image, UTF-16, taille, longueur)."""
    from ..documents.lecture import lire

    return source_du_document(lire(chemin), chemin)


def source_du_document(document, chemin: str | Path) -> Source:
    """Décision d'un document déjà lu (fichier ou octets en mémoire) ; `chemin` : son nom, dont l'extension .json
    désigne une décision Judilibre."""
    chemin = Path(chemin)
    verifier_texte(str(chemin), document.texte)
    if document.format != "txt":
        texte = normaliser(document.texte)
        if not texte.strip():
            raise DocumentSansTexte(chemin, "document sans texte exploitable")
        return Source(texte, str(chemin))
    brut = document.texte
    if chemin.suffix.lower() == ".json":
        return _texte_json(chemin, brut)
    if brut.lstrip().startswith(("{", "[")) and (donnees := _objet_judilibre(brut)) is not None:
        return _source_json(chemin, donnees)
    texte = normaliser(_sans_commentaires(brut))
    if not texte.strip():
        raise DocumentSansTexte(chemin, "fichier vide")
    return Source(texte, str(chemin))
