"""Bornes de temps des tests de garde : une borne fixée pour une machine au repos, élargie d'après la charge du
moment (moyenne de charge sur une minute rapportée au nombre de cœurs), pour qu'une machine partagée ne fasse pas
échouer un test qui mesure une croissance pathologique (des minutes), non une vitesse."""
from __future__ import annotations

import os


def borne(secondes: float) -> float:
    """`secondes` multipliées par la charge relative de la machine (au moins 1)."""
    try:
        charge = os.getloadavg()[0] / (os.cpu_count() or 1)
    except OSError:                      # plateforme sans moyenne de charge
        charge = 1.0
    return secondes * max(1.0, charge)
