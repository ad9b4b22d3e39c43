"""Bridging ties: who knows whom, from matches and repeated co-attendance.

A tie joins two people when, on a given day,

* they are the two sides of a match that is running (started, not yet ended), or
* they came to the same group session (language café) at least
  :data:`MIN_SESSIONS_TOGETHER` times up to that day.

A tie *bridges* when it joins a newcomer and a long-time resident, or a
young person (under 30) and an older one (60 or over). Group membership:

* visitors of group sessions say themselves whether they are new in the
  Netherlands (``SessionRsvp.background``);
* for people in matches Metelkaar has no such field, so a person counts as a
  newcomer when they are enrolled on a side whose label says "newcomer"
  ("nieuwkomer"), or when their Dutch is below conversational level (1–2 of 5).
  No special-category data (origin, residence status) is used.

The network is built with networkx; nothing here shows a name.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from metelkaar.activities.models import SessionRsvp
from metelkaar.matches.models import Match

MIN_SESSIONS_TOGETHER = 2
YOUNG_BELOW, OLD_FROM = 30, 60
NEWCOMER_WORDS = ("newcomer", "nieuwkomer", "statushouder", "new in")
MAX_PICTURE_NODES = 150


@dataclass(frozen=True)
class Point:
    day: dt.date
    ties: int
    newcomer_resident: int
    young_old: int
    people: int


def _age_group(birth_year, year) -> str:
    if not birth_year:
        return ""
    age = year - birth_year
    return "young" if age < YOUNG_BELOW else "old" if age >= OLD_FROM else "middle"


def _facts(organisation):
    """Match spans, co-attendance days and each node's groups, in three queries."""
    nodes: dict[str, dict] = {}
    spans = []
    rows = Match.objects.filter(
        programme__organisation=organisation, started_at__isnull=False
    ).values("started_at", "ended_at", "enrolment_a__side", "enrolment_b__side",
             "programme__side_a_label", "programme__side_b_label",
             "enrolment_a__person_id", "enrolment_b__person_id",
             "enrolment_a__person__birth_year", "enrolment_b__person__birth_year",
             "enrolment_a__person__languages", "enrolment_b__person__languages",
             "enrolment_a__person__email", "enrolment_b__person__email")
    email_to_node = {}
    for m in rows:
        ends = []
        for s in ("a", "b"):
            node = f"p{m[f'enrolment_{s}__person_id']}"
            side = m[f"enrolment_{s}__side"]
            label = (m["programme__side_a_label"] if side == "a"
                     else m["programme__side_b_label"] if side == "b" else "") or ""
            dutch = (m[f"enrolment_{s}__person__languages"] or {}).get("nl")
            facts = nodes.setdefault(node, {"newcomer": None, "birth_year": None})
            if any(word in label.lower() for word in NEWCOMER_WORDS) or (
                    isinstance(dutch, int) and dutch <= 2):
                facts["newcomer"] = True
            elif facts["newcomer"] is None:
                facts["newcomer"] = False
            facts["birth_year"] = m[f"enrolment_{s}__person__birth_year"]
            email = (m[f"enrolment_{s}__person__email"] or "").lower()
            if email:
                email_to_node[email] = node
            ends.append(node)
        spans.append((ends[0], ends[1], m["started_at"], m["ended_at"]))

    attendance = defaultdict(set)  # session (date, pk) -> nodes
    for r in SessionRsvp.objects.filter(
        session__series__programme__organisation=organisation, attended=True
    ).values("session_id", "session__date", "visitor_key", "background"):
        key = r["visitor_key"].lower()
        node = email_to_node.get(key, f"v{key}")
        facts = nodes.setdefault(node, {"newcomer": None, "birth_year": None})
        if r["background"] in ("newcomer", "resident") and facts["newcomer"] is None:
            facts["newcomer"] = r["background"] == "newcomer"
        attendance[(r["session__date"], r["session_id"])].add(node)
    return nodes, spans, sorted(attendance.items())


def network_on(day: dt.date, nodes, spans, sessions) -> nx.Graph:
    """The who-knows-whom graph on ``day``."""
    graph = nx.Graph()
    for a, b, started, ended in spans:
        if started <= day and (ended is None or ended > day):
            graph.add_edge(a, b, kind="match")
    together = defaultdict(int)
    for (date, _pk), present in sessions:
        if date > day:
            break
        for a, b in combinations(sorted(present), 2):
            together[(a, b)] += 1
    for (a, b), count in together.items():
        if count >= MIN_SESSIONS_TOGETHER:
            graph.add_edge(a, b, kind="group")
    for node in graph.nodes:
        graph.nodes[node].update(nodes.get(node, {}))
    return graph


def bridging(graph: nx.Graph, a, b, year: int) -> tuple[bool, bool]:
    """(newcomer ↔ long-time resident, young ↔ old) for the tie a–b."""
    na, nb = graph.nodes[a].get("newcomer"), graph.nodes[b].get("newcomer")
    ga = _age_group(graph.nodes[a].get("birth_year"), year)
    gb = _age_group(graph.nodes[b].get("birth_year"), year)
    return (na is not None and nb is not None and na != nb,
            {ga, gb} == {"young", "old"})


def tie_trend(organisation, days: list[dt.date]) -> tuple[list[Point], nx.Graph | None]:
    """Counts of ties on each day, and the graph on the last day."""
    nodes, spans, sessions = _facts(organisation)
    points, graph = [], None
    for day in days:
        graph = network_on(day, nodes, spans, sessions)
        nr = yo = 0
        for a, b in graph.edges:
            x, y = bridging(graph, a, b, day.year)
            nr += x
            yo += y
        points.append(Point(day, graph.number_of_edges(), nr, yo, graph.number_of_nodes()))
    return points, graph


def picture_data(graph: nx.Graph, year: int):
    """Positions (no names) for :func:`metelkaar.impact.charts.network_picture`."""
    if graph is None or not graph.number_of_nodes():
        return [], []
    keep = sorted(graph.nodes, key=lambda n: (-graph.degree(n), str(n)))[:MAX_PICTURE_NODES]
    sub = graph.subgraph(keep)
    layout = nx.spring_layout(sub, seed=7)
    index = {node: k for k, node in enumerate(sub.nodes)}
    dots = []
    for node in sub.nodes:
        x, y = layout[node]
        newcomer = sub.nodes[node].get("newcomer")
        dots.append((float(x), float(y), 0 if newcomer is False else 1 if newcomer else 2))
    lines = [(index[a], index[b], any(bridging(sub, a, b, year))) for a, b in sub.edges]
    return dots, lines
