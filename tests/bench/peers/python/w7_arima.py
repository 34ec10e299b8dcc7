# W7: ARIMA(1,1,1) with drift by exact ML on the 500 series, then a stepwise
# AIC search (Hyndman-Khandakar, non-seasonal, d = 1, drift in or out) on the
# first 50 with statsmodels' ARIMA (statsmodels has no auto_arima). With a
# second argument "arima" (W7a) only the 500 fits, as gretl's script.
import sys
import warnings
import pandas as pd
from statsmodels.tsa.arima.model import ARIMA
from common import emit

warnings.simplefilter("ignore")
df = pd.read_csv(sys.argv[1], index_col=0)
ll = ar = ma = drift = 0.0
for c in df.columns:
    r = ARIMA(df[c].values, order=(1, 1, 1), trend="t").fit()
    ll += r.llf; ar += r.params[1]; ma += r.params[2]; drift += r.params[0]


def stepwise(y):
    tried, best = {}, None
    def fit(p, q, t):
        nonlocal best
        if p < 0 or q < 0 or p > 5 or q > 5 or (p, q, t) in tried:
            return
        try:
            a = ARIMA(y, order=(p, 1, q), trend=t).fit().aic
        except Exception:
            a = None
        tried[(p, q, t)] = a
        if a is not None and (best is None or a < best[0]):
            best = (a, p, q, t)
    for p, q in [(2, 2), (0, 0), (1, 0), (0, 1)]:
        fit(p, q, "t")
    fit(0, 0, "n")
    while True:
        before = best
        _, p, q, t = best
        for dp, dq in [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, -1)]:
            fit(p + dp, q + dq, t)
        fit(p, q, "n" if t == "t" else "t")
        if best == before:
            return best


sums = [("arima.n", len(df.columns)), ("arima.llf", float("%.6g" % ll)), ("arima.ar1", float("%.6g" % ar)),
        ("arima.ma1", float("%.6g" % ma)), ("arima.drift", float("%.6g" % drift))]
if sys.argv[2:3] != ["arima"]:
    pq = aic = 0
    for c in df.columns[:50]:
        a, p, q, t = stepwise(df[c].values)
        pq += p + q; aic += a
    sums += [("auto.pq", pq), ("auto.aic", float("%.6g" % aic))]
emit(sums)
