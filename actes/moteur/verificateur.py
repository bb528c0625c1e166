"""Le vérificateur : charge les règles une fois, puis vérifie autant d'actes qu'on veut (partageable entre fils)."""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Union

from ..constat import Constat, Emplacement, Gravite
from ..documents.document import Document, document_de_texte
from .chargement import charger_catalogue
from .genres.base import Contexte
from .motifs import Recherche
from .regle import Regle, Trouvaille

# Ce que `verifier` accepte : chemin, octets, fichier ouvert (binaire), Document déjà lu.
Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, BinaryIO, Document, None]
SUPPRESSION_INUTILE = "SUPPRESSION-INUTILE"
RE_CHAMP = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
# Une suggestion qui commence par l'un de ces verbes dit quoi faire ; ce n'est pas un texte à mettre dans l'acte.
VERBES_DE_CONSIGNE = frozenset({"Reproduire", "Mettre", "Supprimer", "Envoyer", "Dater", "Signifier", "Viser",
                                "Indiquer", "Préciser", "Ajouter", "Remplacer", "Vérifier"})


@dataclass
class Rapport:
    """Résultat de la vérification d'un acte."""

    chemin: str | None
    type_acte: str | None
    date_acte: dt.date | None
    constats: list[Constat] = field(default_factory=list)
    avertissements: list[str] = field(default_factory=list)
    faits: dict = field(default_factory=dict)          # faits de l'acte, en JSON (`faits.faits_en_json`)

    @property
    def a_des_erreurs(self) -> bool:
        """Vrai si un constat non tu est de gravité erreur."""
        return any(c.gravite is Gravite.ERREUR and not c.supprime for c in self.constats)

    def en_dict(self) -> dict:
        """Entrée `fichiers[]` du format JSON version 1."""
        return {
            "chemin": self.chemin,
            "type_acte": self.type_acte,
            "date_acte": self.date_acte.isoformat() if self.date_acte else None,
            "avertissements": list(self.avertissements),
            "faits": self.faits,
            "constats": [c.en_dict() for c in self.constats],
        }


class _Valeurs(dict):
    """Valeurs d'un message : celles de la trouvaille, puis les faits, puis les paramètres datés ; sinon le champ brut."""

    def __init__(self, valeurs: dict, faits: dict, jour: dt.date):
        super().__init__(valeurs)
        self.faits, self.jour = faits, jour

    def __missing__(self, cle: str) -> str:
        from ..parametres import parametres_livres
        from ..rapport.format import date_longue, montant_fr

        valeur = self.faits.get(cle)
        if isinstance(valeur, dt.date):
            return date_longue(valeur)
        if valeur is not None:
            return str(valeur)
        param = parametres_livres().get(cle)
        if param is not None and param.est_en_vigueur(self.jour):
            brute = param.au(self.jour)
            return montant_fr(brute) if param.unite == "EUR" else str(brute)
        return "{" + cle + "}"


def _remplir(modele: str | None, valeurs: _Valeurs) -> str | None:
    if modele is None:
        return None
    return RE_CHAMP.sub(lambda m: str(valeurs[m.group(1)]), modele)


def remplir_formulation(modele: str, valeurs: dict, jour: dt.date, faits: dict | None = None) -> str:
    """Message ou suggestion d'une règle rempli comme dans un constat : valeurs données, faits, paramètres au jour."""
    return _remplir(modele, _Valeurs(valeurs, faits or {}, jour))


class Verificateur:
    """Règles chargées une fois ; `verifier()` ne modifie rien de partagé (sûr entre fils)."""

    def __init__(self, regles: tuple[Path | str, ...] | list = (), ignorer: tuple[str, ...] | list = (),
                 gravites: dict[str, str] | None = None, livrees: bool = True):
        self.catalogue = charger_catalogue(tuple(Path(d) for d in regles), livrees=livrees)
        self.ignorer = frozenset(ignorer)
        self.gravites = {code: Gravite(g) for code, g in (gravites or {}).items()}

    @property
    def regles(self) -> list[Regle]:
        """Toutes les règles chargées."""
        return self.catalogue.regles

    def verifier(self, source: Source = None, type_acte: str | None = None, date: dt.date | str | None = None,
                 taire: dict[str, str] | None = None, *, texte: str | None = None,
                 ignorer: tuple[str, ...] | list | frozenset = ()) -> Rapport:
        """Rapport de conformité d'un acte : un chemin (`str` ou `Path`, qui doit exister), des octets ou un fichier
        ouvert en binaire (format reconnu à la signature), un `Document` déjà lu, ou un texte donné par `texte=`.
        `date` : `datetime.date` ou chaîne AAAA-MM-JJ / JJ/MM/AAAA ; `type_acte` : un type de regles/types.yaml ;
        `taire` : code → justification des constats tus pour ce fichier (configuration `par-fichier`) ; `ignorer` :
        codes écartés pour cet appel seulement, en plus de ceux du vérificateur (un service partagé)."""
        from ..analyse import analyser
        from ..analyse.faits import faits_en_json

        from ..documents.garde import verifier_texte

        document = _document(source, texte)
        verifier_texte(document.chemin, document.texte)
        type_acte, date = _type_acte(type_acte), _date(date)
        analyse = analyser(document, type_acte=type_acte, date=date)
        jour = analyse.date_acte or dt.date.today()
        recherche = Recherche(analyse, self.catalogue.chercheur.chercher(analyse.jetons()))
        contexte = Contexte(analyse, recherche, jour)
        ecartes = self.ignorer | frozenset(ignorer)
        constats = []
        for regle in self.catalogue.regles:
            if regle.code in ecartes or not regle.en_vigueur(jour):
                continue
            if not regle.s_applique_au_type(analyse.types_acte) or not regle.conditions_remplies(analyse.faits):
                continue
            for trouvaille in regle.genre.verifier(contexte):
                constats.append(self._constat(regle, trouvaille, analyse, jour))
        constats.sort(key=Constat.cle_de_tri)
        constats = self._taire(constats, document, taire or {})
        return Rapport(document.chemin, analyse.type_acte, analyse.date_acte, constats,
                       list(document.avertissements), faits_en_json(analyse.faits, analyse.parties))

    def _taire(self, constats: list[Constat], document: Document, taire: dict[str, str]) -> list[Constat]:
        """Constats tus par la configuration, puis par les commentaires « actes: ignorer CODE… » du passage qu'ils
        couvrent ; un commentaire qui ne tait rien devient lui-même un constat (SUPPRESSION-INUTILE)."""
        resultat = [c.taire("configuration", taire[c.code]) if c.code in taire else c for c in constats]
        for suppression in document.suppressions:
            utile = False
            for rang, constat in enumerate(resultat):
                lieu = constat.emplacement
                fin = lieu.fin if lieu.fin > lieu.debut else len(document.blocs[lieu.bloc].texte)
                debut = lieu.debut if lieu.fin > lieu.debut else 0
                if constat.code in suppression.codes and suppression.debut <= (lieu.bloc, fin) \
                        and (lieu.bloc, debut) <= suppression.fin:
                    utile = True
                    if not constat.supprime:
                        resultat[rang] = constat.taire("commentaire", suppression.texte)
            if not utile:
                resultat.append(self._suppression_inutile(document, suppression))
        return resultat

    def _suppression_inutile(self, document: Document, suppression) -> Constat:
        connus = {r.code for r in self.regles}
        inconnus = [c for c in suppression.codes if c not in connus]
        raison = (f" (code{'s' if len(inconnus) > 1 else ''} inconnu{'s' if len(inconnus) > 1 else ''} : "
                  f"{', '.join(inconnus)})" if inconnus else "")
        bloc = document.blocs[min(suppression.debut[0], len(document.blocs) - 1)]
        position = min(suppression.debut[1], len(bloc.texte))
        fin = min(suppression.fin[1], len(bloc.texte)) if suppression.fin[0] == bloc.indice else len(bloc.texte)
        codes = " ".join(suppression.codes) or "(aucun code)"
        return Constat(
            code=SUPPRESSION_INUTILE, gravite=Gravite.INFORMATION,
            message=f"Le commentaire « actes: ignorer {codes} » ne tait aucun constat sur le passage qu'il couvre"
                    f"{raison} : le retirer, ou l'ancrer sur les mots du constat.",
            references=(), suggestion=None, regle="",
            emplacement=Emplacement(bloc.indice, position, max(position, fin), bloc.ligne or bloc.indice + 1,
                                    position + 1, bloc.texte[position:max(position, fin)].strip()[:200]))

    def _constat(self, regle: Regle, trouvaille: Trouvaille, analyse, jour: dt.date) -> Constat:
        valeurs = _Valeurs(trouvaille.valeurs, analyse.faits, jour)
        suggestion = _remplir(regle.suggestion, valeurs) if regle.suggestion else trouvaille.suggestion
        return Constat(
            code=regle.code,
            gravite=self.gravites.get(regle.code, regle.gravite),
            message=_remplir(regle.message, valeurs),
            references=trouvaille.references or regle.references,
            emplacement=emplacement(analyse, trouvaille),
            suggestion=suggestion,
            regle=regle.fichier,
            a_verifier=regle.a_verifier,
            correction=_correction(trouvaille, suggestion),
        )


def _correction(trouvaille: Trouvaille, suggestion: str | None) -> str | None:
    """« remplacer » ou « inserer » quand la suggestion est un texte à mettre dans l'acte ; None pour une consigne."""
    if not suggestion or suggestion.split(maxsplit=1)[0] in VERBES_DE_CONSIGNE:
        return None
    if trouvaille.correction == "remplacer" and trouvaille.debut is None:
        return None
    return trouvaille.correction


def emplacement(analyse, trouvaille: Trouvaille) -> Emplacement:
    """Emplacement d'une trouvaille ; pour une mention absente, la fin de la section où elle est attendue (là où le
    clerc l'insérera), ou le début de l'acte si la section manque."""
    document = analyse.document
    debut, fin = trouvaille.debut, trouvaille.fin
    section = trouvaille.section
    if debut is None:
        portee = analyse.section(section) if section else None
        debut = fin = _dernier_bloc(analyse, portee.debut, portee.fin) if portee else 0
    if not document.blocs:
        return Emplacement(0, 0, 0, 1, 1, "", section)
    bloc, position = document.localiser(debut)
    fin_bloc = min(position + max(fin - debut, 0), len(bloc.texte))
    extrait = bloc.texte[position:fin_bloc] if fin > debut else bloc.texte[:80]
    return Emplacement(bloc.indice, position, fin_bloc, bloc.ligne or bloc.indice + 1, position + 1,
                       extrait.strip(), section)


def _dernier_bloc(analyse, debut: int, fin: int) -> int:
    """Début du dernier bloc non vide de la portée [debut, fin)."""
    texte = analyse.texte
    dernier = debut
    for position in analyse.document.debuts:
        if debut <= position < fin and texte[position:fin].split("\n", 1)[0].strip():
            dernier = position
    return dernier


def _document(source, texte: str | None) -> Document:
    """Document d'une source de l'API ; un chemin n'est jamais pris pour le texte de l'acte."""
    import os

    from ..documents import lire
    from ..documents.garde import TAILLE_MAX_FICHIER
    from ..documents.lecture import lire_octets
    from ..erreurs import FichierIntrouvable

    if texte is not None:
        if source is not None:
            raise TypeError("verifier : donner une source ou texte=, pas les deux")
        if not isinstance(texte, str):
            raise TypeError("verifier : texte= attend une chaîne (str)")
        return document_de_texte(texte)
    if isinstance(source, Document):
        return source
    if isinstance(source, (str, os.PathLike)):
        chemin = Path(source)
        if isinstance(source, str) and ("\n" in source or len(source) > 4096) and not chemin.exists():
            raise FichierIntrouvable("<texte>", "ceci n'est pas un chemin de fichier : un texte d'acte se donne par "
                                                "texte=…")
        return lire(chemin)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return lire_octets(bytes(source), "<octets>")
    if hasattr(source, "read"):
        nom = str(getattr(source, "name", "<flux>"))
        contenu = source.read(TAILLE_MAX_FICHIER + 1)
        if isinstance(contenu, str):
            return document_de_texte(contenu, chemin=nom)
        return lire_octets(bytes(contenu), nom)
    if source is None:
        raise TypeError("verifier : aucune source (chemin, octets, fichier ouvert, Document ou texte=)")
    raise TypeError(f"verifier : source de type {type(source).__name__} non prise en charge")


def _type_acte(type_acte: str | None) -> str | None:
    """Le type demandé, s'il existe dans regles/types.yaml."""
    if type_acte is None:
        return None
    from ..analyse.type_acte import types_connus
    from ..erreurs import EntreeInvalide
    from ..suggestions import proposer

    connus = types_connus()
    if type_acte not in connus:
        raise EntreeInvalide("type_acte", f"type d'acte « {type_acte} » inconnu{proposer(type_acte, connus)} ; "
                                          f"possibles : {', '.join(connus)}")
    return type_acte


def _date(date) -> dt.date | None:
    """Date de l'acte : `datetime.date` (ou `datetime`), ou chaîne AAAA-MM-JJ ou JJ/MM/AAAA."""
    if date is None:
        return None
    if isinstance(date, dt.datetime):
        return date.date()
    if isinstance(date, dt.date):
        return date
    if isinstance(date, str):
        from ..delais.dates import lire_date

        return lire_date(date, "date")
    raise TypeError(f"date : datetime.date ou chaîne attendue, pas {type(date).__name__}")


_par_defaut: Verificateur | None = None


def verifier(source: Source = None, type_acte: str | None = None, date: dt.date | str | None = None, *,
             texte: str | None = None) -> Rapport:
    """Vérifie un acte avec les règles livrées (vérificateur partagé, chargé au premier appel) ; voir
    `Verificateur.verifier`."""
    global _par_defaut
    if _par_defaut is None:
        _par_defaut = Verificateur()
    return _par_defaut.verifier(source, type_acte=type_acte, date=date, texte=texte)
