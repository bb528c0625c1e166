"""Écriture des résultats : jamais sur un fichier d'entrée, toujours de façon atomique."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .erreurs import EntreeInvalide


def ecrire_atomique(chemin: Path | str, contenu: bytes | str, *, entrees: tuple[Path | str, ...] = ()) -> Path:
    """Écrit `contenu` dans un fichier temporaire du même dossier puis le renomme ; refuse d'écraser une entrée."""
    cible = Path(chemin)
    for entree in entrees:
        if Path(entree).exists() and cible.exists() and cible.resolve() == Path(entree).resolve():
            raise EntreeInvalide(cible, "le fichier de sortie est un fichier d'entrée : il ne sera pas écrasé")
    if cible.is_dir():
        raise EntreeInvalide(cible, "le chemin de sortie est un dossier")
    dossier = cible.parent if str(cible.parent) else Path(".")
    if not dossier.is_dir():
        raise EntreeInvalide(cible, "le dossier de sortie n'existe pas")
    donnees = contenu.encode("utf-8") if isinstance(contenu, str) else contenu
    descripteur, temporaire = tempfile.mkstemp(prefix=".actes-", suffix=".tmp", dir=dossier)
    try:
        with os.fdopen(descripteur, "wb") as flux:
            flux.write(donnees)
        os.replace(temporaire, cible)
    except BaseException:
        Path(temporaire).unlink(missing_ok=True)
        raise
    return cible


def en_json(donnees: Any) -> str:
    """JSON stable (mêmes entrées, mêmes octets) : UTF-8 lisible, indenté, clés dans l'ordre d'insertion."""
    return json.dumps(donnees, ensure_ascii=False, indent=2, default=str) + "\n"
