"""Le modèle de document : des blocs de texte ordonnés, leurs faits de mise en forme et leur origine.

Chaque caractère du texte d'un bloc renvoie à sa place dans la source (bloc, segment), pour qu'un constat soit
ancré exactement et puisse être réécrit plus tard dans le .docx.
"""
from __future__ import annotations

import gc
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Segment:
    """Un morceau de texte homogène d'un bloc (un « run » Word), avec sa mise en forme."""

    debut: int                      # position dans le texte du bloc
    fin: int
    gras: bool = False
    italique: bool = False
    souligne: bool = False
    majuscules: bool = False        # propriété « tout en majuscules » (w:caps), pas la casse du texte
    taille: float | None = None     # en points
    source: str = ""                # ex. « r3 » : 4e run du paragraphe


@dataclass
class Bloc:
    """Un paragraphe (ou une cellule, une zone de texte…) : son texte, ses segments, son origine."""

    indice: int
    texte: str
    segments: list[Segment] = field(default_factory=list)
    partie: str = "corps"           # corps | tableau | entete | pied | zone_texte | page
    source: str = ""                # localisation dans la source, ex. « corps/p12 », « corps/t1/l2/c3/p0 »
    ligne: int = 0                  # numéro de ligne (1 = première) dans la source, ou rang du paragraphe
    style: str | None = None

    def segment_a(self, position: int) -> Segment | None:
        """Segment qui contient la position donnée du texte du bloc."""
        for segment in self.segments:
            if segment.debut <= position < segment.fin:
                return segment
        return None

    def est_mis_en_evidence(self, debut: int, fin: int) -> bool:
        """Vrai si tout le texte visible de [debut, fin) est en gras, souligné ou en majuscules (CPC:680 « très apparente »)."""
        couverts = [s for s in self.segments if s.fin > debut and s.debut < fin]
        if not couverts:
            return False
        for segment in couverts:
            morceau = self.texte[max(segment.debut, debut):min(segment.fin, fin)]
            if not morceau.strip():
                continue
            lettres = [c for c in morceau if c.isalpha()]
            en_capitales = bool(lettres) and all(c.isupper() for c in lettres)
            if not (segment.gras or segment.souligne or segment.majuscules or en_capitales):
                return False
        return True


# « actes: ignorer CODE [CODE…] » au début d'un commentaire Word ou LibreOffice (comme « # noqa » dans du code).
RE_SUPPRESSION = re.compile(r"\s*actes\s*:\s*ignorer\b\s*(.*)", re.IGNORECASE | re.DOTALL)
RE_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*\Z")


@dataclass(frozen=True)
class Suppression:
    """Commentaire « actes: ignorer CODE… » : les codes qu'il fait taire et le passage qu'il couvre (bloc, position)."""

    codes: tuple[str, ...]
    debut: tuple[int, int]
    fin: tuple[int, int]
    texte: str


def codes_a_ignorer(texte: str) -> tuple[str, ...] | None:
    """Codes d'un commentaire « actes: ignorer CODE CODE… » (séparés par des espaces ou des virgules), ou None."""
    trouve = RE_SUPPRESSION.match(texte)
    if trouve is None:
        return None
    codes = []
    for mot in re.split(r"[\s,;]+", trouve.group(1).strip()):
        if not mot or not RE_CODE.match(mot) or not any(c.isdigit() or c == "-" for c in mot):
            break
        codes.append(mot.upper())
    return tuple(codes)


@dataclass
class Document:
    """Un document lu : ses blocs dans l'ordre de lecture, et ce que la lecture a dû signaler."""

    chemin: str | None
    format: str                     # docx | odt | txt | pdf | texte
    blocs: list[Bloc]
    avertissements: list[str] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)

    SEPARATEUR = "\n"

    @cached_property
    def debuts(self) -> list[int]:
        """Position de départ de chaque bloc dans `texte`."""
        debuts, position = [], 0
        for bloc in self.blocs:
            debuts.append(position)
            position += len(bloc.texte) + len(self.SEPARATEUR)
        return debuts

    @cached_property
    def texte(self) -> str:
        """Texte entier : les blocs joints par un saut de ligne."""
        return self.SEPARATEUR.join(bloc.texte for bloc in self.blocs)

    def localiser(self, position: int) -> tuple[Bloc, int]:
        """Bloc et position dans ce bloc d'une position du texte entier."""
        if not self.blocs:
            raise ValueError("document sans bloc")
        rang = max(0, bisect_right(self.debuts, position) - 1)
        bloc = self.blocs[rang]
        return bloc, min(position - self.debuts[rang], len(bloc.texte))


def document_de_texte(texte: str, chemin: str | None = None, format: str = "texte") -> Document:
    """Document fait d'un texte brut : un bloc par ligne, numéro de ligne = rang de la ligne."""
    lignes = texte.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    segments: dict[int, Segment] = {}           # un segment figé par longueur : partagé, lu en temps borné

    def segment(longueur: int) -> Segment:
        if longueur not in segments:
            segments[longueur] = Segment(0, longueur)
        return segments[longueur]

    actif = gc.isenabled()
    gc.disable()                # des centaines de milliers d'objets sans cycle : le ramasse-miettes n'a rien à y faire
    try:
        blocs = [Bloc(indice=i, texte=ligne, segments=[segment(len(ligne))] if ligne else [],
                      partie="corps", source=f"l{i + 1}", ligne=i + 1)
                 for i, ligne in enumerate(lignes)]
    finally:
        if actif:
            gc.enable()
    return Document(chemin=chemin, format=format, blocs=blocs)
