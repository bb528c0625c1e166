"""Aucun chiffre du droit dans le code : un nombre de jours ou de mois, un taux, un seuil, une heure ou une date
d'effet s'écrit dans regles/ (paramètre daté avec son texte), jamais dans un module de actes/."""
import io
import re
import tokenize
from pathlib import Path

import actes

RACINE = Path(actes.__file__).parent

# Dans le code (hors chaînes et commentaires).
CODE_INTERDIT = [
    (re.compile(r"\bdt\.date\(\s*\d"), "date d'effet"),
    (re.compile(r"\bdt\.time\(\s*[1-9]"), "heure"),
    (re.compile(r"\.year\s*[<>=!]=?\s*\d{4}"), "année d'effet"),
    (re.compile(r"\bDuree\([a-z]+=\d"), "durée"),
    (re.compile(r"\bDecimal\(\s*[\"']?(?!(?:0|1|0\.01|0\.00|1\.00|100)[\"']?\s*\))\d"), "taux ou montant"),
]
# Dans les chaînes qui ne sont pas des docstrings (messages, suggestions) ; les arrêts cités (« Cass. 2e civ.
# 20/10/2005, n° 04-10.138 ») ne sont pas des dates d'effet.
CHAINE_INTERDITE = [
    (re.compile(r"\b(?:un|une|deux|trois|cinq|six|huit|dix|quinze|trente|\d+) (?:mois|points)\b"), "durée ou taux"),
    (re.compile(r"(?<!civ\. )\b(?:1er|\d{1,2}) (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
                r"décembre) (?:19|20)\d\d\b|(?<!civ\. )\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b(?!, n°)"), "date d'effet"),
    (re.compile(r"\b\d[\d  ]{2,}(?:,\d\d)? ?(?:€|euros)"), "montant"),
]
# Exemples de saisie dans l'aide et les messages d'erreur de lecture des durées : ce ne sont pas des règles de droit.
ADMIS = {
    ("delais/duree.py", "1 mois"), ("delais/duree.py", "2 mois"), ("commandes/delai.py", "1 mois"),
}


def _chaines_et_code(source: str):
    code, chaines = [], []
    precedent = None
    for jeton in tokenize.generate_tokens(io.StringIO(source).readline):
        if jeton.type == tokenize.STRING:
            docstring = precedent in (None, tokenize.INDENT, tokenize.DEDENT, tokenize.NEWLINE)
            if not docstring:
                chaines.append((jeton.start[0], jeton.string))
        elif jeton.type not in (tokenize.COMMENT, tokenize.NL):
            code.append((jeton.start[0], jeton.string))
        if jeton.type not in (tokenize.NL, tokenize.COMMENT):
            precedent = jeton.type
    return code, chaines


def test_aucun_chiffre_du_droit_dans_le_code():
    fautes = []
    for chemin in sorted(RACINE.rglob("*.py")):
        relatif = chemin.relative_to(RACINE).as_posix()
        code, chaines = _chaines_et_code(chemin.read_text(encoding="utf-8"))
        lignes = {}
        for numero, texte in code:
            lignes[numero] = lignes.get(numero, "") + texte
        for numero, texte in lignes.items():
            for motif, quoi in CODE_INTERDIT:
                if motif.search(texte):
                    fautes.append(f"{relatif}:{numero} : {quoi} dans le code ({texte.strip()[:60]})")
        for numero, texte in chaines:
            for motif, quoi in CHAINE_INTERDITE:
                for m in motif.finditer(texte):
                    if (relatif, m.group()) not in ADMIS:
                        fautes.append(f"{relatif}:{numero} : {quoi} écrit dans un message (« {m.group()} »)")
    assert not fautes, "Chiffres du droit à lire dans regles/ :\n" + "\n".join(fautes)
