#!/usr/bin/env bash
# Create the peers' virtual environment for bench/run.py: spaCy (bn), bnlp-toolkit, indic-nlp-library.
# They live apart from khobor's environment so that their dependencies never mix with khobor's.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv-peers
.venv-peers/bin/pip install --quiet --upgrade pip
.venv-peers/bin/pip install --quiet spacy bnlp-toolkit indic-nlp-library
echo "peers installed in .venv-peers"
