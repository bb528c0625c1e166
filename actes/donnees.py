"""Lecture sûre des fichiers YAML du projet (règles, paramètres, dossiers).

Un chargeur dérivé de `yaml.SafeLoader` (ou de sa version C) (le chargeur global n'est pas modifié) qui refuse les clés en double et garde le numéro
de ligne de chaque objet, pour que les messages d'erreur désignent la ligne fautive.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .erreurs import EntreeInvalide, RegleInvalide

TAILLE_MAX_YAML = 5 * 1024 * 1024
NOEUDS_MAX = 200_000        # nœuds une fois les alias développés (un dossier en compte quelques centaines)
PROFONDEUR_MAX = 64         # imbrication des listes et dictionnaires


class DictLigne(dict):
    """Dictionnaire qui sait à quelle ligne de son fichier il commence."""

    ligne: int = 0


class ListeLigne(list):
    """Liste qui sait à quelle ligne de son fichier elle commence."""

    ligne: int = 0


# Le chargeur C de libyaml (livré avec les roues de PyYAML) est 5 à 10 fois plus rapide ; le chargeur Python sert
# de repli. Les deux donnent les mêmes objets et les mêmes numéros de ligne.
class _Chargeur(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    def get_single_data(self):
        noeud = self.get_single_node()
        if noeud is None:
            return None
        _borner(noeud)
        return self.construct_document(noeud)


def _borner(racine: yaml.Node) -> None:
    """Refuse, avant toute construction, un graphe de nœuds dont le développement des alias (bombe « billion
    laughs ») ou l'imbrication dépasse les limites ; parcours sans récursion, chaque nœud partagé compté une fois
    par son poids."""
    poids: dict[int, int] = {}
    pile: list[tuple[yaml.Node, int, bool]] = [(racine, 1, False)]
    en_cours: set[int] = set()
    while pile:
        noeud, profondeur, fini = pile.pop()
        if profondeur > PROFONDEUR_MAX:
            raise yaml.constructor.ConstructorError(
                None, None, f"imbrication de plus de {PROFONDEUR_MAX} niveaux", noeud.start_mark)
        enfants = _enfants(noeud)
        if fini:
            en_cours.discard(id(noeud))
            poids[id(noeud)] = 1 + sum(poids[id(e)] for e in enfants)
            if poids[id(noeud)] > NOEUDS_MAX:
                raise yaml.constructor.ConstructorError(
                    None, None, f"plus de {NOEUDS_MAX} valeurs une fois les alias (*) développés : refusé",
                    noeud.start_mark)
            continue
        if id(noeud) in poids:
            continue
        if id(noeud) in en_cours:
            raise yaml.constructor.ConstructorError(None, None, "alias récursif", noeud.start_mark)
        en_cours.add(id(noeud))
        pile.append((noeud, profondeur, True))
        pile.extend((e, profondeur + 1, False) for e in enfants if id(e) not in poids)


def _enfants(noeud: yaml.Node) -> list[yaml.Node]:
    if isinstance(noeud, yaml.SequenceNode):
        return list(noeud.value)
    if isinstance(noeud, yaml.MappingNode):
        return [n for paire in noeud.value for n in paire]
    return []


def _construire_dict(chargeur: _Chargeur, noeud: yaml.MappingNode) -> DictLigne:
    resultat = DictLigne()
    resultat.ligne = noeud.start_mark.line + 1
    chargeur.flatten_mapping(noeud)
    for noeud_cle, noeud_valeur in noeud.value:
        cle = chargeur.construct_object(noeud_cle, deep=True)
        if isinstance(cle, (list, dict)):
            raise yaml.constructor.ConstructorError(
                None, None, "une clé doit être un texte, un nombre ou une date, pas une liste ni un dictionnaire",
                noeud_cle.start_mark)
        if cle in resultat:
            raise yaml.constructor.ConstructorError(
                None, None, f"clé « {cle} » en double", noeud_cle.start_mark)
        resultat[cle] = chargeur.construct_object(noeud_valeur, deep=True)
    return resultat


def _construire_liste(chargeur: _Chargeur, noeud: yaml.SequenceNode) -> ListeLigne:
    resultat = ListeLigne(chargeur.construct_object(n, deep=True) for n in noeud.value)
    resultat.ligne = noeud.start_mark.line + 1
    return resultat


def _valeur_bornee(constructeur, quoi: str):
    """Constructeur d'une valeur simple dont l'échec (date impossible, entier démesuré) devient une erreur YAML
    située."""
    def construire(chargeur: _Chargeur, noeud: yaml.ScalarNode):
        try:
            return constructeur(chargeur, noeud)
        except (ValueError, OverflowError):
            raise yaml.constructor.ConstructorError(
                None, None, f"{quoi} impossible « {str(noeud.value)[:40]} »", noeud.start_mark) from None
    return construire


_Chargeur.add_constructor("tag:yaml.org,2002:timestamp",
                          _valeur_bornee(yaml.constructor.SafeConstructor.construct_yaml_timestamp, "date"))
_Chargeur.add_constructor("tag:yaml.org,2002:int",
                          _valeur_bornee(yaml.constructor.SafeConstructor.construct_yaml_int, "nombre"))
_Chargeur.add_constructor("tag:yaml.org,2002:float",
                          _valeur_bornee(yaml.constructor.SafeConstructor.construct_yaml_float, "nombre"))
_Chargeur.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construire_dict)
_Chargeur.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construire_liste)


# Messages de PyYAML et de libyaml les plus courants, dits en français (le reste est cité tel quel).
_PROBLEMES_YAML = (
    ("mapping values are not allowed", "« : » inattendu à cet endroit (valeur mal indentée ou texte à mettre entre "
                                       "guillemets)"),
    ("found character that cannot start any token", "caractère interdit ici (une tabulation dans l'indentation ?)"),
    ("found character '\\t' that cannot start any token", "tabulation interdite dans l'indentation"),
    ("found unexpected end of stream", "fin du fichier inattendue (guillemet non fermé ?)"),
    ("did not find expected ',' or ']'", "« , » ou « ] » attendu (crochet non fermé ?)"),
    ("did not find expected ',' or '}'", "« , » ou « } » attendu (accolade non fermée ?)"),
    ("did not find expected key", "clé attendue (indentation incohérente ?)"),
    ("did not find expected '-' indicator", "« - » attendu (élément de liste mal indenté ?)"),
    ("could not find expected ':'", "« : » attendu après la clé"),
    ("found unknown escape character", "séquence d'échappement inconnue entre guillemets doubles"),
    ("found undefined alias", "alias « * » sans ancre « & » correspondante"),
    ("could not determine a constructor for the tag", "étiquette YAML « ! » non admise"),
    ("found duplicate anchor", "ancre « & » définie deux fois"),
    ("but found another document", "un seul document YAML attendu (« --- » en trop)"),
)


def _en_francais(probleme: str) -> str:
    """Problème de syntaxe YAML dit en français quand il est connu."""
    return next((francais for anglais, francais in _PROBLEMES_YAML if probleme.startswith(anglais)), probleme)


def lire_yaml_texte(texte: str, chemin: Path | str, *, erreur=RegleInvalide) -> Any:
    """Contenu d'un texte YAML ; une syntaxe fautive lève `erreur` avec la ligne."""
    try:
        return yaml.load(texte, Loader=_Chargeur)  # noqa: S506 - chargeur dérivé de SafeLoader
    except yaml.MarkedYAMLError as exc:
        marque = exc.problem_mark or exc.context_mark
        ligne = marque.line + 1 if marque else None
        probleme = str(exc.problem or exc)
        if "nesting depth" in probleme:                     # message de libyaml
            probleme = f"imbrication de plus de {PROFONDEUR_MAX} niveaux"
        probleme = _en_francais(probleme)
        message = f"YAML invalide : {probleme}"
        if erreur is RegleInvalide:
            raise RegleInvalide(chemin, message, ligne=ligne) from None
        raise erreur(chemin, f"ligne {ligne} : {message}" if ligne else message) from None
    except yaml.YAMLError as exc:
        raise erreur(chemin, f"YAML invalide : {exc}") from None
    except RecursionError:
        raise erreur(chemin, f"YAML invalide : imbrication de plus de {PROFONDEUR_MAX} niveaux") from None


def lire_yaml(chemin: Path | str, *, erreur=RegleInvalide) -> Any:
    """Contenu d'un fichier YAML (UTF-8), avec lignes et sans clés en double."""
    from .sortie import noter_lecture

    chemin = Path(chemin)
    if not chemin.is_file():
        raise erreur(chemin, "fichier introuvable ou n'est pas un fichier")
    noter_lecture(chemin)
    if chemin.stat().st_size > TAILLE_MAX_YAML:
        raise erreur(chemin, "fichier YAML trop volumineux")
    from .documents.lire_txt import decoder_donnees
    from .erreurs import FormatNonReconnu

    try:
        texte = decoder_donnees(chemin.read_bytes(), str(chemin))
    except FormatNonReconnu as exc:
        raise erreur(chemin, exc.message) from None
    except OSError as exc:
        raise erreur(chemin, f"lecture impossible ({exc.strerror or exc.__class__.__name__})") from None
    return lire_yaml_texte(texte, chemin, erreur=erreur)


def lire_booleen(valeur: Any, lieu: str, champ: str) -> bool:
    """Valeur booléenne d'un fichier de l'utilisateur : `true` ou `false`, rien d'autre (« non » entre guillemets est
    un texte, pas un faux)."""
    if isinstance(valeur, bool):
        return valeur
    raise EntreeInvalide(lieu, f"« {champ} » : attendu true ou false, pas « {str(valeur)[:40]} »")


def lire_dossier_utilisateur(chemin: Path | str) -> Any:
    """Fichier YAML ou JSON fourni par l'utilisateur ; toute faute devient `EntreeInvalide`."""
    return lire_yaml(chemin, erreur=EntreeInvalide)
