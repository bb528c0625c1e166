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
from functools import lru_cache
from decimal import Decimal

from .montant import ZERO, arrondir, formater, formater_taux

_MONTANT = r"(?P<signe>[-–−]\s?)?(?P<montant>\d{1,3}(?:[ \u00a0\u202f.]\d{3})+,\d{2}|\d+,\d{2})"
_DEVISE = r"(?:\s?(?:€|euros?|EUR))?"
_LIGNE = re.compile(r"^(?P<libelle>[^\n]*?[A-Za-zÀ-ÿ][^\n]*?)[\s.…:_\-]*?\s" + _MONTANT + _DEVISE + r"\s*$")
_PAIRE = re.compile(r"(?P<libelle>[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’ ()/]*?(?:\s\d{1,2}(?:[,.]\d{1,2})?\s?%)?)"
                    r"[\s.…:|]*\s" + _MONTANT + _DEVISE)
LONGUEUR_MAX_LIGNE = 160
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


def _classer(libelle: str, table: list[tuple[str, str]], defaut: str) -> str:
    """Première classe de la table dont le motif répond au libellé normalisé ; `defaut` sinon."""
    normal = _normaliser(libelle)
    return next((classe for classe, motif in table if re.search(motif, normal)), defaut)


def _nature(libelle: str) -> str:
    return _classer(libelle, _NATURES, "autre")


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
        if len(contenu) > LONGUEUR_MAX_LIGNE:      # un paragraphe n'est pas une ligne de décompte : test en temps
            return None                            # constant, avant le motif (linéaire sur tout l'acte)
        trouve = _LIGNE.match(contenu)
        if not trouve:
            return None
        libelle = trouve.group("libelle").strip(" .…:_-\t")
        decalage = 0
    nature = _nature(libelle)
    explicite = bool(trouve.group("signe"))
    signe = -1 if explicite or nature == "versement" else 1
    return LigneLue(libelle, _valeur(trouve.group("montant")), signe, nature, debut, debut + len(contenu),
                    debut + decalage + trouve.start("montant"), debut + decalage + trouve.end("montant"), explicite)


@lru_cache(maxsize=4)
def lignes_chiffrees(texte: str) -> tuple[LigneLue | None, ...]:
    """Chaque ligne non vide de l'acte lue une fois : la ligne chiffrée, ou None (les contrôles de l'argent d'un même
    acte partagent cette lecture)."""
    return tuple(_lire_ligne(debut, contenu) for debut, _fin, contenu in _lignes(texte) if contenu.strip())


def _groupes(texte: str):
    """Suites de lignes chiffrées consécutives (lignes vides permises), chacune close par un total."""
    groupe = []
    for ligne in lignes_chiffrees(texte):
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
    return _classer(libelle, _CLASSES_COUT, "inconnu")


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
    from ..rapport.format import date_longue

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
                   f"{date_longue(_fin_de(parametre('taxe_forfaitaire'), date_acte))} (CGI:302 bis Y, loi 2019-1479 "
                   f"art. 21)")
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


# --- Intérêts d'un décompte (CMF:L313-2, L313-3 ; CC:1231-7) ---------------------------------------------------
#
# Tolérance d'un montant d'intérêts recalculé : 1 € (arrondi d'une présentation au mois ou d'un report), plus les
# intérêts d'un jour au taux le plus haut (premier et dernier jour comptés, ou aucun des deux : les deux usages se
# rencontrent), plus un cent par ligne recalculée (arrondi au cent de chaque ligne de semestre, ou du seul total).
# Les bases 365 et « exacte » (366 en année bissextile) sont deux calculs plausibles, non une tolérance.

_RE_TAUX_ECRIT = re.compile(r"(\d{1,2}(?:[,.]\d{1,3})?)\s?(?:%|pour ?cent)")
_RE_SUR_MONTANT = re.compile(r"\bsur (?:la somme de |un principal de |le principal de )?"
                             r"(\d{1,3}(?:[ .]\d{3})+,\d{2}|\d+,\d{2})"
                             r"\s?(?:€|euros?|eur)")
_RE_EXECUTOIRE = re.compile(r"(?:devenue?|rendue?|est) executoire (?:le |depuis le |a compter du |au )")
_RE_ARRETE = re.compile(r"(?:arrete|arretes|calcule|calcules|decompte|actualise)e?s? (?:au|a la date du|le) ")
UN_EURO = Decimal("1.00")


@dataclass(frozen=True)
class _Calcul:
    """Un calcul plausible d'une ligne d'intérêts : catégorie, base, montants sans et avec la majoration possible."""

    categorie: str
    base: str
    bas: Decimal
    haut: Decimal
    lignes: int
    taux_max: Decimal
    reserves: tuple[str, ...]


def _date_fr(jour: dt.date) -> str:
    return jour.strftime("%d/%m/%Y")


def _dates(texte: str):
    from ..analyse.dates import chercher_dates
    from ..analyse.texte import plier

    return chercher_dates(plier(texte))


def _date_apres(plie: str, motif: re.Pattern, dates) -> dt.date | None:
    """Première date écrite juste après `motif` (texte plié)."""
    for m in motif.finditer(plie):
        suivante = next((d for d in dates if m.end() <= d.debut <= m.end() + 3), None)
        if suivante:
            return suivante.date
    return None


def _faits_interets(texte: str, date_acte: dt.date | None) -> dict:
    """Faits de l'acte utiles aux intérêts : date de la décision, date exécutoire, date du décompte, catégorie."""
    from ..analyse.faits import date_de_la_decision, nature_du_requerant
    from ..analyse.texte import plier

    plie = plier(texte)
    dates = _dates(texte)
    decision = date_de_la_decision(plie, dates, None)
    requete = re.search(r"(?:a la requete|a la demande|agissant a la requete)", plie)
    nature = nature_du_requerant(plie[requete.start():requete.start() + 600].replace("\n", " ")) if requete else None
    formule = next((d.date for d in dates if d.forme == "formule"), None)
    return {
        "date_decision": decision.date if decision else None,
        "executoire": _date_apres(plie, _RE_EXECUTOIRE, dates),
        "arrete": _date_apres(plie, _RE_ARRETE, dates) or date_acte or formule,
        # une personne morale n'est jamais « personne physique n'agissant pas pour des besoins professionnels »
        "categories": ("autres",) if nature == "morale" else ("particulier", "autres"),
    }


def _debut_majoration_possible(faits: dict) -> dt.date | None:
    """Premier jour où la majoration peut courir (CMF:L313-3) ; None si l'acte ne permet pas de le borner."""
    from .montant import ajouter_mois

    depart = faits["executoire"] or faits["date_decision"]
    return ajouter_mois(depart, 2) if depart else None


def _calculs(capital: Decimal, du: dt.date, au: dt.date, categories, taux: Decimal | None,
             majoration: str, debut_possible: dt.date | None) -> list[_Calcul]:
    """Calculs plausibles ; `majoration` : « non », « toute » (ligne dite majorée), « possible » (date inconnue)."""
    from .interets import interets

    calculs = []
    for categorie in (("conventionnel",) if taux is not None else categories):
        for base in ("365", "exacte"):
            options = {"taux": taux} if taux is not None else {"categorie": categorie}
            depart_majoration = du if majoration == "toute" else None
            simple = interets(capital, du, au, base=base, majoration_depuis=depart_majoration, **options)
            haut = simple
            if majoration == "possible":
                depart = max(du, debut_possible) if debut_possible else du
                if depart < au:
                    haut = interets(capital, du, au, base=base, majoration_depuis=depart, **options)
            calculs.append(_Calcul(categorie, base, simple.total, haut.total, len(haut.lignes),
                                   max((ligne.taux for ligne in haut.lignes), default=ZERO),
                                   tuple(dict.fromkeys(x.a_verifier for x in haut.lignes if x.a_verifier))))
    return calculs


def _tolerance(capital: Decimal, calcul: _Calcul) -> Decimal:
    """Écart admis (voir l'en-tête de cette partie) : 1 €, un jour d'intérêts, un cent par ligne."""
    return UN_EURO + arrondir(capital * calcul.taux_max / 36500) + Decimal("0.01") * calcul.lignes


def _plausible(montant: Decimal, capital: Decimal, calcul: _Calcul) -> bool:
    tolerance = _tolerance(capital, calcul)
    return calcul.bas - tolerance <= montant <= calcul.haut + tolerance


@dataclass(frozen=True)
class _LigneInterets:
    """Une ligne d'intérêts lue : la ligne chiffrée, sa période, son taux, son capital."""

    ligne: LigneLue
    libelle: str
    du: dt.date
    au: dt.date
    position_du: tuple[int, int]
    legal: bool
    majoree: bool
    taux: Decimal | None
    capital: Decimal | None
    sur_accessoire: bool


def _lire_interets(texte: str, ligne: LigneLue, groupe, arrete: dt.date | None) -> _LigneInterets | None:
    """Ligne « Intérêts au taux … du … au … » : période, taux, capital ; None si cela ne se lit pas sûrement."""
    normal = _normaliser(ligne.libelle)
    if not re.match(r"(?:les |des )?interets?\b", normal) or re.search(r"echoir|provision|capitalis", normal):
        return None
    debut_libelle = texte.find(ligne.libelle, ligne.debut)
    libelle_brut = texte[debut_libelle:debut_libelle + len(ligne.libelle)]
    dates = _dates(libelle_brut)
    from ..analyse.texte import plier

    plie = plier(libelle_brut)
    if len(dates) == 2 and re.search(r"\b(?:au|jusqu'?au|a)\b", plie[dates[0].fin:dates[1].debut]):
        du, au = dates[0].date, dates[1].date
    elif len(dates) == 1 and re.search(r"(?:compter du|depuis le|depuis|partir du|\bdu)\s*$", plie[:dates[0].debut]) \
            and arrete:
        du, au = dates[0].date, arrete
    else:
        return None
    if not du < au:
        return None
    legal = bool(re.search(r"\blegal\b", normal))
    majoree = bool(re.search(r"\bmajore", normal))
    taux_ecrit = _RE_TAUX_ECRIT.search(normal)
    taux = Decimal(taux_ecrit.group(1).replace(",", ".")) if taux_ecrit else None
    if not legal and (taux is None or not re.search(r"\btaux\b", normal)):
        return None  # « intérêts à 3 % » : taux de quoi ? seul « au taux (légal, conventionnel) de … » se lit
    accessoire = bool(re.search(r"\b700\b|\bdepens\b|frais irrepetibles", normal))
    sur = _RE_SUR_MONTANT.search(normal)
    if sur:
        capital = _valeur(sur.group(1))
    else:
        natures = ("article_700", "depens") if accessoire else ("principal",)
        bases = [x for x in groupe if x.nature in natures and x.signe > 0]
        if accessoire and re.search(r"\b700\b", normal) and not re.search(r"\bdepens\b", normal):
            bases = [x for x in bases if x.nature == "article_700"]
        elif accessoire and re.search(r"\bdepens\b", normal) and not re.search(r"\b700\b", normal):
            bases = [x for x in bases if x.nature == "depens"]
        capital = bases[0].montant if len(bases) == 1 else None
    return _LigneInterets(ligne, libelle_brut, du, au, (debut_libelle + dates[0].debut, debut_libelle + dates[0].fin),
                          legal, majoree, taux if not (legal and taux is None) else None, capital, accessoire)


def _groupes_par_ligne(texte: str) -> dict[int, list[LigneLue]]:
    """Début de chaque ligne chiffrée → le groupe de lignes chiffrées consécutives où elle est (un seul passage)."""
    resultat: dict[int, list[LigneLue]] = {}
    groupe: list[LigneLue] = []
    for lue in (*lignes_chiffrees(texte), None):
        if lue is None:
            for membre in groupe:
                resultat[membre.debut] = groupe
            groupe = []
        else:
            groupe.append(lue)
    return resultat


def _versements_pendant(groupe, du: dt.date, au: dt.date) -> bool:
    """Un versement du décompte a pu réduire le capital pendant la période (non daté, ou daté avant `au`)."""
    for ligne in groupe:
        if ligne.nature == "versement" or (ligne.signe < 0):
            jours = [d.date for d in _dates(ligne.libelle)]
            if not jours or any(j < au for j in jours):
                return True
    return False


def _ligne_a_ecrire(lue: _LigneInterets, texte: str, montant: Decimal, *, du: dt.date | None = None,
                    taux: str | None = None) -> str:
    """La ligne de l'acte réécrite : montant (et, au besoin, date de départ ou taux) corrigés."""
    ligne = lue.ligne
    ancien = texte[ligne.debut_montant:ligne.fin_montant]
    morceaux = [(ligne.debut_montant, ligne.fin_montant, _ecrire(montant, ancien))]
    if du is not None:
        morceaux.append((*lue.position_du, _date_fr(du)))
    if taux is not None:
        trouve = _RE_TAUX_ECRIT.search(texte, ligne.debut, ligne.debut_montant)
        if trouve:
            morceaux.append((trouve.start(), trouve.end(), taux))
    resultat, position = [], ligne.debut
    for debut, fin, nouveau in sorted(morceaux):
        resultat += [texte[position:debut], nouveau]
        position = fin
    return "".join(resultat) + texte[position:ligne.fin]


def _reserve(calculs) -> str:
    reserves = tuple(dict.fromkeys(r for c in calculs for r in c.reserves))
    return (" Taux à vérifier : " + " ; ".join(reserves) + ".") if reserves else ""


def _nom_categorie(categorie: str) -> str:
    return {"particulier": "créancier personne physique n'agissant pas pour des besoins professionnels",
            "autres": "autres créanciers", "conventionnel": "taux stipulé"}[categorie]


def _controler_ligne(texte: str, lue: _LigneInterets, groupe, faits: dict) -> list[Anomalie]:
    """Anomalies d'une ligne d'intérêts : départ avant la décision, majoration prématurée, taux, montant."""
    from ..erreurs import ParametreSansValeur
    from ..parametres import parametre
    from .interets import taux_au, Regime

    ligne, ecrit = lue.ligne, texte[lue.ligne.debut_montant:lue.ligne.fin_montant]
    debut_possible = _debut_majoration_possible(faits)
    categories = faits["categories"]
    decision = faits["date_decision"]
    try:
        if lue.sur_accessoire and lue.legal and decision and lue.du < decision < lue.au and lue.capital:
            # CC:1231-7 : l'indemnité allouée produit intérêts à compter du jugement, sauf décision contraire
            calculs = _calculs(lue.capital, decision, lue.au, categories, None, "non", None)
            anciens = _calculs(lue.capital, lue.du, lue.au, categories, None, "non", None)
            retenus = [c for c, a in zip(calculs, anciens)
                       if c.base == "365" and _plausible(ligne.montant, lue.capital, a)]
            if len({c.categorie for c in retenus}) != 1:
                retenus = [c for c in calculs if c.base == "365"]
            chiffres = " ou ".join(f"{_ecrire(c.bas, ecrit)} € ({_nom_categorie(c.categorie)})" for c in retenus)
            message = (f"Intérêts de l'article 700 ou des dépens comptés depuis le {_date_fr(lue.du)}, avant la décision "
                       f"du {_date_fr(decision)} : une indemnité allouée par le juge porte intérêts à compter de la "
                       f"décision, sauf si le juge en décide autrement (CC:1231-7) ; recalculés depuis le "
                       f"{_date_fr(decision)} : {chiffres}.{_reserve(retenus)}")
            suggestion = _ligne_a_ecrire(lue, texte, retenus[0].bas, du=decision) if len(retenus) == 1 else None
            return [Anomalie(ligne.debut, ligne.fin, message, suggestion, ("CC:1231-7",))]
        if lue.legal:
            taux_legaux = {c: taux_au(Regime(c), lue.du)[0] for c in categories}
            points = parametre("majoration_interet_legal").au(lue.du)
            delai_majoration = int(parametre("delai_majoration_interet_legal").au(lue.du))
            majoree = lue.majoree or (lue.taux is not None and lue.taux not in taux_legaux.values()
                                      and lue.taux in {t + points for t in taux_legaux.values()})
            if majoree and debut_possible and lue.du < debut_possible:
                base_date = "devenue exécutoire le " + _date_fr(faits["executoire"]) if faits["executoire"] else \
                    "rendue le " + _date_fr(decision)
                message = (f"Intérêts au taux majoré comptés depuis le {_date_fr(lue.du)} : la majoration de "
                           f"{_en_lettres(points)} points ne court qu'à l'expiration d'un délai de "
                           f"{_en_lettres(delai_majoration)} mois à compter du jour où la décision "
                           f"de condamnation est devenue exécutoire (CMF:L313-3), soit au plus tôt le "
                           f"{_date_fr(debut_possible)} pour la décision {base_date}.")
                suggestion = None
                if len(categories) == 1 and faits["executoire"] and debut_possible < lue.au and lue.capital is not None:
                    suggestion = _lignes_majorees(lue, ecrit, categories[0], debut_possible)
                    message += " Lignes recalculées : " + suggestion.replace("\n", " ; ") + "."
                return [Anomalie(ligne.debut, ligne.fin, message, suggestion, ("CMF:L313-3",))]
            if lue.taux is not None and semestre_unique(lue.du, lue.au):
                if majoree:
                    taux_legaux = {c: t + points for c, t in taux_legaux.items()}
                if lue.taux not in taux_legaux.values():
                    justes = " ou ".join(f"{formater_taux(t)} ({_nom_categorie(c)})" for c, t in taux_legaux.items())
                    message = (f"Taux légal{' majoré' if majoree else ''} écrit {formater_taux(lue.taux)} pour la période "
                               f"du {_date_fr(lue.du)} au {_date_fr(lue.au)} : le taux de l'intérêt légal"
                               f"{f' majoré de {_en_lettres(points)} points (CMF:L313-3)' if majoree else ''} de ce semestre est {justes} "
                               f"(CMF:L313-2, D313-1-A).")
                    suggestion = None
                    if len(categories) == 1 and lue.capital is not None:
                        juste = _calculs(lue.capital, lue.du, lue.au, categories, None,
                                         "toute" if majoree else "non", None)[0]
                        taux_juste = formater_taux(taux_legaux[categories[0]])
                        suggestion = _ligne_a_ecrire(lue, texte, juste.bas, taux=taux_juste)
                        message += f" Intérêts à ce taux : {_ecrire(juste.bas, ecrit)} €.{_reserve([juste])}"
                    return [Anomalie(ligne.debut, ligne.fin, message, suggestion, ("CMF:D313-1-A",))]
                categories = tuple(c for c, t in taux_legaux.items() if t == lue.taux)
            if lue.capital is None:
                return []
            if majoree:
                mode = "toute"
            elif lue.taux is not None or (debut_possible and debut_possible >= lue.au):
                mode = "non"
            else:
                mode = "possible"
            calculs = _calculs(lue.capital, lue.du, lue.au, categories, None, mode, debut_possible)
            references = ("CMF:L313-2",)
        elif lue.capital is None:
            return []
        else:
            calculs = _calculs(lue.capital, lue.du, lue.au, categories, lue.taux, "non", None)
            references = ("CC:1343-1",)
    except ParametreSansValeur:
        return []  # taux d'un semestre non saisi : rien à montrer
    if any(_plausible(ligne.montant, lue.capital, c) for c in calculs):
        return []
    if _versements_pendant(groupe, lue.du, lue.au) and all(ligne.montant < c.bas for c in calculs):
        return []  # un versement imputé sur le capital a pu réduire les intérêts (CC:1343-1)
    retenus = [c for c in calculs if c.base == "365"]
    chiffres = " ou ".join(
        (f"{_ecrire(c.bas, ecrit)} €" if c.bas == c.haut else
         f"de {_ecrire(c.bas, ecrit)} € à {_ecrire(c.haut, ecrit)} € selon la date de la majoration")
        + (f" ({_nom_categorie(c.categorie)})" if len(retenus) > 1 else "") for c in retenus)
    message = (f"Intérêts de {ecrit} € sur {formater(lue.capital, ' ')} € du {_date_fr(lue.du)} "
               f"au {_date_fr(lue.au)} : le calcul au taux {'légal' if lue.legal else 'de ' + formater_taux(lue.taux)} donne {chiffres} "
               f"(base 365 jours ; écart admis {_ecrire(_tolerance(lue.capital, retenus[0]), ecrit)} €)."
               f"{_reserve(retenus)}")
    unique = len(retenus) == 1 and retenus[0].bas == retenus[0].haut
    suggestion = _ligne_a_ecrire(lue, texte, retenus[0].bas) if unique else None
    return [Anomalie(ligne.debut, ligne.fin, message, suggestion, references)]


def _lignes_majorees(lue: _LigneInterets, ecrit: str, categorie: str, majoration_depuis: dt.date) -> str:
    """Lignes à écrire : taux légal jusqu'au début de la majoration, taux majoré ensuite (CMF:L313-3)."""
    from .interets import interets

    calcul = interets(lue.capital, lue.du, lue.au, categorie=categorie, majoration_depuis=majoration_depuis)
    return "\n".join(f"Intérêts au taux légal{' majoré' if x.majore else ''} de {formater_taux(x.taux)} du "
                      f"{_date_fr(x.du)} au {_date_fr(x.au)} ..... {_ecrire(x.montant, ecrit)} €" for x in calcul.lignes)


def semestre_unique(du: dt.date, au: dt.date) -> bool:
    """La période [du, au) tient dans un seul semestre civil (un seul taux légal)."""
    from .interets import semestre_suivant

    return au <= semestre_suivant(du)


def controler_interets(texte: str, date_acte: dt.date | None = None) -> list[Anomalie]:
    """Lignes d'intérêts d'un décompte recalculées (CMF:L313-2, D313-1-A, L313-3 ; CC:1231-7)."""
    anomalies: list[Anomalie] = []
    faits = None
    groupes = _groupes_par_ligne(texte)
    for ligne in lignes_chiffrees(texte):
        if ligne is None or ligne.signe < 0 or not re.search(r"(?i)int[ée]r[êe]ts?", ligne.libelle):
            continue
        if faits is None:
            faits = _faits_interets(texte, date_acte)
        groupe = groupes[ligne.debut]
        lue = _lire_interets(texte, ligne, groupe, faits["arrete"])
        if lue is not None:
            anomalies.extend(_controler_ligne(texte, lue, groupe, faits))
    return anomalies


def _en_lettres(nombre) -> str:
    """« cinq », « deux » : un chiffre d'un paramètre écrit en toutes lettres dans un message."""
    from num2words import num2words

    return num2words(int(nombre), lang="fr")


def _fin_de(param, jour: dt.date) -> dt.date:
    """Date depuis laquelle un paramètre n'a plus de valeur au jour donné (sa suppression)."""
    return next(v.depuis for v in param.valeurs if v.depuis <= jour and v.valeur is None)
