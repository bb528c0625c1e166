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


FROID = """
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from actes import Verificateur
verificateur = Verificateur()
textes = [Path(a).read_text(encoding="utf-8") for a in sys.argv[1:]] * 4
with ThreadPoolExecutor(max_workers=8) as fils:         # premier usage à froid, d'emblée par huit fils
    rapports = list(fils.map(lambda t: [c.code for c in verificateur.verifier(texte=t).constats], textes))
print(len({str(r) for r in rapports[::len(sys.argv) - 1]}))
"""


def test_premiers_usages_concurrents_a_froid():
    """Les chargements paresseux (jours fériés de la France seule, segmenteur) pris par huit fils à la fois, dans un
    processus neuf : aucune exception, et chaque acte donne le même rapport dans chaque fil."""
    import subprocess
    import sys

    fini = subprocess.run([sys.executable, "-c", FROID, *map(str, ACTES[:2])], capture_output=True, text=True,
                          timeout=300)
    assert fini.returncode == 0, fini.stderr[-2000:]
    assert fini.stdout.strip() == "1"
