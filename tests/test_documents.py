"""Lecteurs de documents : texte exact, ordre de lecture, mise en forme, positions, localisation dans la source."""
from __future__ import annotations

import hashlib
import io
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.shared import Pt
from hypothesis import given, settings
from hypothesis import strategies as st

from actes.documents import document_de_texte, lire
from actes.documents.lecture import lire_octets
from tests.minuterie import borne

NS_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


# --- fabrique de fichiers ------------------------------------------------------------------------------------------

def _run_xml(texte: str, proprietes: str = "") -> str:
    return f'<w:r {NS_W}><w:rPr>{proprietes}</w:rPr><w:t xml:space="preserve">{texte}</w:t></w:r>'


def _zone_de_texte(texte: str) -> str:
    """Paragraphe ancrant une zone de texte : mc:Choice (DrawingML) et sa copie mc:Fallback (VML)."""
    return f"""<w:p {NS_W}
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
        xmlns:v="urn:schemas-microsoft-com:vml">
      <w:r><w:t xml:space="preserve">Ancre </w:t></w:r>
      <w:r><mc:AlternateContent>
        <mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>
          <wps:wsp><wps:txbx><w:txbxContent>
            <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{texte}</w:t></w:r></w:p>
          </w:txbxContent></wps:txbx></wps:wsp>
        </a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
        <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>
            <w:p><w:r><w:t>{texte}</w:t></w:r></w:p>
        </w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
      </mc:AlternateContent></w:r>
      <w:r><w:t xml:space="preserve">fin</w:t></w:r>
    </w:p>"""


@pytest.fixture(scope="module")
def docx_complet(tmp_path_factory):
    """Un .docx qui réunit ce qu'un acte réel contient : en-tête, pied, styles, tableaux imbriqués, champs, zones."""
    d = docx.Document()
    styles = d.styles
    mention = styles.add_style("Mention", WD_STYLE_TYPE.PARAGRAPH)
    mention.font.bold = True
    fort = styles.add_style("Fort", WD_STYLE_TYPE.CHARACTER)
    fort.font.underline = True
    fort.font.all_caps = True

    d.sections[0].header.paragraphs[0].text = "SCP DUPONT, commissaires de justice"
    d.sections[0].footer.paragraphs[0].text = "Coût de l'acte"

    d.add_paragraph("SIGNIFICATION D'UN JUGEMENT")                                        # corps/p0
    p = d.add_paragraph()                                                                   # corps/p1
    r = p.add_run("L'AN DEUX MILLE VINGT-SIX")
    r.bold = True
    p.add_run(" et le ")
    r = p.add_run("cinq octobre")
    r.font.all_caps = True
    r.font.size = Pt(14)
    d.add_paragraph("Vous disposez d'un délai d'un mois", style="Mention")                 # corps/p2
    p = d.add_paragraph(style="Mention")                                                    # corps/p3
    r = p.add_run("pas en gras")
    r.bold = False
    p = d.add_paragraph()                                                                   # corps/p4
    p.add_run("voie de recours", style="Fort")
    p = d.add_paragraph()                                                                   # corps/p5
    r = p.add_run("Maître Jean DUPONT")
    r.add_break()
    r.add_text("12 rue de la Paix")
    r.add_tab()
    r.add_text("75002 PARIS")

    tableau = d.add_table(rows=2, cols=2)                                                  # corps/t0
    tableau.cell(0, 0).text = "Principal"
    tableau.cell(0, 1).text = "1 234,56 €"
    interne = tableau.cell(1, 0).add_table(rows=1, cols=1)
    interne.cell(0, 0).text = "imbriqué"
    tableau.cell(1, 1).text = "fin du tableau"

    p = d.add_paragraph()                                                                   # corps/p6 : champs
    p._p.append(parse_xml(_run_xml("Le ")))
    for fragment in (f'<w:r {NS_W}><w:fldChar w:fldCharType="begin"/></w:r>',
                     f'<w:r {NS_W}><w:instrText xml:space="preserve"> DATE \\@ "d MMMM yyyy" </w:instrText></w:r>',
                     f'<w:r {NS_W}><w:fldChar w:fldCharType="separate"/></w:r>',
                     _run_xml("5 octobre 2026"),
                     f'<w:r {NS_W}><w:fldChar w:fldCharType="end"/></w:r>',
                     f'<w:fldSimple {NS_W} w:instr=" PAGE ">{_run_xml("3")}</w:fldSimple>'):
        p._p.append(parse_xml(fragment))

    p = d.add_paragraph()                                                                   # corps/p7 : révisions
    p._p.append(parse_xml(f'<w:ins {NS_W} w:id="1" w:author="x">{_run_xml("tribunal judiciaire")}</w:ins>'))
    p._p.append(parse_xml(f'<w:del {NS_W} w:id="2" w:author="x"><w:r><w:delText>tribunal d\'instance'
                          f'</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(_run_xml(" caché", "<w:vanish/>")))
    p._p.append(parse_xml(f'<w:hyperlink {NS_W}>{_run_xml(" de Paris")}</w:hyperlink>'))

    d.element.body.insert(len(d.element.body) - 1, parse_xml(_zone_de_texte("DANS LA ZONE")))  # corps/p8
    d.add_paragraph("Dernier paragraphe")                                                   # corps/p9
    chemin = tmp_path_factory.mktemp("docx") / "acte.docx"
    d.save(chemin)
    return chemin


def _bloc(document, source):
    return next(b for b in document.blocs if b.source == source)


# --- .docx -------------------------------------------------------------------------------------------------------

def test_docx_lit_entete_corps_tableaux_zone_et_pied_dans_l_ordre(docx_complet):
    document = lire(docx_complet)
    assert document.format == "docx"
    assert [(b.partie, b.source, b.texte) for b in document.blocs] == [
        ("entete", "entete:header1.xml/p0", "SCP DUPONT, commissaires de justice"),
        ("corps", "corps/p0", "SIGNIFICATION D'UN JUGEMENT"),
        ("corps", "corps/p1", "L'AN DEUX MILLE VINGT-SIX et le cinq octobre"),
        ("corps", "corps/p2", "Vous disposez d'un délai d'un mois"),
        ("corps", "corps/p3", "pas en gras"),
        ("corps", "corps/p4", "voie de recours"),
        ("corps", "corps/p5", "Maître Jean DUPONT\n12 rue de la Paix\t75002 PARIS"),
        ("tableau", "corps/t0/l0/c0/p0", "Principal"),
        ("tableau", "corps/t0/l0/c1/p0", "1 234,56 €"),
        ("tableau", "corps/t0/l1/c0/p0", ""),                 # paragraphe vide de la cellule, avant le tableau
        ("tableau", "corps/t0/l1/c0/t0/l0/c0/p0", "imbriqué"),
        ("tableau", "corps/t0/l1/c0/p1", ""),                 # Word exige un paragraphe après un tableau imbriqué
        ("tableau", "corps/t0/l1/c1/p0", "fin du tableau"),
        ("corps", "corps/p6", "Le 5 octobre 20263"),
        ("corps", "corps/p7", "tribunal judiciaire de Paris"),
        ("corps", "corps/p8", "Ancre fin"),
        ("zone_texte", "corps/p8/z0/p0", "DANS LA ZONE"),       # une seule fois : la copie mc:Fallback est ignorée
        ("corps", "corps/p9", "Dernier paragraphe"),
        ("pied", "pied:footer1.xml/p0", "Coût de l'acte"),
    ]
    assert [b.indice for b in document.blocs] == list(range(len(document.blocs)))
    assert [b.ligne for b in document.blocs] == list(range(1, len(document.blocs) + 1))


def test_docx_segments_portent_gras_majuscules_taille_aux_positions_exactes(docx_complet):
    bloc = _bloc(lire(docx_complet), "corps/p1")
    gras, lien, date = bloc.segments
    assert (gras.debut, gras.fin, gras.gras, gras.majuscules, gras.source) == (0, 25, True, False, "r0")
    assert bloc.texte[gras.debut:gras.fin] == "L'AN DEUX MILLE VINGT-SIX"
    assert (lien.debut, lien.fin, lien.gras, lien.source) == (25, 32, False, "r1")
    assert (date.debut, date.fin, date.majuscules, date.taille, date.gras) == (32, 44, True, 14.0, False)
    assert bloc.texte[date.debut:date.fin] == "cinq octobre"      # w:caps : le texte garde sa casse d'origine
    assert bloc.est_mis_en_evidence(32, 44) and not bloc.est_mis_en_evidence(26, 31)


def test_docx_gras_herite_du_style_de_paragraphe_et_style_de_caractere(docx_complet):
    document = lire(docx_complet)
    herite = _bloc(document, "corps/p2")
    assert herite.style == "Mention"
    assert [s.gras for s in herite.segments] == [True]
    assert [s.gras for s in _bloc(document, "corps/p3").segments] == [False]   # w:b w:val="0" direct l'emporte
    (fort,) = _bloc(document, "corps/p4").segments
    assert (fort.souligne, fort.majuscules, fort.gras) == (True, True, False)
    assert [s.gras for s in _bloc(document, "corps/p8/z0/p0").segments] == [True]


def test_docx_saut_de_ligne_et_tabulation_dans_le_bloc(docx_complet):
    document = lire(docx_complet)
    bloc = _bloc(document, "corps/p5")
    assert bloc.texte.split("\n") == ["Maître Jean DUPONT", "12 rue de la Paix\t75002 PARIS"]
    (segment,) = bloc.segments                          # un seul run : texte, saut, texte, tabulation, texte
    assert (segment.debut, segment.fin) == (0, len(bloc.texte))
    assert bloc.ligne == 7                              # le saut de ligne ne change pas le rang du paragraphe


def test_docx_saut_de_page_entre_deux_textes_seulement(tmp_path):
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)        # paragraphe fait d'un saut de page
    p = d.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)                         # saut de page en tête de paragraphe
    p.add_run("Page deux")
    p = d.add_paragraph()
    r = p.add_run("avant")
    r.add_break(WD_BREAK.PAGE)
    p.add_run("après").add_break(WD_BREAK.COLUMN)               # saut de colonne en fin de paragraphe
    d.save(tmp_path / "sauts.docx")
    document = lire(tmp_path / "sauts.docx")
    assert [b.texte for b in document.blocs] == ["", "Page deux", "avant\naprès"]
    assert [(s.debut, s.fin, s.source) for s in document.blocs[2].segments] == [(0, 5, "r0"), (5, 11, "r1")]


def test_docx_champs_resultat_seul_et_revisions(docx_complet):
    document = lire(docx_complet)
    champs = _bloc(document, "corps/p6")
    assert "DATE" not in champs.texte
    assert [(s.source, champs.texte[s.debut:s.fin]) for s in champs.segments] == [
        ("r0", "Le "), ("r4", "5 octobre 2026"), ("r6", "3")]
    revisions = _bloc(document, "corps/p7")
    assert "instance" not in revisions.texte and "caché" not in revisions.texte


def test_docx_localiser_renvoie_au_bloc_et_au_segment(docx_complet):
    document = lire(docx_complet)
    texte = document.texte
    position = texte.index("cinq octobre")
    bloc, dans_bloc = document.localiser(position)
    assert (bloc.source, dans_bloc) == ("corps/p1", 32)
    assert bloc.segment_a(dans_bloc).majuscules
    position = texte.index("75002")
    bloc, dans_bloc = document.localiser(position)
    assert bloc.texte[dans_bloc:dans_bloc + 5] == "75002"
    for i in range(0, len(texte), 7):
        bloc, dans_bloc = document.localiser(i)
        assert texte[i] == (bloc.texte[dans_bloc] if dans_bloc < len(bloc.texte) else "\n")


def test_docx_lu_depuis_octets_et_fichier_jamais_modifie(docx_complet):
    avant = (docx_complet.stat().st_mtime_ns, hashlib.sha256(docx_complet.read_bytes()).hexdigest())
    depuis_fichier = lire(docx_complet)
    depuis_octets = lire_octets(docx_complet.read_bytes(), "acte.docx")
    assert depuis_octets.texte == depuis_fichier.texte and depuis_octets.chemin == "acte.docx"
    assert (docx_complet.stat().st_mtime_ns, hashlib.sha256(docx_complet.read_bytes()).hexdigest()) == avant


def test_docx_lu_en_parallele_par_plusieurs_fils(docx_complet):
    from concurrent.futures import ThreadPoolExecutor

    attendu = [(b.source, b.texte, b.segments) for b in lire(docx_complet).blocs]
    with ThreadPoolExecutor(max_workers=8) as fils:
        lus = list(fils.map(lambda _: [(b.source, b.texte, b.segments) for b in lire(docx_complet).blocs], range(40)))
    assert all(lu == attendu for lu in lus)


def test_docx_renomme_en_txt_reconnu_par_sa_signature(docx_complet, tmp_path):
    renomme = tmp_path / "acte.txt"
    renomme.write_bytes(docx_complet.read_bytes())
    assert lire(renomme).format == "docx"


def test_docx_meme_texte_que_python_docx_pour_le_corps(docx_realiste):
    corps = [b.texte for b in lire(docx_realiste).blocs if b.partie == "corps"]
    assert corps == [p.text for p in docx.Document(str(docx_realiste)).paragraphs]


# --- fichiers d'un autre producteur (LibreOffice, voir tests/donnees/documents/LISEZMOI.md) -------------------------

DONNEES = Path(__file__).parent / "donnees" / "documents"
_TEXTE_LIBREOFFICE = [
    ("entete", "SCP DUPONT, commissaires de justice"),
    ("corps", "SIGNIFICATION D'UN JUGEMENT"),
    ("corps", "L'AN DEUX MILLE VINGT-SIX et le cinq octobre"),
    ("corps", "Vous disposez d'un délai d'un mois"),
    ("corps", "pas en gras"),
    ("corps", "voie de recours"),
    ("corps", "Maître Jean DUPONT\n12 rue de la Paix\t75002 PARIS"),
    ("tableau", "Principal"),
    ("tableau", "1 234,56 €"),
    ("tableau", ""),
    ("tableau", "imbriqué"),
    ("tableau", ""),
    ("tableau", "fin du tableau"),
    ("corps", "Le 30 November 2026{page}"),          # champ DATE figé par LibreOffice, puis numéro de page
    ("corps", "tribunal judiciaire de Paris"),
    ("corps", "Ancre fin"),
    ("zone_texte", "DANS LA ZONE"),
    ("corps", "Dernier paragraphe"),
    ("pied", "Coût de l'acte"),
]


@pytest.mark.parametrize("fichier, page", [("acte-libreoffice.odt", "0"), ("acte-libreoffice.docx", "1")])
def test_odt_et_docx_de_libreoffice(fichier, page):
    document = lire(DONNEES / fichier)
    attendu = [(partie, texte.format(page=page)) for partie, texte in _TEXTE_LIBREOFFICE]
    assert [(b.partie, b.texte) for b in document.blocs] == attendu
    faits = {b.texte: [(b.texte[s.debut:s.fin], s.gras, s.majuscules, s.souligne) for s in b.segments]
             for b in document.blocs[2:6]}
    assert faits["L'AN DEUX MILLE VINGT-SIX et le cinq octobre"] == [
        ("L'AN DEUX MILLE VINGT-SIX", True, False, False), (" et le ", False, False, False),
        ("cinq octobre", False, True, False)]
    assert faits["Vous disposez d'un délai d'un mois"] == [("Vous disposez d'un délai d'un mois", True, False, False)]
    assert faits["voie de recours"] == [("voie de recours", False, True, True)]


def test_pdf_de_libreoffice_polices_incorporees():
    document = lire(DONNEES / "acte-libreoffice.pdf")
    assert [b.texte for b in document.blocs[:9]] == [
        "SCP DUPONT, commissaires de justice", "SIGNIFICATION D'UN JUGEMENT",
        "L'AN DEUX MILLE VINGT-SIX et le CINQ OCTOBRE", "Vous disposez d'un délai d'un mois", "pas en gras",
        "VOIE DE RECOURS", "Maître Jean DUPONT", "12 rue de la Paix 75002 PARIS", "Principal 1 234,56 €"]
    assert {b.source.split("/")[0] for b in document.blocs} == {"page1"}


def test_vrai_fichier_word_97_refuse():
    from actes.erreurs import DocumentChiffre

    with pytest.raises(DocumentChiffre, match=r"format Word 97-2003 \(\.doc\) : enregistrez-le en \.docx"):
        lire(DONNEES / "acte-word97.doc")


# --- acte réaliste et vitesse -------------------------------------------------------------------------------------

_PHRASES = (
    "Agissant en vertu d'un jugement rendu contradictoirement et en premier ressort par le tribunal judiciaire de "
    "Lyon le 12 janvier 2026, ",
    "j'ai, commissaire de justice soussigné, signifié et laissé copie à la partie requise de la décision ci-dessus, ",
    "en lui indiquant qu'elle dispose d'un délai d'un mois pour en relever appel devant la cour d'appel de Lyon, ",
    "et que l'auteur d'un recours abusif ou dilatoire peut être condamné à une amende civile. ",
)


@pytest.fixture(scope="module")
def docx_realiste(tmp_path_factory):
    """Acte d'environ 1 500 mots sur trois pages : en-tête, titres, corps, décompte en tableau, pied."""
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "SELARL ACTA, commissaires de justice associés, 10 quai Saint-Antoine"
    d.sections[0].footer.paragraphs[0].text = "Acte soumis à la taxe forfaitaire (CGI:302 bis Y)"
    d.add_heading("SIGNIFICATION D'UN JUGEMENT", level=1)
    for rang in range(40):
        p = d.add_paragraph()
        r = p.add_run(f"{rang + 1}°) ")
        r.bold = True
        for phrase in _PHRASES[: 1 + rang % 4]:
            p.add_run(phrase)
        if rang % 5 == 0:
            r = p.add_run("TRÈS IMPORTANT")
            r.bold, r.underline = True, True
    tableau = d.add_table(rows=8, cols=2)
    for ligne in range(8):
        tableau.cell(ligne, 0).text = f"Émolument article A444-{ligne + 10}"
        tableau.cell(ligne, 1).text = f"{ligne * 11},{ligne:02d} €"
    chemin = tmp_path_factory.mktemp("realiste") / "realiste.docx"
    d.save(chemin)
    return chemin


def _mediane(fonction, fois=7):
    durees = []
    for _ in range(fois):
        debut = time.perf_counter()
        fonction()
        durees.append(time.perf_counter() - debut)
    return sorted(durees)[fois // 2]


def test_docx_realiste_lu_plus_vite_que_python_docx(docx_realiste):
    document = lire(docx_realiste)
    assert 1300 <= len(document.texte.split()) <= 2500
    ouvrir_python_docx = lambda: "\n".join(p.text for p in docx.Document(str(docx_realiste)).paragraphs)  # noqa: E731
    ours, reference = _mediane(lambda: lire(docx_realiste)), _mediane(ouvrir_python_docx)
    assert ours < reference, (ours, reference)


# --- .odt ----------------------------------------------------------------------------------------------------------

_ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
           'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
           'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"')


def _odt(corps: str, styles_auto: str = "", styles_xml: str | None = None) -> bytes:
    contenu = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODT_NS}>'
               f"<office:automatic-styles>{styles_auto}</office:automatic-styles>"
               f"<office:body><office:text>{corps}</office:text></office:body></office:document-content>")
    flux = io.BytesIO()
    with zipfile.ZipFile(flux, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", contenu, compress_type=zipfile.ZIP_DEFLATED)
        if styles_xml is not None:
            archive.writestr("styles.xml", f'<?xml version="1.0" encoding="UTF-8"?>'
                                           f'<office:document-styles {_ODT_NS}>{styles_xml}</office:document-styles>')
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    return flux.getvalue()


def test_odt_paragraphes_titres_listes_tableaux_cadres_et_mise_en_forme():
    styles_auto = (
        '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Titre"/>'
        '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="T2" style:family="text"><style:text-properties fo:text-transform="uppercase" '
        'style:text-underline-style="solid" fo:font-size="14pt"/></style:style>')
    styles_xml = ('<office:styles><style:style style:name="Titre" style:family="paragraph">'
                  '<style:text-properties fo:font-weight="bold"/></style:style></office:styles>'
                  '<office:master-styles><style:master-page style:name="Standard">'
                  '<style:header><text:p>ÉTUDE DUPONT</text:p></style:header>'
                  '<style:footer><text:p>page <text:page-number>1</text:page-number></text:p></style:footer>'
                  '</style:master-page></office:master-styles>')
    corps = (
        '<text:h text:style-name="P1">SIGNIFICATION</text:h>'
        '<text:p>  Le   <text:span text:style-name="T1">cinq</text:span> <text:span text:style-name="T2">octobre'
        '</text:span><text:s text:c="2"/>fin<text:tab/>x<text:line-break/>y'
        '<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>note</text:p></text:note-body>'
        '</text:note></text:p>'
        '<text:list><text:list-item><text:p>premier point</text:p></text:list-item></text:list>'
        '<table:table><table:table-row><table:table-cell><text:p>A1</text:p></table:table-cell>'
        '<table:covered-table-cell/><table:table-cell><text:p>B1</text:p></table:table-cell></table:table-row>'
        '</table:table>'
        '<text:p>Ancre<draw:frame><draw:text-box><text:p>ZONE</text:p></draw:text-box></draw:frame> suite</text:p>')
    document = lire_octets(_odt(corps, styles_auto, styles_xml), "acte.odt")
    assert document.format == "odt"
    assert [(b.partie, b.source, b.texte) for b in document.blocs] == [
        ("entete", "entete:Standard/header/p0", "ÉTUDE DUPONT"),
        ("corps", "corps/p0", "SIGNIFICATION"),
        ("corps", "corps/p1", "Le cinq octobre  fin\tx\ny"),
        ("corps", "corps/p2", "premier point"),
        ("tableau", "corps/t0/l0/c0/p0", "A1"),
        ("tableau", "corps/t0/l0/c1/p0", "B1"),
        ("corps", "corps/p3", "Ancre suite"),
        ("zone_texte", "corps/p3/z0/p0", "ZONE"),
        ("pied", "pied:Standard/footer/p0", "page 1"),
    ]
    assert document.blocs[1].segments[0].gras                      # gras hérité du style parent « Titre »
    bloc = document.blocs[2]
    faits = [(bloc.texte[s.debut:s.fin], s.gras, s.majuscules, s.souligne, s.taille) for s in bloc.segments]
    assert faits == [("Le ", False, False, False, None), ("cinq", True, False, False, None),
                     (" ", False, False, False, None), ("octobre", False, True, True, 14.0),
                     ("  fin\tx\ny", False, False, False, None)]


# --- .txt ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("octets", [
    "Première ligne\r\nDeuxième — fin\n".encode("utf-8"),
    b"\xef\xbb\xbf" + "Première ligne\nDeuxième — fin\n".encode("utf-8"),
    "\ufeffPremière ligne\nDeuxième — fin\n".encode("utf-16-le"),
])
def test_txt_utf8_bom_utf16_sans_avertissement(tmp_path, octets):
    fichier = tmp_path / "acte.txt"
    fichier.write_bytes(octets)
    document = lire(fichier)
    assert (document.format, document.avertissements) == ("txt", [])
    assert [(b.ligne, b.texte) for b in document.blocs] == [(1, "Première ligne"), (2, "Deuxième — fin"), (3, "")]


def test_txt_cp1252_lu_avec_avertissement(tmp_path):
    fichier = tmp_path / "acte.txt"
    fichier.write_bytes("Coût de l'acte : 12,34 € — signifié à Mme Hélène".encode("cp1252"))
    document = lire(fichier)
    assert document.texte == "Coût de l'acte : 12,34 € — signifié à Mme Hélène"
    assert document.avertissements == ["encodage cp1252 : le fichier n'est pas en UTF-8, lu en cp1252"]


def test_txt_ni_utf8_ni_cp1252_lu_en_latin1(tmp_path):
    fichier = tmp_path / "acte.txt"
    fichier.write_bytes(b"Caf\xe9 \x81")               # 0x81 n'existe pas en cp1252
    document = lire(fichier)
    assert document.texte == "Café \x81"
    assert document.avertissements == ["encodage latin-1 : le fichier n'est pas en UTF-8, lu en latin-1"]


def test_txt_de_10_mo_lu_en_temps_borne(tmp_path):
    fichier = tmp_path / "gros.txt"
    ligne = "Le commissaire de justice soussigné a signifié l'acte à la personne de M. DUPONT.\n"
    fichier.write_text(ligne * (10 * 1024 * 1024 // len(ligne)), encoding="utf-8")
    debut = time.perf_counter()
    document = lire(fichier)
    assert time.perf_counter() - debut < borne(5)
    assert len(document.blocs) == 10 * 1024 * 1024 // len(ligne) + 1


def test_txt_ligne_pathologique_de_500000_caracteres(tmp_path):
    fichier = tmp_path / "ligne.txt"
    fichier.write_text("A" * 500_000 + "\nfin", encoding="utf-8")
    debut = time.perf_counter()
    document = lire(fichier)
    assert time.perf_counter() - debut < borne(2)
    assert [len(b.texte) for b in document.blocs] == [500_000, 3]
    assert document.localiser(500_001) == (document.blocs[1], 0)


# --- .pdf ----------------------------------------------------------------------------------------------------------

def pdf_texte(pages: list[list[str]]) -> bytes:
    """PDF minimal à couche texte (Helvetica, WinAnsi), une liste de lignes par page."""
    objets: list[bytes | None] = [None, None, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                                              b"/Encoding /WinAnsiEncoding >>"]
    enfants = []
    for lignes in pages:
        echappees = (ligne.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
                     for ligne in lignes)
        flux = b"BT /F1 12 Tf 14 TL 72 720 Td " + b" ".join(b"(" + e + b") Tj T*" for e in echappees) + b" ET"
        objets.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(flux), flux))
        objets.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> "
                      b">> /Contents %d 0 R >>" % len(objets))
        enfants.append(len(objets))
    objets[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objets[1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in enfants)
                 + b"] /Count %d >>" % len(enfants))
    sortie, positions = bytearray(b"%PDF-1.4\n"), []
    for rang, objet in enumerate(objets, 1):
        positions.append(len(sortie))
        sortie += b"%d 0 obj\n%s\nendobj\n" % (rang, objet)
    xref = len(sortie)
    sortie += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objets) + 1)
    sortie += b"".join(b"%010d 00000 n \n" % p for p in positions)
    sortie += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objets) + 1, xref)
    return bytes(sortie)


def test_pdf_une_ligne_par_bloc_et_page_dans_la_source(tmp_path):
    fichier = tmp_path / "acte.pdf"
    fichier.write_bytes(pdf_texte([["SIGNIFICATION D'UN JUGEMENT", "le 5 octobre 2026 (14 h 30)"],
                                   ["Coût de l'acte : 12,34 €"]]))
    document = lire(fichier)
    assert document.format == "pdf" and document.avertissements == []
    assert [(b.source, b.ligne, b.texte) for b in document.blocs] == [
        ("page1/l1", 1, "SIGNIFICATION D'UN JUGEMENT"),
        ("page1/l2", 2, "le 5 octobre 2026 (14 h 30)"),
        ("page2/l1", 3, "Coût de l'acte : 12,34 €"),
    ]


def test_pdf_page_sans_texte_signalee(tmp_path):
    import pypdf

    ecrivain = pypdf.PdfWriter()
    ecrivain.append(pypdf.PdfReader(io.BytesIO(pdf_texte([["Texte de la page 1"]]))))
    ecrivain.add_blank_page(612, 792)
    flux = io.BytesIO()
    ecrivain.write(flux)
    document = lire_octets(flux.getvalue(), "mixte.pdf")
    assert document.texte == "Texte de la page 1"
    assert document.avertissements == ["pages sans couche texte (numérisées ?) : 2"]


def test_pdf_chiffre_sans_mot_de_passe_d_ouverture_est_lu():
    import pypdf

    ecrivain = pypdf.PdfWriter()
    ecrivain.append(pypdf.PdfReader(io.BytesIO(pdf_texte([["Texte protégé en écriture"]]))))
    ecrivain.encrypt(user_password="", owner_password="proprietaire", algorithm="RC4-128")
    flux = io.BytesIO()
    ecrivain.write(flux)
    assert lire_octets(flux.getvalue(), "droits.pdf").texte == "Texte protégé en écriture"


# --- modèle ------------------------------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from("\r\n"), max_size=200))
def test_document_de_texte_rend_le_texte_et_localise_chaque_caractere(texte):
    attendu = texte.replace("\r\n", "\n").replace("\r", "\n")
    document = document_de_texte(texte)
    assert document.texte == attendu
    for position, caractere in enumerate(attendu):
        bloc, dans_bloc = document.localiser(position)
        if caractere == "\n":
            assert dans_bloc == len(bloc.texte)
        else:
            assert bloc.texte[dans_bloc] == caractere
            assert document.debuts[bloc.indice] + dans_bloc == position
