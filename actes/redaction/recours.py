"""Le bloc des voies de recours d'un acte de signification : voie, délai, juridiction, modalités, amende (CPC:680)."""
from __future__ import annotations

import re
import unicodedata

# Modalités écrites dans l'acte quand la décision lue ne les donne pas (CPC:680 « modalités selon lesquelles le
# recours peut être exercé »). Clé : (voie, représentation obligatoire devant la juridiction de recours).
MODALITES = {
    ("appel", True): (
        "L'appel est formé par une déclaration d'appel que l'avocat de l'appelant, dont la constitution est "
        "obligatoire, remet par voie électronique au greffe de la cour d'appel.",
        ("CPC:899", "CPC:901", "CPC:930-1")),
    ("appel", False): (
        "L'appel est formé par une déclaration que la partie ou tout mandataire fait au greffe de la cour d'appel "
        "ou lui adresse par pli recommandé.",
        ("CPC:931", "CPC:932")),
    ("opposition", None): (
        "L'opposition est formée devant la juridiction qui a rendu la décision, dans les formes prévues pour la "
        "demande en justice devant elle ; lorsque la représentation y est obligatoire, elle l'est en la forme des "
        "notifications entre avocats.",
        ("CPC:571", "CPC:573")),
    ("pourvoi", None): (
        "Le pourvoi est formé par déclaration au greffe de la Cour de cassation, signée par un avocat au Conseil "
        "d'État et à la Cour de cassation, dont la constitution est obligatoire.",
        ("CPC:973", "CPC:974", "CPC:975")),
}

# Article qui prévoit l'amende civile, selon la voie (CPC:680 renvoie à l'amende et à l'indemnité).
AMENDE_PAR_VOIE = {"appel": "CPC:559", "opposition": "CPC:32-1", "pourvoi": "CPC:628"}

VOIES = {"appel": ("un appel", "L'APPEL", "porté"), "opposition": ("une opposition", "L'OPPOSITION", "portée"),
         "pourvoi": ("un pourvoi en cassation", "LE POURVOI", "porté")}

def cle(texte: object) -> str:
    """Forme normalisée d'une valeur énumérée : « Réputé contradictoire » → « repute_contradictoire »."""
    brut = str(texte or "")
    sans_accents = "".join(c for c in unicodedata.normalize("NFD", brut) if unicodedata.category(c) != "Mn")
    return re.sub(r"[^a-z0-9]+", "_", sans_accents.lower()).strip("_")


def normaliser_voie(voie: object) -> str | None:
    """appel | opposition | pourvoi | aucune | inconnue | autre valeur telle quelle ; None si absente."""
    if voie in (None, ""):
        return None
    valeur = cle(voie)
    if valeur.startswith("pourvoi"):
        return "pourvoi"
    if valeur in ("aucune", "aucun", "none", "null"):
        return "aucune"
    return valeur


def territoire_du_siege(siege: str | None) -> str | None:
    """Territoire d'outre-mer où siège la juridiction de recours ; None pour la métropole ou un siège inconnu (carte
    judiciaire : regles/juridictions/cours_d_appel.yaml)."""
    from ..decisions.juridictions import territoire_du_siege as territoire

    trouve = territoire(siege, cour=True)
    return None if trouve in (None, "metropole") else trouve
