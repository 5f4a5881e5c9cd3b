"""Every change a worker can make, as one Qt-free operation in one transaction.

The desktop, the command line and (soon) the council's hub call the same operations, so each
rule lives once. Each returns what it changed (`OpResult`), so a face refreshes what it shows
from one report rather than from signals of its own. Modelled on Anki's `CollectionOp` and
`OpChanges` (qt/aqt/operations/).
"""
