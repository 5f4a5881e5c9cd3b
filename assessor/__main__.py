import sys

from assessor.cli import main
from assessor.paths import keep_new_files_private

keep_new_files_private()
sys.exit(main())
