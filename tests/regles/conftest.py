"""Cas de test des règles : un fichier YAML par règle (`cas/<CODE>.yaml`), chaque cas est une mutation d'un acte
conforme (`actes/*.txt` : `base` du fichier, ou du cas) et la liste exacte des constats attendus (erreur et avertissement ; `informations` : la liste
exacte des codes de gravité information, quand le cas la donne)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

DOSSIER = Path(__file__).parent
DOSSIER_CAS = DOSSIER / "cas"


@dataclass
class Cas:
    """Un cas : l'acte muté, le type et la date imposés, les constats attendus."""

    id: str
    regle: str
    texte: str
    type_acte: str | None
    date_acte: object
    attendus: list[dict] = field(default_factory=list)
    informations: list[str] | None = None       # codes de gravité information attendus, si le cas les fixe


def _muter(base: str, cas: dict, nom: str) -> str:
    texte = base
    for ancien, nouveau in (cas.get("remplacer") or {}).items():
        assert ancien in texte, f"{nom} : « {ancien} » absent de l'acte de base"
        texte = texte.replace(ancien, nouveau)
    for ancien in cas.get("supprimer") or []:
        assert ancien in texte, f"{nom} : « {ancien} » absent de l'acte de base"
        texte = texte.replace(ancien, "")
    for ajout in cas.get("ajouter") or []:
        texte += "\n" + ajout
    return texte


def charger_cas() -> list[Cas]:
    """Tous les cas de tous les fichiers de `cas/`."""
    tous = []
    for chemin in sorted(DOSSIER_CAS.glob("*.yaml")):
        donnees = yaml.safe_load(chemin.read_text(encoding="utf-8"))
        for nom, cas in donnees["cas"].items():
            cas = cas or {}
            base = (DOSSIER / "actes" / cas.get("base", donnees["base"])).read_text(encoding="utf-8")
            tous.append(Cas(
                id=f"{donnees['regle']}::{nom}",
                regle=donnees["regle"],
                texte=_muter(base, cas, f"{chemin.name}:{nom}"),
                type_acte=cas.get("type", donnees.get("type")),
                date_acte=cas.get("date_acte", donnees.get("date_acte")),
                attendus=cas.get("constats") or [],
                informations=cas.get("informations"),
            ))
    return tous


def pytest_generate_tests(metafunc):
    if "cas" in metafunc.fixturenames:
        tous = charger_cas()
        metafunc.parametrize("cas", tous, ids=[c.id for c in tous])


@pytest.fixture(scope="session")
def verificateur():
    from actes import Verificateur

    return Verificateur()
