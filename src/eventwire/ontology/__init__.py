"""CAMEO codebook, PLOVER types, the CAMEO->PLOVER crosswalk, Goldstein values and quad classes.

    from eventwire.ontology import load_ontology
    onto = load_ontology()
    onto.cameo["041"].plover_mode   # 'phone'
    onto.for_cameo("0415").code     # '041': codes the book lacks fall back to their parent

The facts live in ./data (see docs/ontology.md); this package only reads and validates them.
"""

from eventwire.ontology.loader import DATA_DIR, load_ontology
from eventwire.ontology.records import CameoCode, Ontology, PloverContext, PloverMode, PloverType

__all__ = [
    "DATA_DIR",
    "CameoCode",
    "Ontology",
    "PloverContext",
    "PloverMode",
    "PloverType",
    "load_ontology",
]
