"""Le segmenteur spaCy et la recherche de motifs (Matcher) sur texte plié.

On n'utilise ni modèle statistique ni `spacy.blank("fr")` (dont la table d'exceptions coûte ~3 s à construire) :
le segmenteur multilingue `xx`, complété des élisions françaises (l', d', qu'…), suffit à une recherche de motifs
par règles, et se construit en quelques millisecondes. Les textes sont pliés (minuscules, sans accents) avant
d'être segmentés : les motifs s'écrivent donc sans accents ni majuscules.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache

ELISIONS = r"^(?:[ldjmnstc]|qu|lorsqu|puisqu|jusqu|quoiqu)'"
# Ponctuation du texte plié (minuscules sans accents) : des classes courtes, bien plus rapides que les classes
# Unicode complètes des segmenteurs par défaut, pour le même découpage sur ce texte.
PREFIXES = [ELISIONS, r"""^[(\[{"'<«»:;,.!?/§*•>+=#~|-]"""]
SUFFIXES = [r"""[)\]}"'>»,;:.!?…/*%€$+=#~|-]$""", r"(?<=\d)(?:er|e|eme)$"]
INFIXES = [r"""[,;:/()\[\]"«»=+*<>|]""", r"(?<=[a-z0-9])-(?=[a-z0-9])", r"(?<=[a-z])\.(?=[a-z])", r"(?<=[a-z])'(?=[a-z])"]

# Le segmenteur de spaCy retire préfixes et suffixes un à un : son temps croît plus vite que la longueur d'un mot
# sans blanc (40 000 « [ » : plus d'une demi-minute). Un mot plus long que `MOT_MAX` est coupé (un caractère sur
# `MOT_MAX` devient une espace, la longueur et donc les positions sont gardées) : aucun mot français, aucune référence
# d'article n'en approche.
MOT_MAX = 64
_MOT_TROP_LONG = re.compile(r"\S{%d,}" % (MOT_MAX + 1))

_verrou = threading.Lock()          # le Matcher partagé : une recherche à la fois, le temps d'une recherche
_local = threading.local()          # un segmenteur par fil : la segmentation d'un acte ne bloque pas les autres


def _importer_spacy() -> None:
    """Importe spaCy sans sa ligne de commande : `spacy/__init__.py` n'en prend que `info` (typer, weasel, requests,
    httpx, rich… plus de 0,3 s au démarrage, inutiles ici). Le temps de l'import, `spacy.cli.info` est un module
    vide dont `info` importe la vraie à l'appel ; ensuite `import spacy.cli` charge la vraie ligne de commande."""
    import sys
    import types

    if "spacy" in sys.modules:
        return

    def info(*args, **kwargs):
        from spacy.cli.info import info as vraie

        return vraie(*args, **kwargs)

    cli, cli_info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    cli.__path__, cli_info.info = [], info
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": cli_info})
    try:
        import spacy
    finally:
        for nom in ("spacy.cli.info", "spacy.cli"):
            if sys.modules.get(nom) in (cli, cli_info):
                del sys.modules[nom]
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli
    spacy.info = info


@lru_cache(maxsize=1)
def segmenteur():
    """Segmenteur spaCy (vocabulaire multilingue `xx`) adapté au texte plié français ; construit une fois, sans
    `spacy.blank` (sa configuration et ses motifs par défaut, remplacés ensuite, coûtent plus que tout le reste)."""
    _importer_spacy()
    from spacy.lang.xx import MultiLanguage
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex
    from spacy.vocab import create_vocab

    return Tokenizer(create_vocab("xx", MultiLanguage.Defaults), rules={},
                     prefix_search=compile_prefix_regex(PREFIXES).search,
                     suffix_search=compile_suffix_regex(SUFFIXES).search,
                     infix_finditer=compile_infix_regex(INFIXES).finditer, url_match=None)


def _couper(mot: re.Match) -> str:
    texte = mot.group(0)
    return " ".join(texte[i:i + MOT_MAX] for i in range(0, len(texte), MOT_MAX + 1))


def borner(texte_plie: str) -> str:
    """Texte de même longueur dont aucun mot (suite sans blanc) ne dépasse `MOT_MAX` caractères."""
    return _MOT_TROP_LONG.sub(_couper, texte_plie)


def _segmenteur_du_fil():
    """Segmenteur propre au fil courant (même vocabulaire, mêmes règles que `segmenteur()`) : son cache n'est
    modifié que par ce fil."""
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is None:
        modele = segmenteur()
        from spacy.tokenizer import Tokenizer

        tokenizer = Tokenizer(modele.vocab, rules={}, prefix_search=modele.prefix_search,
                              suffix_search=modele.suffix_search, infix_finditer=modele.infix_finditer,
                              token_match=modele.token_match, url_match=None)
        _local.tokenizer = tokenizer
    return tokenizer


def segmenter(texte_plie: str):
    """Doc spaCy du texte plié, les mots démesurés coupés (`borner`) ; sans verrou : un segmenteur par fil."""
    return _segmenteur_du_fil()(borner(texte_plie))


def motif_de_phrase(phrase: str) -> list[dict]:
    """Motif Matcher d'une phrase : un jeton par mot, comparé en minuscules ; « * » vaut un mot quelconque."""
    from .texte import plier

    motif = []
    for jeton in segmenter(plier(phrase)):
        if jeton.text == "*":
            motif.append({"OP": "?"})
        elif jeton.text == "…":
            motif.extend([{"OP": "?"}] * 4)
        else:
            motif.append({"LOWER": jeton.text})
    return motif


class Chercheur:
    """Les motifs de toutes les règles, chargés une fois : les phrases simples dans un PhraseMatcher (recherche par
    table de hachage), les motifs à jokers ou à attributs dans un Matcher ; clé = identifiant de motif."""

    def __init__(self):
        vocab = segmenteur().vocab
        from spacy.matcher import Matcher, PhraseMatcher

        self._matcher = Matcher(vocab)
        self._phrases = PhraseMatcher(vocab, attr="LOWER")
        self._cles: set[str] = set()

    def ajouter(self, cle: str, motifs: list[list[dict]]) -> None:
        """Ajoute les motifs (formes Matcher) sous une clé ; une clé déjà présente est complétée."""
        from spacy.tokens import Doc

        simples = [m for m in motifs if all(set(j) == {"LOWER"} for j in m)]
        autres = [m for m in motifs if m not in simples]
        if simples:
            vocab = segmenteur().vocab
            self._phrases.add(cle, [Doc(vocab, words=[j["LOWER"] for j in m]) for m in simples])
        if autres:
            self._matcher.add(cle, autres)
        self._cles.add(cle)

    def chercher(self, doc) -> dict[str, list[tuple[int, int]]]:
        """Positions (caractères) de chaque clé trouvée dans le doc, dans l'ordre du texte."""
        resultat: dict[str, list[tuple[int, int]]] = {}
        with _verrou:
            correspondances = [*(self._phrases(doc) if len(self._phrases) else ()),
                               *(self._matcher(doc) if len(self._matcher) else ())]
        chaines = doc.vocab.strings
        for id_cle, debut, fin in correspondances:
            portion = doc[debut:fin]
            resultat.setdefault(chaines[id_cle], []).append((portion.start_char, portion.end_char))
        for positions in resultat.values():
            positions.sort()
        return resultat
