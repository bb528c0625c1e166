"""Rédaction des autres actes d'un dossier (commandements, dénonciation, lettre amiable…) : dossier validé par son
schéma → modèle Word du type, paragraphes décrits dans `regles/redaction/actes/<type>.yaml`.

Une mention exigée par une règle est écrite avec la suggestion de cette règle (ses `{paramètres}` datés remplis au
jour de l'acte, ses crochets d'après le dossier) ; les sommes viennent de `actes.argent` (décompte), les échéances de
`actes.delais`. Ce que le dossier ne donne pas reste « [À COMPLÉTER : …] » et est un manque de gravité erreur.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from ..donnees import lire_yaml
from ..erreurs import EntreeInvalide
from ..ressources import dossier_modeles, dossier_regles
from . import Redaction
from .contexte import MARQUE, _adresse, _Collecte, _commissaire, _cout, _personne
from .formats import date_en_lettres, date_fr, montant_fr
from .formulations import regles_livrees, suggestion

RE_CHAMP = re.compile(r"\{([a-z_]+)\}")
RE_CROCHET = re.compile(r"\[([^\]\[]{1,160})\]")


@lru_cache(maxsize=1)
def types_rediges() -> dict[str, dict]:
    """Types d'actes que `actes rediger` sait rédiger → leur description (regles/redaction/actes/)."""
    types = {}
    for chemin in sorted(dossier_regles().joinpath("redaction", "actes").glob("*.yaml")):
        donnees = lire_yaml(chemin)
        inconnues = sorted({p["regle"] for section in donnees["sections"] for p in section.get("paragraphes", ())
                            if "regle" in p and p["regle"] not in regles_livrees()})
        if inconnues and donnees["type"] in types_verifies():
            raise EntreeInvalide(chemin, f"règle(s) inconnue(s) : {', '.join(inconnues)}")
        donnees["indisponible"] = (f"les règles de ce type ne sont pas livrées ({', '.join(inconnues)})"
                                   if inconnues else None)
        types[donnees["type"]] = donnees
    return types


def description_du_type(type_acte: str) -> dict:
    """Description d'un type rédigé ; `EntreeInvalide` pour un type inconnu ou dont les règles ne sont pas livrées."""
    description = types_rediges().get(type_acte)
    if description is None:
        from ..suggestions import proposer

        raise EntreeInvalide(type_acte, f"type non rédigé{proposer(type_acte, types_rediges())} ; types possibles : "
                                        + ", ".join(sorted(types_rediges())))
    if description["indisponible"]:
        raise EntreeInvalide(type_acte, f"rédaction impossible : {description['indisponible']}")
    return description


def types_verifies() -> set[str]:
    """Types d'actes que le vérificateur connaît (regles/types.yaml)."""
    return set(lire_yaml(dossier_regles() / "types.yaml"))


def _titre_executoire(titre: dict) -> str:
    """« jugement rendu par le tribunal judiciaire de Lyon le 12 mars 2024 (RG n° …) signifié le … »."""
    morceaux = [str(titre["nature"])]
    if titre.get("juridiction"):
        morceaux.append(f"rendu par le {titre['juridiction']}" if not str(titre["juridiction"]).lower().startswith(
            ("la ", "le ", "l'", "maître", "me ")) else f"du {titre['juridiction']}")
    morceaux.append(f"le {date_fr(titre['date'])}")
    if titre.get("rg"):
        morceaux.append(f"(RG n° {titre['rg']})")
    if titre.get("signification"):
        morceaux.append(f"signifié le {date_fr(_date(titre['signification']))}")
    return " ".join(morceaux)


FEMININS = ("ordonnance", "décision", "decision", "sentence", "transaction", "contrainte")


def _du_titre(titre: str) -> str:
    """« du jugement … », « de l'ordonnance … », « de la décision … »."""
    if titre.lower().startswith(FEMININS[1:]):
        return f"de la {titre}"
    return f"de l'{titre}" if titre[:1].lower() in "aeiouyéèêh" else f"du {titre}"


def nom_et_adresse(personne: dict | None) -> tuple[str, str]:
    """(« Monsieur Paul DURAND » ou la dénomination, adresse du domicile ou du siège) ; chaînes vides si absents."""
    personne = personne or {}
    nom = personne.get("denomination") or " ".join(
        str(x) for x in (personne.get("civilite"), personne.get("prenoms"), personne.get("nom")) if x)
    adresse = personne.get("siege") or personne.get("domicile")
    return str(nom or ""), _adresse(adresse) if adresse else ""


def _date(valeur) -> dt.date:
    return valeur if isinstance(valeur, dt.date) else dt.date.fromisoformat(str(valeur))


def _decompte(donnees: dict | None, jour: dt.date | None, collecte: _Collecte) -> dict:
    """Lignes du décompte (actes.argent) arrêté au jour de l'acte : libellé (avec le calcul des intérêts), montant."""
    if not donnees:
        return {"lignes": [], "total": collecte.a_completer("decompte", "décompte des sommes réclamées",
                                                            ["CPCE:R221-1"])}
    from ..argent.decompte import decompte, interpreter_dossier

    dette, paiements, au = interpreter_dossier(donnees, "dossier : decompte")
    au = au or jour
    if au is None:
        return {"lignes": [], "total": collecte.a_completer("decompte.au", "date d'arrêté du décompte", ())}
    resultat = decompte(dette, paiements, au)
    lignes = []
    for ligne in resultat.lignes:
        if not ligne.montant:
            continue
        libelle = ligne.libelle + (f" ({ligne.detail})" if ligne.detail and ligne.nature == "interets" else "")
        lignes.append({"libelle": libelle, "montant": montant_fr(ligne.montant)})
    return {"lignes": lignes, "total": montant_fr(resultat.total_du), "total_du": resultat.total_du}


class _Champs(dict):
    """Champs d'un paragraphe ; un champ que le dossier ne donne pas devient une marque à compléter."""

    def __init__(self, valeurs: dict, collecte: _Collecte, libelles: dict):
        super().__init__(valeurs)
        self.collecte, self.libelles = collecte, libelles

    def __missing__(self, cle: str) -> str:
        return self.collecte.a_completer(cle, self.libelles.get(cle, cle.replace("_", " ")))


def _remplir(modele: str, champs: _Champs) -> str:
    return RE_CHAMP.sub(lambda m: str(champs[m.group(1)]), modele)


def texte_officiel(reference: str, jour: dt.date, collecte: _Collecte) -> str:
    """« Article … : « … » » d'après la version en vigueur au jour de l'acte dans `regles/textes/` ; sinon (texte non
    relevé, version partielle ou non officielle) une marque à compléter, de gravité erreur : jamais de mémoire."""
    code, article = reference.split(":", 1)
    chemin = dossier_regles().joinpath("textes", f"{code}-{article}.yaml")
    lisible = f"article {article[0]}. {article[1:]}" if article[:1] in "LRD" else f"article {article}"
    if chemin.is_file():
        donnees = lire_yaml(chemin)
        versions = [v for v in donnees.get("versions") or () if v.get("depuis") and v["depuis"] <= jour]
        if versions:
            version = max(versions, key=lambda v: v["depuis"])
            alineas = version.get("alineas") or []
            if version.get("statut") == "officiel" and alineas and all(alineas):
                if version.get("a_verifier"):
                    collecte.noter(reference, f"texte reproduit à vérifier : {version['a_verifier']}", (reference,))
                intitule = donnees.get("intitule") or lisible
                return f"{intitule[:1].upper()}{intitule[1:]} : « {' '.join(alineas)} »"
    libelle = f"texte de l'{lisible} ({code}) à reproduire dans sa version en vigueur au jour de l'acte"
    collecte.noter(reference, f"{libelle} : version officielle absente de regles/textes/ (jamais reproduit de "
                   "mémoire)", (reference,), "erreur")
    return f"{MARQUE} : {libelle}]"


def _paragraphe(description: dict, champs: _Champs, jour: dt.date, collecte: _Collecte) -> str:
    """Texte d'un paragraphe : `texte` rempli, un texte officiel reproduit (`texte_officiel`), ou la suggestion de
    `regle` (précédée de `texte` s'il y en a un)."""
    if "texte_officiel" in description:
        return texte_officiel(description["texte_officiel"], jour, collecte)
    if "regle" not in description:
        return _remplir(description["texte"], champs)
    code = description["regle"]
    crochets = {debut: _remplir(modele, champs) for debut, modele in (description.get("crochets") or {}).items()}

    def crochet(m: re.Match) -> str:
        interieur = m.group(1)
        for debut, valeur in crochets.items():
            if interieur.startswith(debut):
                return valeur
        regle = regles_livrees()[code]
        return collecte.a_completer(code, interieur, regle.references)

    texte = suggestion(code, jour, {k: v for k, v in champs.items()})
    lettres = [c for c in RE_CROCHET.sub("", texte) if c.isalpha()]
    capitales = bool(lettres) and sum(c.isupper() for c in lettres) > 0.8 * len(lettres)

    def rempli(m: re.Match) -> str:
        valeur = crochet(m)
        return valeur.upper() if capitales and MARQUE not in valeur else valeur

    texte = RE_CROCHET.sub(rempli, texte)
    return _remplir(description.get("texte", ""), champs) + texte + description.get("suffixe", "")


def _valeurs(type_acte: str, dossier: dict, jour: dt.date | None, collecte: _Collecte) -> tuple[dict, dict]:
    """Champs communs (parties, commissaire, titre) et ceux que le type calcule (échéances)."""
    commissaire, etude = _commissaire(dossier.get("commissaire"), collecte)
    valeurs = {
        "date_acte": date_en_lettres(jour) if jour else collecte.a_completer("date", "date de l'acte", ["CPC:648"]),
        "requerant": _personne(dossier.get("requerant"), "requerant", {}, collecte, requerant=True),
        "destinataire": _personne(dossier.get("destinataire"), "destinataire", {}, collecte, requerant=False),
        "commissaire": commissaire["designation"],
    }
    if dossier.get("titre"):
        valeurs["titre_executoire"] = _titre_executoire(dossier["titre"])
        valeurs["du_titre"] = _du_titre(valeurs["titre_executoire"])
    for role in ("requerant", "destinataire"):
        nom, adresse = nom_et_adresse(dossier.get(role))
        if nom:
            valeurs[f"{role}_nom"] = nom
        if adresse:
            valeurs[f"{role}_adresse"] = adresse
    if dossier.get("fondement"):
        valeurs["fondement"] = str(dossier["fondement"])
    for cle, valeur in (dossier.get("paiement") or {}).items():
        valeurs[cle] = str(valeur)
    return valeurs, {"etude": etude, "commissaire": commissaire}


def rediger_acte(type_acte: str, dossier: dict, *, date: dt.date | None = None) -> Redaction:
    """Acte du type rempli d'après le dossier (déjà validé par son schéma)."""
    from .rendu import rendre_docx

    description = description_du_type(type_acte)
    collecte = _Collecte()
    jour = date or dossier.get("date")
    valeurs, entete = _valeurs(type_acte, dossier, jour, collecte)
    if description.get("date") == "lettre" and jour:
        lieu = ((dossier.get("commissaire") or {}).get("adresse") or {})
        ville = lieu.get("commune") if isinstance(lieu, dict) else None
        valeurs["date_acte"] = f"{ville.title()}, le {date_fr(jour)}" if ville else f"Le {date_fr(jour)}"
    from .calculs import CALCULS

    if type_acte in CALCULS:
        valeurs.update(CALCULS[type_acte](dossier, jour, collecte))
    champs = _Champs(valeurs, collecte, description.get("libelles") or {})
    decompte = _decompte(dossier.get("decompte"), jour, collecte) if any(
        s.get("decompte") for s in description["sections"]) else {"lignes": [], "total": ""}
    if "total_du" in decompte:
        champs["total_du"] = montant_fr(decompte["total_du"])
        champs["total_du_nombre"] = champs["total_du"].replace("\u00a0€", "")
    sections = []
    for section in description["sections"]:
        paragraphes = [_riche(_paragraphe(p, champs, jour or dt.date.today(), collecte), p.get("apparent"))
                       for p in section.get("paragraphes", ()) if not p.get("si") or p["si"] in champs]
        sections.append({"titre": section.get("titre", ""), "paragraphes": paragraphes,
                         "decompte": bool(section.get("decompte"))})
    contexte = {"reference": str(dossier.get("reference", "")),
                "etude": entete["etude"] | {"adresse": entete["etude"]["adresse"] or ""},
                "date_acte": valeurs["date_acte"], "sections": sections,
                "decompte": {"lignes": decompte["lignes"], "total": decompte["total"]},
                "cout": _cout(dossier.get("cout"), collecte) if dossier.get("cout") else {"lignes": [], "total": ""},
                "commissaire": {"signature": entete["commissaire"]["signature"],
                                "qualite": (dossier.get("commissaire") or {}).get("qualite", "Commissaire de justice")}}
    modele = dossier_modeles() / description["modele"]
    return Redaction(contexte, collecte.manques, rendre_docx(contexte, Path(modele)))


def _riche(texte: str, apparent: bool | None):
    """Paragraphe en texte riche docxtpl ; une mention très apparente est en gras."""
    from docxtpl import RichText

    riche = RichText()
    riche.add(texte, bold=bool(apparent))
    return riche

