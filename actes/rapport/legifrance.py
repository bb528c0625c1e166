"""Liens vers Légifrance pour une référence `CODE:ARTICLE` : la recherche de l'article dans son code ou son texte.

Le lien est une recherche (pas l'identifiant LEGIARTI de l'article, que les règles ne donnent pas) : il mène à
l'article en vigueur, que le lecteur compare à la version applicable à la date de l'acte.
"""
from __future__ import annotations

from urllib.parse import quote

RECHERCHE_CODE = "https://www.legifrance.gouv.fr/search/code?tab_selection=code&searchField=ALL&query="
RECHERCHE_TEXTES = "https://www.legifrance.gouv.fr/search/all?tab_selection=all&searchField=ALL&query="


def lien(reference: str) -> str:
    """URL de recherche Légifrance de l'article cité (« CPC:680 » → article 680 du Code de procédure civile)."""
    from ..analyse.citations import noms_des_codes

    code, _, article = reference.partition(":")
    article = article.split()[0] if article.split() else article     # « 680 al. 2 » → 680
    nom = noms_des_codes().get(code)
    if nom and nom.lower().startswith("code"):
        return RECHERCHE_CODE + quote(f'"article {article}" "{nom}"')
    return RECHERCHE_TEXTES + quote(f'"article {article}" {nom or code}')


def libelle(reference: str) -> str:
    """« CPC:680 » → « CPC art. 680 » (libellé court d'un lien)."""
    code, _, article = reference.partition(":")
    return f"{code} art. {article}" if article else reference
