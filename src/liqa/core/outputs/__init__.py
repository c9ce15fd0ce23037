"""Everything participants and organizers hold: agendas (HTML, PDF, ICS), grids, report.

All rendering goes through one Jinja2 environment (:mod:`liqa.core.templating`) and one
gettext catalog (:mod:`liqa.core.i18n`); the CLI and the web app call these functions.
"""

from liqa.core.outputs.mpl_config import use_writable_dir

use_writable_dir()  # before any module of this package imports matplotlib (charts)
