"""Échecs présentables à l'utilisateur : un fichier, un message en français.

La ligne de commande n'attrape que `ActesErreur` (code de sortie 2) ; toute autre exception est un défaut du
programme et doit se voir comme tel.
"""
from __future__ import annotations

from pathlib import Path


class ActesErreur(Exception):
    """Échec présentable : le fichier en cause et ce qui ne va pas."""

    def __init__(self, chemin: Path | str, message: str):
        super().__init__(f"{chemin} : {message}")
        self.chemin = str(chemin)
        self.message = message


class FichierIntrouvable(ActesErreur):
    """Le chemin n'existe pas ou n'est pas un fichier."""


class FichierIllisible(ActesErreur):
    """Le fichier existe mais ne peut pas être lu (droits, erreur d'entrée-sortie)."""


class FichierTropVolumineux(ActesErreur):
    """Fichier plus grand que la limite de lecture."""


class TexteTropLong(FichierTropVolumineux):
    """Texte lu plus long que la limite d'analyse (en caractères), quelle que soit la taille du fichier."""


class FormatNonReconnu(ActesErreur):
    """Le contenu du fichier ne correspond à aucun format lu (quelle que soit son extension)."""


class DocumentChiffre(ActesErreur):
    """Conteneur OLE : document protégé par mot de passe ou ancien format Word 97-2003."""


class DocumentCorrompu(ActesErreur):
    """Document tronqué ou abîmé (archive .docx/.odt, PDF) : son format est reconnu mais il est illisible."""


class ArchiveCorrompue(DocumentCorrompu):
    """Archive .docx/.odt tronquée, incomplète ou illisible."""


class ArchiveTropVolumineuse(ActesErreur):
    """Archive dont la taille décompressée ou le taux de compression dépasse les limites (bombe zip)."""


class XmlRefuse(ActesErreur):
    """XML portant une déclaration DOCTYPE ou des entités : refusé sans être interprété."""


class DocumentSansTexte(ActesErreur):
    """Document vide ou sans couche de texte exploitable."""


class EntreeInvalide(ActesErreur):
    """Donnée d'entrée mal formée (dossier YAML, date, durée, montant…)."""


class SortieImpossible(ActesErreur):
    """Le fichier de sortie ne peut pas être écrit (disque plein, droits, système en lecture seule)."""


class RegleInvalide(ActesErreur):
    """Fichier de règles ou de paramètres invalide ; précise la ligne et le code de la règle."""

    def __init__(self, chemin: Path | str, message: str, ligne: int | None = None, code: str | None = None):
        lieu = f"ligne {ligne}" if ligne else ""
        qui = f"règle {code}" if code else ""
        prefixe = ", ".join(x for x in (lieu, qui) if x)
        super().__init__(chemin, f"{prefixe} : {message}" if prefixe else message)
        self.ligne = ligne
        self.code = code


class ParametreSansValeur(ActesErreur):
    """Aucune valeur du paramètre n'est en vigueur au jour demandé."""
