import sys

from assessor.paths import keep_new_files_private
from cli.main import main

keep_new_files_private()
sys.exit(main())
