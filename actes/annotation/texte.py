"""Texte des commentaires de la copie relue (le même pour Word et LibreOffice)."""
from __future__ import annotations

from collections import Counter

AUTEUR = "actes"
INITIALES = "a"
PREFIXE_SUPPRESSION = "actes: ignorer"


def lignes_du_commentaire(constat: dict) -> list[str]:
    """Code et gravité, message, articles, suggestion, « à vérifier » : une ligne chacun."""
    lignes = [f"{constat['code']} — {constat['gravite']}", constat["message"]]
    if constat.get("references"):
        lignes.append(f"Articles : {', '.join(constat['references'])}")
    if constat.get("suggestion"):
        lignes.append(f"Suggestion : « {constat['suggestion']} »")
    if constat.get("a_verifier"):
        lignes.append(f"À vérifier : {constat['a_verifier']}")
    return lignes


def lignes_du_resume(gravites: Counter) -> list[str]:
    """Commentaire du titre : nombre de constats par gravité."""
    total = sum(gravites.values())
    return [f"actes — {total} constat{'s' if total > 1 else ''}",
            f"{gravites.get('erreur', 0)} erreur(s), {gravites.get('avertissement', 0)} avertissement(s), "
            f"{gravites.get('information', 0)} information(s)",
            "Chaque correction proposée est une modification suivie : l'accepter l'applique."]
