# W3a (panel file, lambda 14400) and W3b (daily file, lambda 1e8): the HP
# filter on each column's present values, gaps closed up.
import sys
import pandas as pd
from statsmodels.tsa.filters.hp_filter import hpfilter
from common import emit

df = pd.read_csv(sys.argv[1], index_col=0)
lam = float(sys.argv[2])
n, tsum, csq, last = 0, 0.0, 0.0, float("nan")
for col in df.columns:
    v = df[col].dropna().values
    cycle, trend = hpfilter(v, lam)
    n += len(v)
    tsum += float(trend.sum())
    csq += float((cycle ** 2).sum())
    last = float(trend[-1])
emit([("hp.n", n), ("hp.trend.sum", tsum), ("hp.cycle.sumsq", csq), ("hp.trend.last", last)])
