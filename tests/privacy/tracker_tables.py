"""Run inside ``.venv-rasa`` with deploy/rasa/tracker on PYTHONPATH: open the encrypting tracker
store on a PostgreSQL database (which creates Rasa's tables), printing a line before and after.

usage: tracker_tables.py <database-name>
"""

import sys

from tellonce_tracker_store import EncryptedSQLTrackerStore

print("opening", flush=True)
EncryptedSQLTrackerStore(dialect="postgresql", host="127.0.0.1", port=5432, db=sys.argv[1],
                         username="postgres")
print("opened", flush=True)
