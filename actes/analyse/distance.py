"""Augmentation des délais de recours pour distance (CPC:643, 644), d'après l'acte : où demeure le destinataire
(code postal, pays ou territoire nommé dans son adresse) et où siège la juridiction qui a rendu la décision.

Ne conclut que sur ce que l'acte montre : un destinataire à l'étranger (+ 2 mois, quelle que soit la juridiction),
ou un destinataire outre-mer devant une juridiction de métropole, ou l'inverse (+ 1 mois) quand la ville de la
juridiction est connue. Sinon : None. Le droit est celui de `actes.delais.distance` (regles/recours/distance.yaml) ;
le siège, celui de la carte judiciaire (regles/juridictions/cours_d_appel.yaml).
"""
from __future__ import annotations

import re

RE_VILLE_JURIDICTION = re.compile(
    r"(?:tribunal judiciaire|tribunal de commerce|tribunal de proximite|conseil de prud'?hommes|tribunal de premiere"
    r" instance|cour d'appel) (?:de |d'|du )(?P<ville>[a-z][a-z' -]{1,40}?)(?=\s*[,.;()\n]|\s+(?:\(|rg|en date|le |du |a |sous|statuant|n)|$)")


def territoire_de_la_juridiction(texte_objet: str) -> str | None:
    """« metropole », un code d'outre-mer, ou None si la ville de la juridiction n'est pas reconnue."""
    from ..decisions.juridictions import territoire_du_siege

    m = RE_VILLE_JURIDICTION.search(texte_objet)
    return territoire_du_siege(m.group("ville")) if m else None


def lieu_du_destinataire(texte_destinataire: str):
    """Lieu (`actes.delais.lieux.Lieu`) où demeure le destinataire, d'après son adresse."""
    from ..delais.distance import lieu_de_l_adresse

    return lieu_de_l_adresse(texte_destinataire[:600])


def augmentation(texte_objet: str, texte_destinataire: str, jour=None) -> str | None:
    """« 1 mois », « 2 mois » ou None : augmentation des délais de recours que l'acte permet d'établir."""
    from ..delais.distance import augmentation_distance, version_au
    from ..delais.lieux import lire_lieu
    from ..erreurs import EntreeInvalide

    demeurant = lieu_du_destinataire(texte_destinataire)
    if demeurant is None:
        return None
    territoire = territoire_de_la_juridiction(texte_objet)
    if territoire is None:      # juridiction inconnue : l'étranger est augmenté autant devant l'une ou l'autre
        if not demeurant.est_etranger:
            return None
        version = version_au(jour)
        mois = {version["cpc_643"]["etranger"]["mois"], version["cpc_644"]["etranger"]["mois"]}
        return f"{mois.pop()} mois" if len(mois) == 1 else None
    try:
        juridiction = lire_lieu("" if territoire == "metropole" else territoire)
        duree, _ = augmentation_distance(juridiction, demeurant, jour=jour)
    except EntreeInvalide:
        return None
    return f"{duree.total_mois} mois" if duree else None
