"""Imputation des paiements partiels sur une dette : frais, puis intérêts, puis capitaux (CC:1343-1, 1342-10).

Ordre retenu pour un paiement sans indication du débiteur :
1. les frais de l'exécution forcée déjà exposés à la date du paiement (CPCE:L111-8 al. 1 : ils sont à la charge du
   débiteur ; accessoires de la dette, le débiteur ne peut imputer sur le capital par préférence à eux : Cass. 1re civ.
   7/2/1995, n° 92-14.216), le plus ancien d'abord ;
2. les intérêts échus de chaque créance (CC:1343-1 al. 1 : « le paiement partiel s'impute d'abord sur les intérêts ») ;
3. les capitaux : d'abord ceux qui portent intérêt (la dette que le débiteur a le plus d'intérêt d'acquitter,
   CC:1342-10 al. 2), puis la plus ancienne, puis l'ordre du dossier.
Aucun article du CPCE fixant cet ordre n'a été trouvé : l'ordre frais → intérêts → capital est déduit des textes
ci-dessus (à vérifier). Un paiement affecté par le débiteur à une créance (`impute_sur`, CC:1342-10 al. 1) paie
d'abord les intérêts puis le capital de celle-ci ; le reste suit l'ordre ci-dessus. Après chaque paiement, les
intérêts courent sur le capital réduit. Ce qui excède la dette est un trop-perçu, jamais un solde négatif.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from ..erreurs import EntreeInvalide
from .interets import LigneInterets, Regime, anniversaires, courir
from .montant import ZERO

REFERENCES_PAIEMENT = ("CC:1343-1", "CC:1342-10")


@dataclass(frozen=True)
class Creance:
    """Une condamnation ou une dette en capital (principal, article 700, dépens…) et ses intérêts éventuels."""

    code: str
    libelle: str
    montant: Decimal
    date: dt.date
    references: tuple[str, ...] = ()
    interets_depuis: dt.date | None = None
    regime: Regime | None = None
    capitalisation: bool = False
    detail: str | None = None


@dataclass(frozen=True)
class Frais:
    """Coût d'un acte d'exécution déjà délivré, dû à sa date (CPCE:L111-8 al. 1)."""

    date: dt.date
    libelle: str
    montant: Decimal
    references: tuple[str, ...] = ("CPCE:L111-8",)


@dataclass(frozen=True)
class Paiement:
    """Un versement du débiteur ; `impute_sur` : code de la créance qu'il a désignée (CC:1342-10 al. 1)."""

    date: dt.date
    montant: Decimal
    libelle: str = "Versement"
    impute_sur: str | None = None


@dataclass(frozen=True)
class Dette:
    """Ce que le titre et les actes mettent à la charge du débiteur."""

    creances: tuple[Creance, ...]
    frais: tuple[Frais, ...] = ()


@dataclass(frozen=True)
class Part:
    """Fraction d'un paiement affectée à un poste (`frais`, `interets` ou `capital`) d'une créance ou d'un acte."""

    poste: str
    libelle: str
    montant: Decimal


@dataclass(frozen=True)
class Imputation:
    """Un paiement et sa répartition ; `trop_percu` : ce qui excède la dette à sa date."""

    paiement: Paiement
    parts: tuple[Part, ...]
    trop_percu: Decimal


@dataclass(frozen=True)
class Situation:
    """État de la dette à une date : intérêts par créance, imputations, soldes restant dus."""

    au: dt.date
    interets: dict[str, tuple[LigneInterets, ...]]
    capitalise: dict[str, Decimal]
    imputations: tuple[Imputation, ...]
    reste_capital: dict[str, Decimal]
    reste_interets: dict[str, Decimal]
    reste_frais: tuple[tuple[Frais, Decimal], ...]
    trop_percu: Decimal

    @property
    def total_du(self) -> Decimal:
        """Capitaux, intérêts et frais restant dus, moins le trop-perçu."""
        return (sum(self.reste_capital.values(), ZERO) + sum(self.reste_interets.values(), ZERO)
                + sum((reste for _, reste in self.reste_frais), ZERO) - self.trop_percu)


@dataclass
class _Etat:
    capital: dict[str, Decimal]
    interets_dus: dict[str, Decimal]
    frais: list[list] = field(default_factory=list)  # [Frais, reste]


def _ordre_capitaux(creances: tuple[Creance, ...]) -> list[Creance]:
    """Ordre d'imputation sur les capitaux (CC:1342-10 al. 2) : portant intérêt, puis la plus ancienne."""
    rangs = {c.code: i for i, c in enumerate(creances)}
    return sorted(creances, key=lambda c: (c.regime is None, c.date, rangs[c.code]))


def _payer(etat: _Etat, creance: Creance, reste: Decimal, parts: list[Part]) -> Decimal:
    """Paie les intérêts puis le capital d'une créance ; renvoie ce qui reste du paiement."""
    for poste, soldes in (("interets", etat.interets_dus), ("capital", etat.capital)):
        part = min(reste, soldes[creance.code])
        if part > 0:
            soldes[creance.code] -= part
            reste -= part
            parts.append(Part(poste, creance.libelle, part))
    return reste


def _imputer(etat: _Etat, dette: Dette, paiement: Paiement) -> Imputation:
    reste, parts = paiement.montant, []
    par_code = {c.code: c for c in dette.creances}
    if paiement.impute_sur:
        reste = _payer(etat, par_code[paiement.impute_sur], reste, parts)
    for ligne in etat.frais:
        if ligne[0].date <= paiement.date and reste > 0 and ligne[1] > 0:
            part = min(reste, ligne[1])
            ligne[1] -= part
            reste -= part
            parts.append(Part("frais", ligne[0].libelle, part))
    for creance in dette.creances:
        part = min(reste, etat.interets_dus[creance.code])
        if part > 0:
            etat.interets_dus[creance.code] -= part
            reste -= part
            parts.append(Part("interets", creance.libelle, part))
    for creance in _ordre_capitaux(dette.creances):
        part = min(reste, etat.capital[creance.code])
        if part > 0:
            etat.capital[creance.code] -= part
            reste -= part
            parts.append(Part("capital", creance.libelle, part))
    return Imputation(paiement, tuple(parts), reste)


def _verifier(dette: Dette, paiements: tuple[Paiement, ...], au: dt.date) -> None:
    codes = [c.code for c in dette.creances]
    if len(set(codes)) != len(codes):
        raise EntreeInvalide("creances", "deux créances portent le même code")
    for paiement in paiements:
        if paiement.montant <= 0:
            raise EntreeInvalide("paiements", f"versement du {paiement.date.isoformat()} : montant nul ou négatif")
        if paiement.date > au:
            raise EntreeInvalide("paiements", f"versement du {paiement.date.isoformat()} postérieur au décompte "
                                              f"({au.isoformat()})")
        if paiement.impute_sur and paiement.impute_sur not in codes:
            raise EntreeInvalide("paiements", f"versement du {paiement.date.isoformat()} : créance "
                                              f"« {paiement.impute_sur} » inconnue ; possibles : {', '.join(codes)}")
    for frais in dette.frais:
        if frais.date > au:
            raise EntreeInvalide("frais", f"« {frais.libelle} » du {frais.date.isoformat()} est postérieur au "
                                          f"décompte ({au.isoformat()})")


def imputer(dette: Dette, paiements: tuple[Paiement, ...] | list[Paiement], au: dt.date) -> Situation:
    """Intérêts courus et paiements imputés jusqu'au jour `au` (CC:1343-1, 1342-10, 1343-2 ; CPCE:L111-8)."""
    paiements = tuple(sorted(paiements, key=lambda p: p.date))
    _verifier(dette, paiements, au)
    etat = _Etat({c.code: c.montant for c in dette.creances}, {c.code: ZERO for c in dette.creances},
                 [[f, f.montant] for f in sorted(dette.frais, key=lambda f: f.date)])
    lignes: dict[str, list[LigneInterets]] = {c.code: [] for c in dette.creances}
    capitalise = {c.code: ZERO for c in dette.creances}
    echeances: dict[dt.date, set[str]] = {}
    for creance in dette.creances:
        if creance.regime and creance.interets_depuis and creance.capitalisation:
            for jour in anniversaires(creance.interets_depuis, au):
                echeances.setdefault(jour, set()).add(creance.code)
    dates = sorted({*(p.date for p in paiements), *echeances, au})
    courus = {c.code: c.interets_depuis for c in dette.creances}
    imputations = []
    for jour in dates:
        for creance in dette.creances:
            debut = courus[creance.code]
            if creance.regime and debut and debut < jour:
                periode = courir(etat.capital[creance.code], debut, jour, creance.regime)
                lignes[creance.code].extend(periode)
                etat.interets_dus[creance.code] += sum((ligne.montant for ligne in periode), ZERO)
                courus[creance.code] = jour
        for code in sorted(echeances.get(jour, ())):  # CC:1343-2 : intérêts échus d'une année entière capitalisés
            capitalise[code] += etat.interets_dus[code]
            etat.capital[code] += etat.interets_dus[code]
            etat.interets_dus[code] = ZERO
        imputations.extend(_imputer(etat, dette, p) for p in paiements if p.date == jour)
    return Situation(au, {k: tuple(v) for k, v in lignes.items()}, capitalise, tuple(imputations),
                     dict(etat.capital), dict(etat.interets_dus), tuple((f, r) for f, r in etat.frais),
                     sum((i.trop_percu for i in imputations), ZERO))
