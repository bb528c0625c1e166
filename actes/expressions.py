"""Expressions régulières des règles, contrôlées au chargement : syntaxe, quantificateurs imbriqués, sonde hostile.

Le moteur `re` revient en arrière : `(a+)+$` met un temps exponentiel sur « aaa…ab ». Une expression est refusée si
un quantificateur variable en contient un autre (lecture de sa structure, sans l'exécuter), ou si, sondée sur des
textes faits de ses propres caractères, elle dépasse un budget de temps (retours en arrière polynomiaux).
"""
from __future__ import annotations

import re
import signal
import threading
import time

try:
    from re import _constants as _c, _parser as _analyseur      # Python ≥ 3.11
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _analyseur

LONGUEUR_SONDE = 4_000        # caractères du plus long texte de sonde (le court en a huit fois moins)
BUDGET_SONDE = 0.5            # secondes pour toutes les sondes d'une expression
SEUIL_LONG = 0.004            # en deçà, la sonde longue est trop rapide pour être mesurée utilement
RAPPORT_MAX = 30              # temps long / temps court : 8 pour un temps linéaire, 64 pour un temps quadratique
_REPETITIONS = {_c.MAX_REPEAT, _c.MIN_REPEAT}


class Lenteur(Exception):
    """La sonde a dépassé son budget de temps."""


def _variable(av) -> bool:
    minimum, maximum = av[0], av[1]
    return maximum != minimum and (maximum > 1 or maximum == _c.MAXREPEAT)


def _sous_motifs(op, av):
    if op in _REPETITIONS:
        return [av[2]]
    if op == _c.SUBPATTERN:
        return [av[-1]]
    if op == _c.BRANCH:
        return list(av[1])
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [av[1]]
    if op == getattr(_c, "GROUPREF_EXISTS", None):
        return [p for p in av[1:] if p is not None]
    return []           # ATOMIC_GROUP, POSSESSIVE_REPEAT : pas de retour en arrière, sans danger


def _contient_repetition(motif) -> bool:
    for op, av in motif:
        if op in _REPETITIONS and _variable(av):
            return True
        if any(_contient_repetition(p) for p in _sous_motifs(op, av)):
            return True
    return False


def quantificateur_imbrique(texte: str) -> bool:
    """Vrai si un quantificateur variable (`+`, `*`, `{2,}`…) porte sur un groupe qui en contient un autre."""
    def parcourir(motif) -> bool:
        for op, av in motif:
            if op in _REPETITIONS and (av[1] > 1 or av[1] == _c.MAXREPEAT) and _contient_repetition(av[2]):
                return True
            if any(parcourir(p) for p in _sous_motifs(op, av)):
                return True
        return False

    return parcourir(_analyseur.parse(texte))


def _sondes(regex: re.Pattern) -> list[tuple[str, str]]:
    """Motifs hostiles (à répéter) : chacun des caractères littéraux de l'expression et quelques courants, seuls ou
    séparés d'une espace ; la sonde finit par un caractère qui fait échouer la fin du motif."""
    litteraux = {chr(code) for code in _litteraux(regex.pattern)}
    candidats = sorted(litteraux | set("a0 .-'\n"))[:16]
    return [(c, "\x00") for c in candidats] + [(c + " ", "\x00") for c in candidats[:6]]


def _litteraux(texte: str) -> list[int]:
    """Codes des caractères littéraux d'une expression, classes comprises."""
    resultat: list[int] = []

    def parcourir(motif):
        for op, av in motif:
            if op == _c.LITERAL:
                resultat.append(av)
            elif op == _c.IN:
                resultat.extend(x for o, x in av if o == _c.LITERAL)
            for p in _sous_motifs(op, av):
                parcourir(p)

    parcourir(_analyseur.parse(texte))
    return resultat


def _duree(regex: re.Pattern, texte: str) -> float:
    debut = time.perf_counter()
    for _ in regex.finditer(texte):
        pass
    return time.perf_counter() - debut


def _sonder(regex: re.Pattern) -> None:
    """Exécute l'expression sur chaque sonde à deux longueurs (l'une huit fois l'autre) : un temps qui croît bien plus
    vite que la longueur est refusé ; le tout sous un minuteur pour les temps exponentiels (fil principal seulement :
    `re` y vérifie les signaux)."""
    minuteur = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")

    def expirer(_signal, _cadre):
        raise Lenteur

    precedent = signal.signal(signal.SIGALRM, expirer) if minuteur else None
    try:
        if minuteur:
            signal.setitimer(signal.ITIMER_REAL, BUDGET_SONDE)
        for motif, fin in _sondes(regex):
            court_texte = motif * (LONGUEUR_SONDE // 8 // len(motif)) + fin
            long_texte = motif * (LONGUEUR_SONDE // len(motif)) + fin
            for _essai in range(3):       # une mesure isolée peut tomber sur une pause de la machine : trois essais
                court, long = _duree(regex, court_texte), _duree(regex, long_texte)
                if long <= SEUIL_LONG or long <= RAPPORT_MAX * max(court, 1e-6):
                    break
            else:
                raise Lenteur
    finally:
        if minuteur:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, precedent)


def compiler_sure(texte: str, *, sonder: bool = True) -> re.Pattern:
    """Expression compilée, ou `ValueError` en français : syntaxe invalide, quantificateurs imbriqués, sonde trop
    lente."""
    if not isinstance(texte, str):
        raise ValueError(f"expression régulière : texte attendu, pas {type(texte).__name__}")
    extrait = texte if len(texte) <= 80 else texte[:77] + "…"
    try:
        regex = re.compile(texte)
    except (re.error, OverflowError, RecursionError) as exc:
        raise ValueError(f"expression régulière invalide « {extrait} » : {_traduire(exc)}") from None
    if quantificateur_imbrique(texte):
        raise ValueError(f"expression régulière refusée « {extrait} » : un quantificateur porte sur un groupe qui en "
                         "contient un autre (comme « (a+)+ ») ; son temps peut croître exponentiellement avec le "
                         "texte : écrire « a+ », ou un groupe atomique « (?>…) »")
    if sonder:
        try:
            _sonder(regex)
        except Lenteur:
            raise ValueError(f"expression régulière refusée « {extrait} » : sur des textes d'essai de "
                             f"{LONGUEUR_SONDE} caractères au plus, son temps croît bien plus vite que le texte "
                             "(retours en arrière démesurés)") from None
    return regex


def _traduire(exc: Exception) -> str:
    if isinstance(exc, re.error):
        position = f" (position {exc.pos})" if exc.pos is not None else ""
        return f"{exc.msg}{position}"
    return "expression trop complexe"
