# W9 (defined in tests/bench/w9_seasonal.lua): STL on each panel series
# (W9a, "stl"), or STL with the Spring Festival regressor by backfitting
# (W9b, "adjust"). Ends trimmed, interior gaps interpolated linearly.
import os
import sys
import numpy as np
import pandas as pd
from statsmodels.tsa.seasonal import STL
from common import emit

df = pd.read_csv(sys.argv[1], index_col=0)
what = sys.argv[2] if len(sys.argv) > 2 else "stl"
here = os.path.dirname(os.path.abspath(__file__))


def sf_regressor():
    """Share of the 7 days from Spring Festival day in each month, minus its
    mean for that month over 1901-2100; indexed by (year, month)."""
    sf = pd.read_csv(os.path.join(here, "../../../../calendar/spring_festival.csv"), parse_dates=["date"])
    share = np.zeros((200, 12))
    for d in sf["date"]:
        for k in range(7):
            day = d + pd.Timedelta(days=k)
            if 1901 <= day.year <= 2100:
                share[day.year - 1901, day.month - 1] += 1 / 7
    return share - share.mean(axis=0)


def clean(col):
    s = col.loc[col.first_valid_index():col.last_valid_index()]
    return s.interpolate(limit_area="inside")


n, a, b, c = 0, 0.0, 0.0, 0.0
if what == "stl":
    for name in df.columns:
        y = clean(df[name]).values
        r = STL(y, period=12, seasonal=7).fit()
        n += len(y)
        a += r.trend.sum(); b += (r.seasonal ** 2).sum(); c += (r.resid ** 2).sum()
    emit([("stl.n", n), ("stl.trend.sum", a), ("stl.seasonal.sumsq", b), ("stl.resid.sumsq", c)])
else:
    reg = sf_regressor()
    for name in df.columns:
        s = clean(df[name])
        y = s.values
        idx = pd.PeriodIndex(s.index, freq="M")
        x = reg[idx.year - 1901, idx.month - 1]
        X = np.column_stack([np.ones(len(y)), x])
        beta = 0.0
        for it in range(50):
            r = STL(y - x * beta, period=12, seasonal=7).fit()
            rem = y - r.trend - r.seasonal
            nb = np.linalg.lstsq(X, rem, rcond=None)[0][1]
            moved = abs(nb - beta) / (1 + abs(nb))
            beta = nb
            if moved <= 1e-10:
                break
        sa = y - r.seasonal - x * beta
        n += len(y)
        a += sa.sum(); b += (sa ** 2).sum(); c += beta
    emit([("sa.n", n), ("sa.sum", a), ("sa.sumsq", b), ("sf.coef.sum", c)])
