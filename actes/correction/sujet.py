"""Un acte édité paragraphe par paragraphe, pour semer des fautes : .docx (runs de word/document.xml) ou .txt (lignes).

Une modification remplace une portée [debut, fin) du texte d'un paragraphe ; remplacer tout le paragraphe par rien
supprime le paragraphe. Le .docx produit garde l'ordre, la compression et les dates des parties de l'original :
mêmes modifications, mêmes octets.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..documents import garde
from ..erreurs import EntreeInvalide

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_ESPACE = "{http://www.w3.org/XML/1998/namespace}space"
PARTIE = "word/document.xml"


@dataclass(frozen=True)
class Modification:
    """Remplacer [debut, fin) du paragraphe `paragraphe` (rang dans l'acte, à partir de 0) par `texte`."""

    paragraphe: int
    debut: int
    fin: int
    texte: str


class Acte:
    """Les paragraphes d'un acte et la façon de les réécrire."""

    def __init__(self, chemin: Path | str):
        self.chemin = Path(chemin)
        self.format = self.chemin.suffix.lower()
        if self.format not in (".docx", ".txt"):
            raise EntreeInvalide(self.chemin, "un sujet se prépare à partir d'un acte .docx ou .txt")
        if not self.chemin.is_file():
            raise EntreeInvalide(self.chemin, "fichier introuvable")
        self.octets = self.chemin.read_bytes()
        if self.format == ".txt":
            try:
                self._lignes = self.octets.decode("utf-8-sig").split("\n")
            except UnicodeDecodeError:
                raise EntreeInvalide(self.chemin, "texte attendu en UTF-8") from None
        else:
            try:
                with zipfile.ZipFile(io.BytesIO(self.octets)) as archive:
                    garde.verifier_archive(archive, str(self.chemin))
                    donnees = garde.lire_entree(archive, PARTIE, str(self.chemin))
            except zipfile.BadZipFile:
                raise EntreeInvalide(self.chemin, "archive .docx illisible") from None
            if donnees is None:
                raise EntreeInvalide(self.chemin, "pas de word/document.xml : ce n'est pas un document Word")
            self._xml = donnees

    def paragraphes(self) -> list[str]:
        """Texte de chaque paragraphe (runs w:t, tabulations et sauts de ligne), dans l'ordre du document."""
        if self.format == ".txt":
            return list(self._lignes)
        racine = garde.analyser_xml(self._xml, str(self.chemin), PARTIE)
        return [_texte(p) for p in racine.iter(W + "p")]

    def modifier(self, modifications: list[Modification]) -> bytes:
        """Octets de l'acte modifié (l'original n'est pas touché)."""
        par_paragraphe: dict[int, list[Modification]] = {}
        for modification in modifications:
            par_paragraphe.setdefault(modification.paragraphe, []).append(modification)
        if self.format == ".txt":
            lignes = list(self._lignes)
            supprimees = set()
            for rang, liste in par_paragraphe.items():
                ligne = lignes[rang]
                for m in sorted(liste, key=lambda m: -m.debut):
                    ligne = ligne[:m.debut] + m.texte + ligne[m.fin:]
                if ligne.strip() or not lignes[rang].strip():
                    lignes[rang] = ligne
                else:
                    supprimees.add(rang)
            return "\n".join(l for i, l in enumerate(lignes) if i not in supprimees).encode("utf-8")
        racine = garde.analyser_xml(self._xml, str(self.chemin), PARTIE)
        paragraphes = list(racine.iter(W + "p"))
        for rang, liste in par_paragraphe.items():
            p = paragraphes[rang]
            for m in sorted(liste, key=lambda m: -m.debut):
                _remplacer(p, m.debut, m.fin, m.texte)
            if not _texte(p).strip() and p.getparent().tag != W + "tc":
                p.getparent().remove(p)
        xml = etree.tostring(racine, xml_declaration=True, encoding="UTF-8", standalone=True)
        return _archive(self.octets, {PARTIE: xml})


def _morceaux(p: etree._Element) -> list[tuple[etree._Element, str]]:
    """(élément, texte) de chaque w:t, w:tab, w:br des runs du paragraphe (hors texte supprimé)."""
    morceaux = []
    for element in p.iter(W + "t", W + "tab", W + "br", W + "cr"):
        if any(a.tag in (W + "del", W + "moveFrom") for a in element.iterancestors()):
            continue
        if element.tag == W + "t":
            morceaux.append((element, element.text or ""))
        else:
            morceaux.append((element, "\t" if element.tag == W + "tab" else "\n"))
    return morceaux


def _texte(p: etree._Element) -> str:
    return "".join(texte for _, texte in _morceaux(p))


def _remplacer(p: etree._Element, debut: int, fin: int, nouveau: str) -> None:
    """Remplace [debut, fin) du texte du paragraphe : le premier w:t touché reçoit le nouveau texte, les suivants
    sont raccourcis ; la mise en forme du premier run touché s'applique au nouveau texte."""
    position, place = 0, False
    for element, texte in _morceaux(p):
        d, f = position, position + len(texte)
        position = f
        if f <= debut and not (d == f == debut and not place and element.tag == W + "t"):
            continue
        if d >= fin and place:
            break
        garder_avant = texte[:max(0, debut - d)]
        garder_apres = texte[max(0, fin - d):] if fin < f else ""
        if element.tag != W + "t":
            if d >= debut and f <= fin:
                element.getparent().remove(element)
            continue
        element.text = garder_avant + ("" if place else nouveau) + garder_apres
        element.set(XML_ESPACE, "preserve")
        place = True
    if not place and nouveau:
        raise ValueError("portée hors du texte du paragraphe")


def _archive(original: bytes, remplacees: dict[str, bytes]) -> bytes:
    """Même archive, parties remplacées ; ordre, dates et compression conservés (sortie reproductible)."""
    flux = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(flux, "w") as cible:
        for info in source.infolist():
            copie = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copie.compress_type, copie.external_attr = info.compress_type, info.external_attr
            cible.writestr(copie, remplacees.get(info.filename, source.read(info.filename)))
    return flux.getvalue()
