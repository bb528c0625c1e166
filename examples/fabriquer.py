"""Fabrique les actes d'exemple (.docx) de ce dossier avec python-docx : `python examples/fabriquer.py`.

- signification-jugement-conforme.docx : signification d'un jugement du tribunal judiciaire, remise à domicile, conforme ;
- signification-jugement-erreurs.docx : le même acte, daté autrement, avec des non-conformités connues (tribunal de
  grande instance pour un jugement de 2026, délai d'appel de quinze jours écrit sans mise en évidence, amende civile
  omise, dépôt à l'étude sans les vérifications du domicile, notification aux avocats omise) ;
- proces-verbal-recherches-infructueuses.docx : procès-verbal de l'article 659 dont la lettre recommandée part trop tard ;
- les actes que `actes rediger` tire des dossiers d'exemple `dossier-<type>.yaml` (commandement de payer aux fins de
  saisie-vente, dénonciation de saisie-attribution, lettre de recouvrement amiable, commandement de payer visant la
  clause résolutoire, requête en injonction de payer) : conformes, `actes verifier` n'y relève rien ; chacun peut
  servir de base à un sujet (`actes exercice`).

Les personnes, sociétés et numéros sont fictifs.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

DOSSIER = Path(__file__).resolve().parent

# Chaque paragraphe : liste de morceaux (texte, style) ; style : "" (normal), "g" (gras), "s" (souligné), "gs".
ENTETE = [
    [("SELARL RHÔNE EXÉCUTION", "g")],
    [("Commissaires de justice associés", "")],
    [("14 quai Victor Augagneur – 69003 LYON", "")],
    [("Dossier : 26-0977 / MD", "")],
]

REQUERANT = [
    [("A LA REQUETE DE :", "gs")],
    [("Monsieur Olivier MARCHAND", "g"), (", né le 12 mars 1968 à Bron (Rhône), de nationalité française, chef "
     "d'entreprise, demeurant 31 rue Tronchet, 69006 LYON,", "")],
    [("Ayant pour avocat Maître Hélène ROUX, avocat au barreau de Lyon, y demeurant 9 rue de la Bourse, 69002 LYON,", "")],
    [("J'AI, Maître Mathieu DUMAS, commissaire de justice associé de la SELARL RHÔNE EXÉCUTION, titulaire d'un "
      "office à LYON, y demeurant 14 quai Victor Augagneur, soussigné,", "")],
    [("SIGNIFIÉ ET LAISSÉ COPIE À :", "gs")],
    [("Madame Nadia BERGER", "g"), (", demeurant 5 rue Paul Bert, 69003 LYON,", "")],
]

COUT = [
    [("COÛT DE L'ACTE", "gs")],
    [("Émolument (art. R. 444-3 du code de commerce) ....... 27,91", "")],
    [("Transport ....... 9,40", "")],
    [("Total HT ....... 37,31", "")],
    [("TVA 20 % ....... 7,46", "")],
    [("Frais postaux ....... 2,16", "")],
    [("TOTAL TTC ....... 46,93 €", "g")],
    [("Maître Mathieu DUMAS", "")],
    [("Commissaire de justice", "")],
]


def signification_conforme() -> list:
    """Signification d'un jugement du tribunal judiciaire de Lyon, remise à domicile (CPC:655), conforme."""
    return [
        *ENTETE,
        [("SIGNIFICATION DE JUGEMENT", "titre")],
        [("L'AN DEUX MILLE VINGT-SIX ET LE MERCREDI QUATORZE OCTOBRE", "g")],
        *REQUERANT,
        [("D'un jugement contradictoire en premier ressort rendu le 17 septembre 2026 par le tribunal judiciaire de "
          "Lyon (10e chambre civile), RG n° 25/06120, condamnant Madame Nadia BERGER à payer à Monsieur Olivier "
          "MARCHAND la somme de 12 480,00 euros au titre du solde d'un prêt, avec intérêts au taux légal à compter "
          "du 6 janvier 2025, 1 500,00 euros au titre de l'article 700 du code de procédure civile et les dépens.", "")],
        [("Ce jugement a été préalablement notifié aux avocats des parties le 1er octobre 2026, conformément à "
          "l'article 678 du code de procédure civile.", "")],
        [("TRÈS IMPORTANT", "gs")],
        [("Cette décision peut faire l'objet d'un ", ""), ("APPEL DANS LE DÉLAI D'UN MOIS", "g"),
         (" à compter de la présente signification.", "")],
        [("L'appel est porté devant la cour d'appel de Lyon, dont le siège est à Lyon, par déclaration d'appel "
          "remise par voie électronique au greffe de la cour par un avocat, dont la constitution est obligatoire.", "")],
        [("L'auteur d'un appel principal dilatoire ou abusif peut être condamné à une amende civile d'un montant "
          "maximum de 10 000 euros, sans préjudice des dommages-intérêts qui pourraient être réclamés.", "")],
        [("MODALITÉS DE REMISE", "gs")],
        [("Le 14 octobre 2026 à 17 h 40, je me suis présenté au domicile de Madame Nadia BERGER ; la destinataire "
          "étant absente, la remise à sa personne s'est révélée impossible. La copie a été remise sous enveloppe "
          "fermée, portant le cachet de l'étude sur la fermeture, à Monsieur Karim BERGER, son époux, qui a accepté "
          "de la recevoir et a déclaré ses nom, prénoms et qualité. Un avis de passage daté mentionnant la nature de "
          "l'acte, le nom du requérant et les indications relatives à la personne ayant reçu la copie a été laissé "
          "au domicile. La lettre simple prévue par l'article 658 du code de procédure civile, avec copie de l'acte, "
          "a été adressée le 14 octobre 2026.", "")],
        *COUT,
    ]


def signification_erreurs() -> list:
    """Le même acte avec des non-conformités connues (voir la docstring du module)."""
    return [
        *ENTETE,
        [("SIGNIFICATION DE JUGEMENT", "titre")],
        [("L'AN DEUX MILLE VINGT-SIX ET LE MERCREDI QUATORZE OCTOBRE", "g")],
        *REQUERANT,
        [("D'un jugement contradictoire en premier ressort rendu le 17 septembre 2026 par le tribunal de grande "
          "instance de Lyon (10e chambre civile), RG n° 25/06120, condamnant Madame Nadia BERGER à payer à Monsieur "
          "Olivier MARCHAND la somme de 12 480,00 euros au titre du solde d'un prêt, avec intérêts au taux légal à "
          "compter du 6 janvier 2025, 1 500,00 euros au titre de l'article 700 du code de procédure civile et les "
          "dépens.", "")],
        [("TRÈS IMPORTANT", "gs")],
        [("Cette décision peut faire l'objet d'un appel dans le délai de quinze jours à compter de la présente "
          "signification.", "")],
        [("L'appel est porté devant la cour d'appel de Lyon, dont le siège est à Lyon, par déclaration d'appel "
          "remise par voie électronique au greffe de la cour par un avocat, dont la constitution est obligatoire.", "")],
        [("MODALITÉS DE REMISE", "gs")],
        [("Le 14 octobre 2026 à 17 h 40, je me suis présenté au domicile de Madame Nadia BERGER ; la destinataire "
          "étant absente, la remise à sa personne s'est révélée impossible. Aucune personne présente n'ayant pu "
          "recevoir la copie, je l'ai déposée en mon étude sous enveloppe fermée ne portant que les nom et adresse "
          "de la destinataire et le cachet de l'étude sur la fermeture du pli. J'ai laissé au domicile un avis de "
          "passage daté, mentionnant la nature de l'acte et le nom du requérant, invitant la destinataire à retirer "
          "la copie dans le plus bref délai à l'étude, contre récépissé ou émargement. La lettre simple prévue par "
          "l'article 658 du code de procédure civile, avec copie de l'acte, a été adressée le 14 octobre 2026.", "")],
        *COUT,
    ]


def recherches_infructueuses() -> list:
    """Procès-verbal de recherches infructueuses (CPC:659) : lettre recommandée envoyée trois jours après."""
    return [
        [("SCP MARTIN – LEROY", "g")],
        [("Commissaires de justice associés", "")],
        [("5 rue Nationale – 59000 LILLE", "")],
        [("PROCÈS-VERBAL DE RECHERCHES INFRUCTUEUSES", "titre")],
        [("(Article 659 du code de procédure civile)", "")],
        [("L'AN DEUX MILLE VINGT-SIX ET LE LUNDI SEIZE NOVEMBRE", "g")],
        [("A LA REQUETE DE :", "gs")],
        [("La société CAISSE RÉGIONALE DE CRÉDIT DES FLANDRES", "g"),
         (", société coopérative à capital variable, immatriculée au RCS de Lille sous le numéro 321 654 987, dont "
          "le siège social est 10 avenue Foch, 59000 LILLE, agissant poursuites et diligences de son directeur "
          "général domicilié en cette qualité audit siège,", "")],
        [("J'AI, Maître Sophie LEROY, commissaire de justice associée de la SCP MARTIN – LEROY, titulaire d'un "
          "office à LILLE, y demeurant 5 rue Nationale, soussignée,", "")],
        [("ENTENDU SIGNIFIER À :", "gs")],
        [("Monsieur Jordan LEFEBVRE", "g"), (", dernier domicile connu 48 rue Gambetta, 59000 LILLE,", "")],
        [("D'un jugement contradictoire en premier ressort rendu le 22 octobre 2026 par le tribunal judiciaire de "
          "Lille, RG n° 26/01184, condamnant Monsieur Jordan LEFEBVRE à payer à la société CAISSE RÉGIONALE DE "
          "CRÉDIT DES FLANDRES la somme de 5 236,40 euros.", "")],
        [("DILIGENCES ACCOMPLIES", "gs")],
        [("Le 16 novembre 2026 à 9 h 30, je me suis transportée 48 rue Gambetta à LILLE. Le nom du destinataire ne "
          "figure ni sur les boîtes aux lettres ni sur l'interphone. La gardienne de l'immeuble, Madame Anne COLIN, "
          "m'a déclaré que Monsieur Jordan LEFEBVRE a quitté les lieux au cours de l'été sans laisser d'adresse. "
          "J'ai interrogé les voisins du deuxième étage, qui ignorent sa nouvelle adresse. La mairie de Lille n'a pu "
          "me communiquer aucune adresse. J'ai consulté l'annuaire électronique, sans résultat.", "")],
        [("Le destinataire n'ayant ni domicile, ni résidence, ni lieu de travail connus, j'ai dressé le présent "
          "procès-verbal de recherches infructueuses.", "")],
        [("Le 19 novembre 2026, j'ai adressé au destinataire, à sa dernière adresse connue, par lettre recommandée "
          "avec demande d'avis de réception, une copie du présent procès-verbal, à laquelle était jointe une copie "
          "de l'acte objet de la signification. Le même jour, je l'ai avisé par lettre simple de l'accomplissement "
          "de cette formalité.", "")],
        [("COÛT DE L'ACTE", "gs")],
        [("Émolument ....... 27,91", "")],
        [("Frais postaux ....... 9,84", "")],
        [("Total ....... 37,75 €", "g")],
        [("Maître Sophie LEROY", "")],
        [("Commissaire de justice", "")],
    ]


def ecrire(paragraphes: list, chemin: Path) -> None:
    """Écrit un acte en .docx : titre centré en gras de 14 points, gras et soulignés comme dans les actes réels."""
    document = Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(11)
    for morceaux in paragraphes:
        paragraphe = document.add_paragraph()
        for texte, style in morceaux:
            run = paragraphe.add_run(texte)
            if style == "titre":
                paragraphe.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run.bold = True
                run.font.size = Pt(14)
            if "g" in style:
                run.bold = True
            if "s" in style:
                run.underline = True
    document.core_properties.author = "actes (exemple)"
    document.save(str(chemin))


# Actes rédigés d'après un dossier d'exemple : nom du .docx → (type, dossier).
REDIGES = {
    "commandement-saisie-vente-redige.docx": ("commandement_saisie_vente", "dossier-commandement-saisie-vente.yaml"),
    "denonciation-saisie-attribution-redigee.docx": ("denonciation_saisie_attribution",
                                                     "dossier-denonciation-saisie-attribution.yaml"),
    "lettre-recouvrement-amiable-redigee.docx": ("lettre_recouvrement_amiable",
                                                 "dossier-lettre-recouvrement-amiable.yaml"),
    "commandement-payer-clause-resolutoire-redige.docx": ("commandement_payer_clause_resolutoire",
                                                          "dossier-commandement-payer-clause-resolutoire.yaml"),
    "requete-injonction-de-payer-redigee.docx": ("requete_injonction_de_payer",
                                                 "dossier-requete-injonction-de-payer.yaml"),
}


def rediger(type_acte: str, dossier: str) -> bytes:
    """Octets du .docx que `actes rediger TYPE --dossier examples/DOSSIER` écrit (même dossier, mêmes octets)."""
    from actes.redaction.dossier import charger_dossier
    from actes.redaction.execution import rediger_acte, types_rediges

    donnees = charger_dossier(DOSSIER / dossier, types_rediges()[type_acte]["schema"])
    return rediger_acte(type_acte, donnees).docx


ACTES = {
    "signification-jugement-conforme.docx": signification_conforme,
    "signification-jugement-erreurs.docx": signification_erreurs,
    "proces-verbal-recherches-infructueuses.docx": recherches_infructueuses,
}


def main(dossier: Path = DOSSIER) -> int:
    """Écrit les exemples dans `dossier`."""
    for nom, fabrique in ACTES.items():
        ecrire(fabrique(), dossier / nom)
        print(dossier / nom)
    for nom, (type_acte, donnees) in REDIGES.items():
        (dossier / nom).write_bytes(rediger(type_acte, donnees))
        print(dossier / nom)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DOSSIER))
