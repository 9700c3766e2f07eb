"""Charts of a dyad report (``build_dyad_report``), drawn with matplotlib's Agg renderer.

- ``monthly_intensity``: mean intensity of actual, non-negated events per month, one line per
  direction (−10 … +10);
- ``event_types``: events by PLOVER type for each direction (all reports, and the actual
  non-negated ones);
- ``stance``: the stance score of each source over time (−1 … +1), one point per document.

Figures are built with ``matplotlib.figure.Figure`` (no pyplot), so drawing a chart never
changes the caller's matplotlib backend or state, and nothing is fetched from the network.
PNG or SVG; SVG output is deterministic (fixed hash salt, no date).
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dyadwatch.report.dyad import DyadReport

__all__ = ["CHARTS", "chart_bytes", "write_charts"]

COLORS = ("#1f77b4", "#d62728")
FORMATS = ("png", "svg")


def _figure(width: float = 8.0, height: float = 3.6) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _month_date(month: str) -> date:
    return date(int(month[:4]), int(month[5:7]), 1)


def _published_date(value: str) -> date | None:
    """A date to plot: a month-only date at mid-month, a year-only date at mid-year."""
    try:
        parts = [int(p) for p in value.split("-")][:3]
        if len(parts) == 1:
            return date(parts[0], 7, 1)
        if len(parts) == 2:
            return date(parts[0], parts[1], 15)
        return date(*parts)
    except (ValueError, TypeError):
        return None


def _date_axis(ax: Any, dates: list[date]) -> None:
    """Month ticks labelled YYYY-MM (years when the span is long), a little room at both ends."""
    from datetime import timedelta

    from matplotlib.dates import DateFormatter, MonthLocator, YearLocator

    first, last = min(dates), max(dates)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months > 48:
        ax.xaxis.set_major_locator(YearLocator(base=max(1, months // 120)))
        ax.xaxis.set_major_formatter(DateFormatter("%Y"))
    else:
        ax.xaxis.set_major_locator(MonthLocator(interval=max(1, months // 12)))
        ax.xaxis.set_major_formatter(DateFormatter("%Y-%m"))
    ax.set_xlim(first - timedelta(days=20), last + timedelta(days=20))


def _empty(ax: Any, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555555")
    ax.set_xticks([])
    ax.set_yticks([])


def monthly_intensity(report: DyadReport) -> Any:
    """Mean intensity per month in both directions (line chart)."""
    fig = _figure()
    ax = fig.add_subplot()
    months = report.monthly
    if not months:
        _empty(ax, "No events dated to the month")
        return fig
    x = [_month_date(m.month) for m in months]
    for color, d in zip(COLORS, report.directions):
        y = [m.directions[d].mean_intensity for m in months]
        y = [float("nan") if v is None else v for v in y]
        ax.plot(x, y, marker="o" if len(x) <= 36 else None, markersize=5, color=color, label=d)
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.set_ylim(-10.5, 10.5)
    ax.set_ylabel("mean intensity (actual events)")
    ax.set_title(f"{report.pair.a}–{report.pair.b}: intensity by month")
    ax.legend(loc="lower left")
    _date_axis(ax, x)
    fig.autofmt_xdate()
    return fig


def event_types(report: DyadReport) -> Any:
    """Event counts by PLOVER type for each direction (horizontal bars)."""
    from dyadwatch.store.queries import PLOVER_TYPES

    fig = _figure(8.0, 4.2)
    ax = fig.add_subplot()
    dirs = report.directions
    types = [t for t in PLOVER_TYPES if any(t in report.by_type[d] for d in dirs)]
    if not types:
        _empty(ax, "No events")
        return fig
    height = 0.38
    for i, (color, d) in enumerate(zip(COLORS, dirs)):
        pos = [n + (i - 0.5) * height for n in range(len(types))]
        counts = report.by_type[d]
        reported = [counts.get(t, {}).get("events", 0) for t in types]
        actual = [counts.get(t, {}).get("actual", 0) for t in types]
        ax.barh(pos, reported, height=height, color=color, alpha=0.3, label=f"{d} reported")
        ax.barh(pos, actual, height=height, color=color, label=f"{d} actual")
    ax.set_yticks(range(len(types)), types)
    ax.invert_yaxis()
    ax.set_xlabel("events")
    ax.set_title(f"{report.pair.a}–{report.pair.b}: events by type")
    ax.legend(loc="lower right", fontsize="small")
    return fig


def stance(report: DyadReport) -> Any | None:
    """Stance score of each source by publication date (points, −1 … +1); None without dated stances."""
    rows = [(r, _published_date(r.published)) for r in report.stances.rows if r.published]
    rows = [(r, d) for r, d in rows if d is not None]
    if not rows:
        return None
    fig = _figure()
    ax = fig.add_subplot()
    outlets: dict[str, list[tuple[date, float]]] = {}
    for r, d in rows:
        name = r.outlet or r.document_source or r.document_id
        # "$" would start matplotlib's mathtext in a legend label
        outlets.setdefault(name.replace("$", r"\$")[:40], []).append((d, r.score))
    for i, (outlet, points) in enumerate(sorted(outlets.items(), key=lambda kv: -len(kv[1]))):
        label = outlet if i < 10 else None
        ax.scatter([p[0] for p in points], [p[1] for p in points], label=label, s=36,
                   color=None if i < 10 else "#888888")
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_ylabel("stance (−1 weaker … +1 closer)")
    ax.set_title(f"{report.pair.a}–{report.pair.b}: stance of each source")
    if len(outlets) > 1:
        ax.legend(loc="lower left", fontsize="small")
    _date_axis(ax, [d for _, d in rows])
    fig.autofmt_xdate()
    return fig


#: chart name -> builder (a builder returns None when there is nothing to draw)
CHARTS: dict[str, Callable[[DyadReport], Any]] = {
    "monthly_intensity": monthly_intensity,
    "event_types": event_types,
    "stance": stance,
}


def _save(fig: Any, target: Any, fmt: str) -> None:
    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": "dyadwatch", "svg.fonttype": "path"}), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a glyph missing from the font (an outlet's name)
        fig.savefig(target, format=fmt, metadata={"Date": None} if fmt == "svg" else None)


def chart_bytes(report: DyadReport, name: str, fmt: str = "png") -> bytes | None:
    """One chart as PNG or SVG bytes, or None when it has nothing to show."""
    assert fmt in FORMATS, f"chart format must be one of {FORMATS}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        fig = CHARTS[name](report)
    if fig is None:
        return None
    buf = io.BytesIO()
    _save(fig, buf, fmt)
    return buf.getvalue()


def write_charts(report: DyadReport, directory: str | Path, fmt: str = "png") -> dict[str, Path]:
    """Write every chart that has something to show into ``directory``; returns name -> path."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for name in CHARTS:
        data = chart_bytes(report, name, fmt)
        if data is None:
            continue
        path = directory / f"{name}.{fmt}"
        path.write_bytes(data)
        written[name] = path
    return written
