"""Contrôles communs à toute la suite : chaque rapport JSON produit (dans le processus ou par la CLI lancée en
sous-processus, qui hérite de l'environnement) est validé contre le schéma livré `actes/rapport-v1.schema.json`."""
import os

os.environ["ACTES_CONTROLE_SCHEMA"] = "1"
