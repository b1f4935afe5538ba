"""Numbers about people that the public may see, for every app that publishes counts (the shelter figures at
/cijfers/, the Meldpunt's numbers, their chart blocks in news items and publications).

- `disclosure`: small counts are never shown and never follow from a total ("<5", "x"), small groups are pooled;
  pure functions, the one place these rules live;
- `tables`: what is published (`Table` of protected counts, `Period` a calendar quarter, `Published` the shape of
  one page of numbers);
- `charts` (accessible SVG drawn on the server, with `templates/components/chart.html`) and `presentation`
  (a table as its chart);
- `downloads`: CSV and JSON of exactly the tables a page shows;
- `blocks`: the base of the chart blocks editors place in bodies.

Which numbers exist and how they are counted is each app's own (`figures/statistics.py`, `meldpunt/statistics.py`).
A base app: it imports no feature app.
"""
