"""Augmentation des délais à raison de la distance (CPC:643, 644, 647), d'après la table datée
`regles/recours/distance.yaml` : la seule implémentation, lue par le calcul des délais, la lecture des décisions, la
rédaction et le contrôle des actes."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

from ..donnees import lire_yaml
from ..ressources import dossier_regles
from .duree import Duree

RE_PAYS_EN_FIN = re.compile(r"(?:,|\(|-|\s)\s*(?P<pays>[a-z][a-z' -]{2,30}?)\s*(?:\)|,|\.|;|\n|$)")
# Noms de pays qui sont aussi des prénoms, des noms de famille ou des mots courants dans une adresse.
NOMS_AMBIGUS = frozenset({"maurice", "france", "georgie", "jordanie", "salvador", "chine"})


def _plier(texte: str) -> str:
    texte = "".join(c for c in unicodedata.normalize("NFD", texte) if unicodedata.category(c) != "Mn")
    return re.sub(r"[\s'’-]+", " ", texte.lower()).strip()


@lru_cache(maxsize=1)
def table() -> dict:
    """Contenu de `regles/recours/distance.yaml`."""
    return lire_yaml(dossier_regles() / "recours" / "distance.yaml")


def version_au(jour: dt.date | None) -> dict:
    """Version de CPC:643 et 644 en vigueur au jour donné (la plus ancienne connue avant elle, voir `a_verifier`)."""
    versions = sorted(table()["versions"], key=lambda v: v["depuis"])
    if jour is None:
        return versions[-1]
    return next((v for v in reversed(versions) if v["depuis"] <= jour), versions[0])


def hors_des_versions(jour: dt.date | None) -> bool:
    """Vrai si le jour précède toute version connue : le calcul applique la plus ancienne, à vérifier."""
    return jour is not None and jour < min(v["depuis"] for v in table()["versions"])


def est_outre_mer(territoire: str) -> bool:
    """Vrai pour un territoire de la table (département ou collectivité d'outre-mer)."""
    return territoire in table()["territoires"]


def nom_du_territoire(territoire: str) -> str:
    """« La Réunion », « Mayotte »…"""
    return table()["territoires"][territoire]["nom"]


@lru_cache(maxsize=1)
def _noms() -> list[tuple[re.Pattern, str]]:
    noms = [(_plier(nom), code) for code, info in table()["territoires"].items() for nom in [info["nom"], *info["noms"]]]
    noms.sort(key=lambda n: -len(n[0]))
    return [(re.compile(rf"\b{re.escape(nom)}\b"), code) for nom, code in noms]


def territoire_du_nom(texte: str) -> str | None:
    """Code du territoire d'outre-mer nommé dans un texte (« Nouméa » → « 988 ») ; None sinon."""
    plie = _plier(texte)
    return next((code for motif, code in _noms() if motif.search(plie)), None)


def lieu_de_l_adresse(adresse: str):
    """Lieu (`actes.delais.lieux.Lieu`) d'une adresse : code postal français, sinon pays nommé en fin d'adresse,
    sinon territoire d'outre-mer nommé ; None si rien ne le dit."""
    from ..analyse.faits import RE_CODE_POSTAL
    from ..erreurs import EntreeInvalide
    from .lieux import Lieu, lire_demeurant

    texte = _plier_garder_ponctuation(adresse[:600])
    code = RE_CODE_POSTAL.search(texte)
    if code:
        return lire_demeurant(code.group())
    for m in RE_PAYS_EN_FIN.finditer(texte):
        nom = m.group("pays").strip()
        if nom in NOMS_AMBIGUS or len(nom) <= 2:
            continue
        try:
            lieu = lire_demeurant(nom)
        except EntreeInvalide:
            continue
        if lieu is not None:
            return lieu
    territoire = territoire_du_nom(adresse[:600])
    return Lieu(adresse.strip(), territoire, territoire) if territoire else None


def _plier_garder_ponctuation(texte: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", texte) if unicodedata.category(c) != "Mn").lower()


def augmentation_distance(lieu, demeurant, *, pourvoi: bool = False, jour: dt.date | None = None):
    """Augmentation du délai pour qui demeure outre-mer ou à l'étranger, et l'étape qui l'explique (CPC:643, 644) :
    `lieu` est le lieu de la juridiction, `demeurant` celui du destinataire (des `Lieu`) ; (None, None) sans objet."""
    from ..erreurs import EntreeInvalide
    from .calcul import Etape

    if demeurant is None:
        return None, None
    version = version_au(jour)
    r643, r644 = version["cpc_643"], version["cpc_644"]
    if not est_outre_mer(lieu.territoire):
        if demeurant.est_etranger:
            mois = r643["etranger"]["mois"]
            return Duree(mois=mois), Etape("CPC:643", f"juridiction en France métropolitaine, destinataire demeurant "
                                                      f"à l'{demeurant.libelle} : délai augmenté de {mois} mois")
        if demeurant.territoire in r643["outre_mer"]["territoires"]:
            mois = r643["outre_mer"]["mois"]
            return Duree(mois=mois), Etape("CPC:643", f"juridiction en France métropolitaine, destinataire demeurant "
                                                      f"en {demeurant.libelle} : délai augmenté de {mois} mois")
        return None, None
    if lieu.territoire in r644["juridictions"]:
        if pourvoi and not r644["pourvoi"]:
            return None, Etape("CPC:644", "CPC:644 n'augmente pas le délai de pourvoi en cassation")
        if demeurant.est_etranger:
            mois = r644["etranger"]["mois"]
            return Duree(mois=mois), Etape("CPC:644", f"juridiction en {lieu.libelle}, destinataire demeurant à "
                                                      f"l'{demeurant.libelle} : délai augmenté de {mois} mois")
        if demeurant.territoire != lieu.territoire:
            mois = r644["hors_collectivite"]["mois"]
            return Duree(mois=mois), Etape("CPC:644", f"juridiction en {lieu.libelle}, destinataire ne demeurant pas "
                                                      f"dans cette collectivité ({demeurant.libelle}) : délai augmenté "
                                                      f"de {mois} mois")
        return None, None
    raise EntreeInvalide("lieu", f"délais de distance devant une juridiction de {lieu.libelle} : hors du champ de "
                                 "CPC:643 et 644, non pris en charge")
