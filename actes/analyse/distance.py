"""Augmentation des délais de recours pour distance (CPC:643, 644), d'après l'acte : où demeure le destinataire
(code postal, ou pays nommé dans son adresse) et où siège la juridiction qui a rendu la décision.

Ne conclut que sur ce que l'acte montre : un destinataire à l'étranger (+ 2 mois, quelle que soit la juridiction),
ou un destinataire outre-mer devant une juridiction de métropole, ou l'inverse (+ 1 mois) quand la ville de la
juridiction est connue. Sinon : None.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..donnees import lire_yaml
from ..ressources import dossier_regles
from .faits import RE_CODE_POSTAL

RE_VILLE_JURIDICTION = re.compile(
    r"(?:tribunal judiciaire|tribunal de commerce|tribunal de proximite|conseil de prud'?hommes|tribunal de premiere"
    r" instance|cour d'appel) (?:de |d'|du )(?P<ville>[a-z][a-z' -]{1,40}?)(?=\s*[,.;()\n]|\s+(?:\(|rg|en date|le |du |a |sous|statuant|n)|$)")
RE_PAYS_EN_FIN = re.compile(r"(?:,|\(|-|\s)\s*(?P<pays>[a-z][a-z' -]{2,30}?)\s*(?:\)|,|\.|;|\n|$)")
NOMS_AMBIGUS = frozenset({"maurice", "france", "georgie", "jordanie", "salvador", "chine"})


@lru_cache(maxsize=1)
def sieges_outre_mer() -> dict[str, str]:
    """Ville (pliée, espaces) où siège une juridiction d'outre-mer → territoire (regles/juridictions/)."""
    return dict(lire_yaml(dossier_regles() / "juridictions" / "sieges_outre_mer.yaml")["sieges"])


def _cle(ville: str) -> str:
    return re.sub(r"[\s'-]+", " ", ville).strip()


def territoire_de_la_juridiction(texte_objet: str) -> str | None:
    """« metropole », un code d'outre-mer, ou None si la ville de la juridiction n'est pas reconnue."""
    from ..decisions.juridictions import canoniser_ville

    m = RE_VILLE_JURIDICTION.search(texte_objet)
    if not m:
        return None
    ville = _cle(m.group("ville"))
    for siege, territoire in sieges_outre_mer().items():
        if ville == siege or ville.startswith(siege + " "):
            return territoire
    if ville in ("saint denis", "saint pierre"):
        return None
    return "metropole" if canoniser_ville(m.group("ville")) else None


def lieu_du_destinataire(texte_destinataire: str):
    """Lieu (`actes.delais.lieux.Lieu`) où demeure le destinataire : code postal français, sinon pays nommé."""
    from ..delais.lieux import lire_demeurant
    from ..erreurs import EntreeInvalide

    adresse = texte_destinataire[:600]
    code = RE_CODE_POSTAL.search(adresse)
    if code:
        return lire_demeurant(code.group())
    for m in RE_PAYS_EN_FIN.finditer(adresse):
        nom = m.group("pays").strip()
        if nom in NOMS_AMBIGUS:
            continue
        try:
            lieu = lire_demeurant(nom)
        except EntreeInvalide:
            continue
        if lieu is not None and len(nom) > 2:
            return lieu
    return None


def augmentation(texte_objet: str, texte_destinataire: str) -> str | None:
    """« 1 mois », « 2 mois » ou None : augmentation des délais de recours que l'acte permet d'établir."""
    from ..delais.calcul import augmentation_distance
    from ..delais.lieux import lire_lieu
    from ..erreurs import EntreeInvalide

    demeurant = lieu_du_destinataire(texte_destinataire)
    if demeurant is None:
        return None
    territoire = territoire_de_la_juridiction(texte_objet)
    if territoire is None:
        return "2 mois" if demeurant.est_etranger else None
    try:
        juridiction = lire_lieu("" if territoire == "metropole" else territoire)
        duree, _ = augmentation_distance(juridiction, demeurant)
    except EntreeInvalide:
        return None
    return f"{duree.total_mois} mois" if duree else None
