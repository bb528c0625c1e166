"""Un `Verificateur` partagé entre plusieurs fils (un serveur d'étude) donne les mêmes rapports qu'en série."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from actes import Verificateur

ACTES = sorted((Path(__file__).parent / "regles" / "actes").glob("*.txt"))


def _resume(rapport):
    return rapport.type_acte, [(c.code, c.emplacement.debut) for c in rapport.constats]


def test_verificateur_partage_entre_fils_donne_les_memes_rapports():
    verificateur = Verificateur()
    fautif = ACTES[0].read_text(encoding="utf-8") + "\nnouveau code de procédure civile\n"
    entrees = [a.read_text(encoding="utf-8") for a in ACTES] + [fautif]
    attendus = [_resume(verificateur.verifier(texte=texte)) for texte in entrees]
    with ThreadPoolExecutor(max_workers=8) as fils:
        obtenus = list(fils.map(lambda texte: _resume(verificateur.verifier(texte=texte)), entrees * 8))
    assert obtenus == attendus * 8
    assert any(codes for _, codes in attendus)          # le jeu contient bien un acte qui déclenche une règle
