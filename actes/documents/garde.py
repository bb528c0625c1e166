"""Garde-fous avant tout analyseur : taille du fichier, archive zip (avant décompression), XML sans DTD.

Chaque limite protège le temps et la mémoire d'un lecteur face à un fichier hostile ou abîmé ; un
dépassement devient une `ActesErreur` en français qui nomme le fichier et le problème.
"""
from __future__ import annotations

import threading
import zipfile
import zlib
from typing import TYPE_CHECKING

from ..erreurs import (ArchiveCorrompue, ArchiveTropVolumineuse, DocumentChiffre, FichierTropVolumineux, TexteTropLong,
                       XmlRefuse)

TAILLE_MAX_FICHIER = 50 * 1024 * 1024         # octets lus sur le disque
MEMBRES_MAX = 5000                            # entrées d'une archive .docx/.odt
TOTAL_DECOMPRESSE_MAX = 500 * 1024 * 1024     # somme des tailles annoncées de toutes les entrées
PARTIE_MAX = 64 * 1024 * 1024                 # une partie XML effectivement décompressée
TAUX_MAX = 100                                # taille décompressée / taille compressée d'une entrée…
SEUIL_TAUX = 1024 * 1024                      # … vérifié au-delà de 1 Mo décompressé (le XML se comprime bien)
NOM_MAX = 1024                                # longueur d'un nom d'entrée
TEXTE_MAX = 1_000_000                         # caractères du texte lu (un acte ordinaire en compte moins de 50 000)

if TYPE_CHECKING:
    from lxml import etree

_DECLARATIONS = tuple(
    motif.encode(codage)
    for motif in ("<!DOCTYPE", "<!ENTITY")
    for codage in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)


def _mo(octets: int) -> str:
    return f"{octets / (1024 * 1024):.0f} Mo"


def _milliers(nombre: int) -> str:
    return f"{nombre:,}".replace(",", "\u202f")


def verifier_taille(chemin: str, taille: int) -> None:
    """Refuse un fichier plus grand que `TAILLE_MAX_FICHIER`."""
    if taille > TAILLE_MAX_FICHIER:
        raise FichierTropVolumineux(
            chemin, f"fichier trop volumineux ({_mo(taille)}, limite {_mo(TAILLE_MAX_FICHIER)})")


def verifier_texte(chemin: str | None, texte: str) -> None:
    """Refuse un texte plus long que `TEXTE_MAX` caractères : l'analyse d'un tel texte n'a pas de borne utile."""
    if len(texte) > TEXTE_MAX:
        raise TexteTropLong(
            chemin or "<texte>", f"texte trop long pour être analysé ({_milliers(len(texte))} caractères, limite "
                                 f"{_milliers(TEXTE_MAX)})")


def verifier_archive(archive: zipfile.ZipFile, chemin: str) -> None:
    """Contrôle une archive d'après son répertoire central, avant toute décompression (bombe zip, chemins)."""
    entrees = archive.infolist()
    if len(entrees) > MEMBRES_MAX:
        raise ArchiveTropVolumineuse(
            chemin, f"archive de {len(entrees)} entrées (limite {MEMBRES_MAX}) : ce n'est pas un document ordinaire")
    noms: set[str] = set()
    total = 0
    for entree in entrees:
        nom = entree.filename
        if (len(nom) > NOM_MAX or "\x00" in nom or nom.startswith(("/", "\\"))
                or ".." in nom.replace("\\", "/").split("/") or (len(nom) > 1 and nom[1] == ":")):
            raise ArchiveCorrompue(chemin, f"archive refusée : chemin d'entrée suspect « {nom[:80]} »")
        if nom in noms:
            raise ArchiveCorrompue(chemin, f"archive refusée : entrée « {nom[:80]} » en double")
        noms.add(nom)
        total += entree.file_size
        if entree.file_size > SEUIL_TAUX and entree.file_size > TAUX_MAX * max(entree.compress_size, 1):
            raise ArchiveTropVolumineuse(
                chemin, f"archive refusée (bombe zip ?) : l'entrée « {nom[:80]} » se décompresse "
                        f"{entree.file_size // max(entree.compress_size, 1)} fois (limite {TAUX_MAX})")
    if total > TOTAL_DECOMPRESSE_MAX:
        raise ArchiveTropVolumineuse(
            chemin, f"archive refusée (bombe zip ?) : {_mo(total)} une fois décompressée "
                    f"(limite {_mo(TOTAL_DECOMPRESSE_MAX)})")


def lire_entree(archive: zipfile.ZipFile, nom: str, chemin: str) -> bytes | None:
    """Octets d'une entrée de l'archive (None si elle manque), décompressés dans la limite `PARTIE_MAX`."""
    try:
        entree = archive.getinfo(nom)
    except KeyError:
        return None
    if entree.flag_bits & 0x1:
        raise DocumentChiffre(chemin, f"l'entrée « {nom} » de l'archive est chiffrée (protégée par mot de passe)")
    if entree.file_size > PARTIE_MAX:
        raise ArchiveTropVolumineuse(
            chemin, f"la partie « {nom} » fait {_mo(entree.file_size)} décompressée (limite {_mo(PARTIE_MAX)})")
    try:
        with archive.open(entree) as flux:
            donnees = flux.read(PARTIE_MAX + 1)   # la lecture s'arrête de toute façon à la taille annoncée
    except NotImplementedError as exc:
        raise ArchiveCorrompue(chemin, f"méthode de compression de « {nom} » non prise en charge") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:   # ValueError : décalage négatif
        raise ArchiveCorrompue(chemin, f"archive tronquée ou corrompue : la partie « {nom} » est illisible") from exc
    if len(donnees) > PARTIE_MAX:
        raise ArchiveTropVolumineuse(chemin, f"la partie « {nom} » dépasse {_mo(PARTIE_MAX)} décompressée")
    return donnees


_local = threading.local()


def _analyseur() -> etree.XMLParser:
    """Analyseur lxml sans entités, sans réseau, sans DTD ni arbre géant ; construit une fois par fil d'exécution."""
    analyseur = getattr(_local, "analyseur", None)
    if analyseur is None:
        from lxml import etree

        analyseur = etree.XMLParser(
            resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, dtd_validation=False,
            remove_comments=True, remove_pis=True, collect_ids=False)
        _local.analyseur = analyseur
    return analyseur


def analyser_xml(donnees: bytes, chemin: str, partie: str) -> etree._Element:
    """Racine d'une partie XML ; une déclaration DOCTYPE ou ENTITY est refusée avant l'analyse."""
    if any(motif in donnees for motif in _DECLARATIONS):
        raise XmlRefuse(
            chemin, f"la partie « {partie} » contient une déclaration DOCTYPE ou ENTITY : refusée sans être "
                    "interprétée (un document Office n'en contient jamais)")
    from lxml import etree

    try:
        racine = etree.fromstring(donnees, _analyseur())
    except etree.XMLSyntaxError as exc:
        ligne = f" (ligne {exc.lineno})" if getattr(exc, "lineno", None) else ""
        raise ArchiveCorrompue(chemin, f"la partie « {partie} » n'est pas du XML valide{ligne}") from exc
    if racine is None:
        raise ArchiveCorrompue(chemin, f"la partie « {partie} » est vide")
    return racine
