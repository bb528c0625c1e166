"""Écriture des résultats : jamais sur un fichier lu, jamais sur autre chose qu'un fichier ordinaire, toujours de façon
atomique et avec les droits ordinaires (masque de l'utilisateur).

Tout fichier lu pendant le lancement (acte, décision, dossier, règles, configuration) est noté par `noter_lecture` :
une sortie ne peut pas le remplacer, qu'il ait été donné en argument ou trouvé en chemin.
"""
from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
import threading
from pathlib import Path
from typing import Any

from .erreurs import EntreeInvalide, SortieImpossible

# Extensions de documents binaires : un rapport texte, JSON ou SARIF n'y est jamais écrit.
_BINAIRES = {".docx", ".doc", ".odt", ".pdf", ".xlsx", ".xls", ".ods", ".rtf", ".zip", ".png", ".jpg", ".jpeg"}
_RAISONS = {
    errno.ENOSPC: "disque plein",
    errno.EDQUOT: "quota disque dépassé",
    errno.EACCES: "droits insuffisants sur le dossier ou le fichier",
    errno.EPERM: "opération non permise",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.ENAMETOOLONG: "nom de fichier trop long",
}

_lus: set[tuple[int, int]] = set()
_ecrits: set[tuple[int, int]] = set()
_verrou = threading.Lock()


def nouveau_lancement() -> None:
    """Oublie les fichiers lus et écrits par le lancement précédent (une commande = un lancement)."""
    with _verrou:
        _lus.clear()
        _ecrits.clear()


def noter_lecture(chemin: Path | str) -> None:
    """Retient qu'un fichier a été lu : aucune sortie de ce lancement ne pourra le remplacer."""
    try:
        etat = os.stat(chemin)
    except (OSError, ValueError):
        return
    with _verrou:
        _lus.add((etat.st_dev, etat.st_ino))


def _masque() -> int:
    """Masque de création de l'utilisateur (lu sans le modifier quand le système le permet)."""
    try:
        with open("/proc/self/status", encoding="ascii") as statut:
            for ligne in statut:
                if ligne.startswith("Umask:"):
                    return int(ligne.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    masque = os.umask(0o022)
    os.umask(masque)
    return masque


def _raison(exc: OSError) -> str:
    return _RAISONS.get(exc.errno or 0, exc.strerror or exc.__class__.__name__)


def _controler_extension(cible: Path, donnees: bytes, texte: bool) -> None:
    extension = cible.suffix.lower()
    if texte and extension in _BINAIRES:
        raise EntreeInvalide(cible, f"cette commande écrit du texte : elle ne peut pas produire un fichier {extension}")
    if not texte and donnees.startswith(b"PK") and extension not in (".docx", ".odt"):
        raise EntreeInvalide(cible, "cette commande écrit un document Word : le fichier de sortie doit finir par .docx")


def ecrire_atomique(chemin: Path | str, contenu: bytes | str, *, entrees: tuple[Path | str, ...] = ()) -> Path:
    """Écrit `contenu` dans un fichier temporaire du même dossier puis le renomme sur `chemin`.

    Refusé : un fichier lu pendant ce lancement (dont `entrees`), un dossier, un périphérique, un tube, un dossier de
    sortie absent ; l'extension doit convenir au contenu. Un fichier remplacé garde ses droits, un nouveau reçoit
    ceux du masque de l'utilisateur. Un échec d'écriture (disque plein, droits) lève `SortieImpossible` sans laisser
    de fichier temporaire.
    """
    for entree in entrees:
        noter_lecture(entree)
    cible = Path(chemin)
    if str(chemin) in ("", "-"):
        raise EntreeInvalide("-o", "nom de fichier de sortie vide")
    donnees = contenu.encode("utf-8") if isinstance(contenu, str) else contenu
    _controler_extension(cible, donnees, isinstance(contenu, str))
    try:
        etat = os.stat(cible)           # suit un lien symbolique : c'est sa cible qui serait remplacée
    except FileNotFoundError:
        etat = None
    except OSError as exc:
        raise SortieImpossible(cible, f"écriture impossible ({_raison(exc)})") from None
    if etat is not None:
        if stat.S_ISDIR(etat.st_mode):
            raise EntreeInvalide(cible, "le chemin de sortie est un dossier")
        if not stat.S_ISREG(etat.st_mode):
            raise EntreeInvalide(cible, "le chemin de sortie n'est pas un fichier ordinaire (périphérique, tube…) : "
                                        "il ne sera pas remplacé")
        with _verrou:
            lu, deja_ecrit = (etat.st_dev, etat.st_ino) in _lus, (etat.st_dev, etat.st_ino) in _ecrits
        if deja_ecrit:
            raise EntreeInvalide(cible, "ce fichier vient d'être écrit par cette commande : deux sorties ne peuvent "
                                        "pas avoir le même chemin")
        if lu:
            raise EntreeInvalide(cible, "le fichier de sortie est un fichier lu par cette commande (acte, décision, "
                                        "dossier, règles ou configuration) : il ne sera pas écrasé")
        cible = cible.resolve()
        droits = stat.S_IMODE(etat.st_mode)
    else:
        droits = 0o666 & ~_masque()
    dossier = cible.parent if str(cible.parent) else Path(".")
    if not dossier.is_dir():
        raise EntreeInvalide(cible, "le dossier de sortie n'existe pas")
    try:
        descripteur, temporaire = tempfile.mkstemp(prefix=".actes-", suffix=".tmp", dir=dossier)
    except OSError as exc:
        raise SortieImpossible(cible, f"écriture impossible ({_raison(exc)})") from None
    try:
        with os.fdopen(descripteur, "wb") as flux:
            flux.write(donnees)
            flux.flush()
            os.fchmod(flux.fileno(), droits)
            os.fsync(flux.fileno())
            ecrit = os.fstat(flux.fileno())
        os.replace(temporaire, cible)
        with _verrou:
            _ecrits.add((ecrit.st_dev, ecrit.st_ino))
    except OSError as exc:
        Path(temporaire).unlink(missing_ok=True)
        raise SortieImpossible(cible, f"écriture impossible ({_raison(exc)}) : rien n'a été écrit") from None
    except BaseException:
        Path(temporaire).unlink(missing_ok=True)
        raise
    return cible


def en_json(donnees: Any) -> str:
    """JSON stable (mêmes entrées, mêmes octets) : UTF-8 lisible, indenté, clés dans l'ordre d'insertion."""
    return json.dumps(donnees, ensure_ascii=False, indent=2, default=str) + "\n"


def archive_reproductible(octets: bytes) -> bytes:
    """Paquet .docx réécrit avec des dates d'entrée fixes : même contenu, mêmes octets."""
    import io
    import zipfile

    sortie = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(octets)) as source, zipfile.ZipFile(sortie, "w", zipfile.ZIP_DEFLATED) as cible:
        for info in source.infolist():
            entree = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entree.compress_type = zipfile.ZIP_DEFLATED
            entree.external_attr = 0o644 << 16
            cible.writestr(entree, source.read(info.filename))
    return sortie.getvalue()
