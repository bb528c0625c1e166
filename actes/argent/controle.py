"""Contrôle de l'argent écrit dans un acte : décompte, coût de l'acte, frais d'une lettre amiable.

Fonctions pures, sans le moteur de règles : elles reçoivent le texte de l'acte et rendent des `Anomalie` situées
par leurs positions dans ce texte, avec le chiffre recalculé et le texte à écrire à la place. Principe : jamais de
fausse alerte ; ce qui ne se lit pas sans doute (ligne non classée, signe incertain) n'est pas contrôlé.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from .montant import ZERO, arrondir, formater, formater_taux

_MONTANT = r"(?P<signe>[-–−]\s?)?(?P<montant>\d{1,3}(?:[ \u00a0\u202f.]\d{3})+,\d{2}|\d+,\d{2})"
_DEVISE = r"(?:\s?(?:€|euros?|EUR))?"
_LIGNE = re.compile(r"^(?P<libelle>[^\n]*?[A-Za-zÀ-ÿ][^\n]*?)[\s.…:_\-]*?\s" + _MONTANT + _DEVISE + r"\s*$")
_PAIRE = re.compile(r"(?P<libelle>[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’ ()/]*?(?:\s\d{1,2}(?:[,.]\d{1,2})?\s?%)?)"
                    r"[\s.…:|]*\s" + _MONTANT + _DEVISE)
_EN_TETE_COUT = re.compile(r"^\s*co[uû]t (?:de l['’]acte|du pr[ée]sent acte)\s*:?\s*", re.IGNORECASE)

TYPES_REFERENCES_DECOMPTE = {
    "commandement_saisie_vente": ("CPCE:R221-1",),
    "proces_verbal_saisie_attribution": ("CPCE:R211-1",),
    "denonciation_saisie_attribution": ("CPCE:R211-1",),
    "commandement_payer_clause_resolutoire": ("L89-462:24",),
    "lettre_recouvrement_amiable": ("CPCE:R124-4",),
}


@dataclass(frozen=True)
class Anomalie:
    """Ce qui ne va pas, où (positions dans le texte), pourquoi, et le texte à écrire à la place."""

    debut: int
    fin: int
    message: str
    suggestion: str | None
    references: tuple[str, ...]


@dataclass(frozen=True)
class LigneLue:
    """Une ligne chiffrée lue dans l'acte : libellé, montant, signe (-1 pour un versement), positions."""

    libelle: str
    montant: Decimal
    signe: int
    nature: str
    debut: int
    fin: int
    debut_montant: int
    fin_montant: int
    signe_explicite: bool


@dataclass(frozen=True)
class DecompteLu:
    """Un décompte lu dans l'acte : ses lignes (total exclu), son total et le texte lu."""

    lignes: tuple[LigneLue, ...]
    total: LigneLue
    texte: str


def _normaliser(texte: str) -> str:
    sans_accents = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", sans_accents.lower()).strip()


def _valeur(brut: str) -> Decimal:
    return Decimal(re.sub(r"[ \u00a0\u202f.]", "", brut).replace(",", "."))


def _separateur(brut: str) -> str:
    trouve = re.search(r"\d([ \u00a0\u202f.])\d{3},", brut)
    return trouve.group(1) if trouve else ""


def _ecrire(valeur: Decimal, modele: str) -> str:
    """Montant écrit comme `modele` l'était (même séparateur des milliers)."""
    return formater(valeur, _separateur(modele))


def _lignes(texte: str):
    """(début, fin, contenu) de chaque ligne du texte, fins de ligne exclues."""
    position = 0
    for brute in texte.splitlines(keepends=True):
        contenu = brute.rstrip("\r\n")
        yield position, position + len(contenu), contenu
        position += len(brute)


_NATURES = [
    ("sous_total", r"^sous[- ]total"),
    ("dont", r"^dont\b"),
    ("total", r"^(total|somme totale|montant total|reste du|solde du|net a payer)\b(?!.*\b(ht|h\.t|ttc|t\.t\.c)\b)"),
    ("cout_acte", r"\b(tva|t\.v\.a|hors taxes?|\bht\b|ttc|emolument|vacation|transport|sct|frais postaux"
                  r"|affranchissement|taxe forfaitaire)\b"),
    ("versement", r"\b(acomptes?|versements?|reglements?|paiements? (recu|effectue)|a deduire|deja (paye|regle|verse)"
                  r"|sommes? (recues|versees|encaissees))\b"),
    ("principal", r"\b(principal|capital|creance|factures?|loyers?|prix|condamnation)\b"),
    ("interets", r"\binterets?\b"),
    ("article_700", r"\b700\b"),
    ("depens", r"\bdepens\b"),
    ("frais", r"\b(frais|cout|couts|droits?|provision|indemnite|penalites?|clause penale|majoration)\b"),
]


def _nature(libelle: str) -> str:
    normal = _normaliser(libelle)
    for nature, motif in _NATURES:
        if re.search(motif, normal):
            return nature
    return "autre"


def _lire_ligne(debut: int, contenu: str) -> LigneLue | None:
    """Ligne « libellé … montant » ou rangée de tableau « | libellé | montant | » ; sinon None."""
    if "|" in contenu or "\t" in contenu:
        cellules = [(m.start(), m.group()) for m in re.finditer(r"[^|\t]+", contenu) if m.group().strip()]
        if len(cellules) < 2:
            return None
        position, cellule = cellules[-1]
        trouve = re.fullmatch(r"\s*" + _MONTANT + _DEVISE + r"\s*", cellule)
        libelle = " ".join(c.strip() for _, c in cellules[:-1])
        if not trouve or not re.search(r"[A-Za-zÀ-ÿ]", libelle):
            return None
        decalage = position
    else:
        trouve = _LIGNE.match(contenu)
        if not trouve or len(contenu) > 160:
            return None
        libelle = trouve.group("libelle").strip(" .…:_-\t")
        decalage = 0
    nature = _nature(libelle)
    explicite = bool(trouve.group("signe"))
    signe = -1 if explicite or nature == "versement" else 1
    return LigneLue(libelle, _valeur(trouve.group("montant")), signe, nature, debut, debut + len(contenu),
                    debut + decalage + trouve.start("montant"), debut + decalage + trouve.end("montant"), explicite)


def _groupes(texte: str):
    """Suites de lignes chiffrées consécutives (lignes vides permises), chacune close par un total."""
    groupe = []
    for debut, fin, contenu in _lignes(texte):
        if not contenu.strip():
            continue
        ligne = _lire_ligne(debut, contenu)
        if ligne is None:
            groupe = []
            continue
        if ligne.nature == "total":
            yield groupe, ligne
            groupe = []
        else:
            groupe.append(ligne)


def lire_decompte(texte: str) -> DecompteLu | None:
    """Le premier décompte de l'acte (lignes chiffrées closes par un total), ou None s'il n'y en a pas de sûr."""
    for lignes, total in _groupes(texte):
        postes = [ligne for ligne in lignes if ligne.nature not in ("dont", "sous_total")]
        if len(postes) < 2 or any(ligne.nature in ("cout_acte", "autre") for ligne in postes):
            continue
        if not any(ligne.nature in ("principal", "interets", "article_700", "depens") for ligne in postes):
            continue
        return DecompteLu(tuple(lignes), total, texte)
    return None


def _somme(lignes) -> Decimal:
    return sum((ligne.signe * ligne.montant for ligne in lignes if ligne.nature not in ("dont", "sous_total")), ZERO)


def _ligne_corrigee(texte: str, ligne: LigneLue, valeur: Decimal) -> str:
    ancien = texte[ligne.debut_montant:ligne.fin_montant]
    return texte[ligne.debut:ligne.debut_montant] + _ecrire(valeur, ancien) + texte[ligne.fin_montant:ligne.fin]


def controler_decompte(lu: DecompteLu, type_acte: str | None = None) -> list[Anomalie]:
    """Lignes du décompte qui ne font pas le total écrit ; l'article est celui qui exige le décompte de l'acte."""
    calcule = _somme(lu.lignes)
    if calcule == lu.total.montant:
        return []
    for douteuse in (ligne for ligne in lu.lignes if ligne.nature == "versement" and not ligne.signe_explicite):
        if calcule + 2 * douteuse.montant == lu.total.montant:  # signe incertain : pas d'alerte
            return []
    ecrit = lu.texte[lu.total.debut_montant:lu.total.fin_montant]
    message = (f"Les lignes du décompte totalisent {_ecrire(calcule, ecrit)} € et non {ecrit} € : le total écrit "
               f"ne correspond pas aux lignes (écart de {_ecrire(abs(calcule - lu.total.montant), ecrit)} €).")
    return [Anomalie(lu.total.debut, lu.total.fin, message, _ligne_corrigee(lu.texte, lu.total, calcule),
                     TYPES_REFERENCES_DECOMPTE.get(type_acte or "", ()))]


@dataclass(frozen=True)
class _Poste:
    libelle: str
    classe: str
    montant: Decimal
    debut: int
    fin: int
    debut_montant: int
    fin_montant: int
    taux: Decimal | None


_CLASSES_COUT = [
    ("taxe", r"taxe forfaitaire"),
    ("total_ht", r"^(total|montant|sous[- ]total) (h\.?t\.?|hors taxes?)\b"),
    ("tva", r"^(tva|t\.v\.a\.?)\b"),
    ("total_ttc", r"^(total|montant total|cout total|net a payer)\b"),
    ("debours", r"(frais postaux|affranchissement|debours|lettre)"),
    ("ht", r"(emolument|vacation|transport|deplacement|sct|droit|dep\b|article a ?444|frais de deplacement)"),
]


def _classe(libelle: str) -> str:
    normal = _normaliser(libelle)
    for classe, motif in _CLASSES_COUT:
        if re.search(motif, normal):
            return classe
    return "inconnu"


def _bloc_cout(texte: str) -> list[_Poste]:
    """Postes du bloc « coût de l'acte » : sur la ligne du titre ou sur les lignes suivantes, jusqu'au total."""
    postes: list[_Poste] = []
    dans_bloc = False
    for debut, _fin, contenu in _lignes(texte):
        entete = _EN_TETE_COUT.match(contenu)
        if entete and not dans_bloc:
            reste, decalage = contenu[entete.end():], debut + entete.end()
            if reste.strip() and not _PAIRE.match(reste):
                continue  # « Coût du présent acte … 165,59 » : une ligne de décompte, non le bloc
            dans_bloc = True
        elif dans_bloc:
            if not contenu.strip():
                if postes:
                    break
                continue
            reste, decalage = contenu, debut
        else:
            continue
        trouves = list(_PAIRE.finditer(reste))
        if not trouves and (postes or reste.strip() or entete is None):
            break
        for trouve in trouves:
            libelle = trouve.group("libelle").strip(" .…:")
            taux = re.search(r"(\d{1,2}(?:[,.]\d{1,2})?)\s?%", libelle)
            postes.append(_Poste(libelle, _classe(libelle), _valeur(trouve.group("montant")),
                                 decalage + trouve.start(), decalage + trouve.end(),
                                 decalage + trouve.start("montant"), decalage + trouve.end("montant"),
                                 Decimal(taux.group(1).replace(",", ".")) if taux else None))
        if any(p.classe == "total_ttc" for p in postes):
            break
    return postes


REFERENCES_COUT = ("CCOM:L444-1",)


def controler_cout_acte(texte: str, date_acte: dt.date, type_acte: str | None = None) -> list[Anomalie]:
    """Bloc « coût de l'acte » : taxe forfaitaire supprimée (CGI:302 bis Y), taux et calcul de la TVA, totaux."""
    from ..parametres import parametre

    postes = _bloc_cout(texte)
    if not postes:
        return []
    anomalies = []
    un = {classe: next((p for p in postes if p.classe == classe), None) for classe in ("taxe", "total_ht", "tva",
                                                                                        "total_ttc")}
    taxe, total_ht, tva, ttc = un["taxe"], un["total_ht"], un["tva"], un["total_ttc"]
    if taxe and taxe.montant > 0 and not parametre("taxe_forfaitaire").est_en_vigueur(date_acte):
        message = (f"Taxe forfaitaire de {texte[taxe.debut_montant:taxe.fin_montant]} € facturée dans un acte du "
                   f"{date_acte.strftime('%d/%m/%Y')} : elle est supprimée pour les actes établis depuis le "
                   f"1er janvier 2021 (CGI:302 bis Y, loi 2019-1479 art. 21)")
        if ttc and ttc.debut > taxe.fin:
            corrige = ttc.montant - taxe.montant
            ancien = texte[ttc.debut_montant:ttc.fin_montant]
            intermediaire = texte[taxe.fin:ttc.debut].lstrip(" \t\r\n–—-;|")
            suggestion = (intermediaire + texte[ttc.debut:ttc.debut_montant] + _ecrire(corrige, ancien)
                          + texte[ttc.fin_montant:ttc.fin])
            anomalies.append(Anomalie(taxe.debut, ttc.fin,
                                      f"{message} ; total recalculé : {_ecrire(corrige, ancien)} €.",
                                      suggestion, ("CGI:302 bis Y",)))
        else:
            anomalies.append(Anomalie(taxe.debut, taxe.fin, f"{message} ; supprimer cette ligne.", None,
                                      ("CGI:302 bis Y",)))
    taux_vigueur = parametre("taux_tva").au(date_acte)
    classes = [p.classe for p in postes]
    lisible = "inconnu" not in classes
    avant_tva = postes[:classes.index("tva")] if tva else postes
    ht = total_ht.montant if total_ht else (
        sum((p.montant for p in avant_tva if p.classe == "ht"), ZERO) if lisible and tva else None)
    if total_ht and lisible:
        somme = sum((p.montant for p in postes[:classes.index("total_ht")] if p.classe == "ht"), ZERO)
        if somme and somme != total_ht.montant:
            ancien = texte[total_ht.debut_montant:total_ht.fin_montant]
            anomalies.append(Anomalie(
                total_ht.debut, total_ht.fin,
                f"Le total HT écrit ({ancien} €) n'est pas la somme des postes ({_ecrire(somme, ancien)} €).",
                texte[total_ht.debut:total_ht.debut_montant] + _ecrire(somme, ancien)
                + texte[total_ht.fin_montant:total_ht.fin], REFERENCES_COUT))
            ht = somme
    if tva and ht is not None:
        attendu = arrondir(ht * taux_vigueur / 100)  # TVA recalculée sur le total HT, arrondie au cent
        ancien = texte[tva.debut_montant:tva.fin_montant]
        mauvais_taux = tva.taux is not None and tva.taux != taux_vigueur
        if mauvais_taux or abs(attendu - tva.montant) > Decimal("0.01"):
            libelle = texte[tva.debut:tva.debut_montant]
            if mauvais_taux:
                ecrit_taux = re.search(r"\d{1,2}(?:[,.]\d{1,2})?\s?%", libelle)
                libelle = (libelle[:ecrit_taux.start()] + formater_taux(taux_vigueur).replace(",00", "")
                           + libelle[ecrit_taux.end():])
            raison = (f"le taux de TVA en vigueur le {date_acte.strftime('%d/%m/%Y')} est "
                      f"{formater_taux(taux_vigueur).replace(',00', '')} (CGI:278), non {formater_taux(tva.taux)}"
                      if mauvais_taux else f"la TVA sur {_ecrire(ht, ancien)} € HT est de {_ecrire(attendu, ancien)} €")
            anomalies.append(Anomalie(tva.debut, tva.fin, f"TVA de {ancien} € : {raison}.",
                                      libelle + _ecrire(attendu, ancien) + texte[tva.fin_montant:tva.fin],
                                      ("CGI:278",)))
            tva = _Poste(tva.libelle, "tva", attendu, tva.debut, tva.fin, tva.debut_montant, tva.fin_montant, None)
    if ttc and tva and ht is not None and lisible and classes.index("tva") < classes.index("total_ttc"):
        i_tva, i_ttc = classes.index("tva"), classes.index("total_ttc")
        hors_tva = [p for p in postes[:i_ttc] if p.classe in ("debours", "taxe")]
        attendu = ht + tva.montant + sum((p.montant for p in hors_tva), ZERO)
        if all(p.classe in ("debours", "taxe") for p in postes[i_tva + 1:i_ttc]) and attendu != ttc.montant:
            ancien = texte[ttc.debut_montant:ttc.fin_montant]
            anomalies.append(Anomalie(
                ttc.debut, ttc.fin, f"Le total TTC écrit ({ancien} €) ne correspond pas aux postes "
                                    f"(HT, TVA au taux en vigueur, débours) : {_ecrire(attendu, ancien)} €.",
                texte[ttc.debut:ttc.debut_montant] + _ecrire(attendu, ancien) + texte[ttc.fin_montant:ttc.fin],
                REFERENCES_COUT))
    return anomalies


_FRAIS_AMIABLES = re.compile(r"\b(frais|honoraires|commission|droits?) (de |d')?(dossier|recouvrement|gestion|relance"
                             r"|mise en demeure|traitement|encaissement|procedure amiable|contentieux)")
_FRAIS_PERMIS = re.compile(r"indemnite forfaitaire|441-10|d\.? ?441-5|a la charge du creancier")


def controler_frais_amiable(texte: str) -> list[Anomalie]:
    """Frais de recouvrement réclamés au débiteur dans une lettre amiable (CPCE:L111-8 al. 2 et 3)."""
    anomalies = []
    groupes = list(_groupes(texte))
    for debut, _fin, contenu in _lignes(texte):
        ligne = _lire_ligne(debut, contenu)
        if ligne is None or ligne.montant <= 0 or ligne.signe < 0:
            continue
        normal = _normaliser(ligne.libelle)
        if not _FRAIS_AMIABLES.search(normal) or _FRAIS_PERMIS.search(normal):
            continue
        ecrit = texte[ligne.debut_montant:ligne.fin_montant]
        message = (f"« {ligne.libelle} » ({ecrit} €) réclamés au débiteur : les frais de recouvrement entrepris sans "
                   f"titre exécutoire restent à la charge du créancier, toute stipulation contraire étant réputée "
                   f"non écrite (CPCE:L111-8 al. 2)")
        total = next((t for lignes, t in groupes if any(x.debut == ligne.debut for x in lignes)), None)
        if total is None:
            anomalies.append(Anomalie(ligne.debut, ligne.fin, message + " ; supprimer cette ligne.", None,
                                      ("CPCE:L111-8",)))
            continue
        corrige = total.montant - ligne.montant
        intermediaire = texte[ligne.fin:total.debut].lstrip("\r\n")
        anomalies.append(Anomalie(
            ligne.debut, total.fin, f"{message} ; total sans ces frais : {_ecrire(corrige, ecrit)} €.",
            intermediaire + _ligne_corrigee(texte, total, corrige), ("CPCE:L111-8",)))
    return anomalies
