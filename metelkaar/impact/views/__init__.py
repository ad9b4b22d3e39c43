"""Pages of impact, one module per topic.

``reports``: programme and organisation reports with their exports; ``learning``:
learning from outcomes; ``ties``: bridging ties; ``survey``: the neighbourhood
survey's coordinator pages and its public form (no account needed).
"""
