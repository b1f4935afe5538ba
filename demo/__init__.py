"""Demo content: YAML data files in each app's `demo/` folder, read by one loader (`demo/loader.py`).

A tool app: `seed_demo` lives here, and no other app imports it. The data format is described in docs/demo-content.md.
"""

# The microsite's host name in the demo data (campaigns/demo/1-microsite.yaml); tests use it to reach the microsite.
MICROSITE_HOSTNAME = "ilegalevrouw.localhost"
