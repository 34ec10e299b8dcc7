# W6: a typical analyst script on 30 monthly series.
import sys
import numpy as np
import pandas as pd
import statsmodels.api as sm
from statsmodels.tsa.filters.hp_filter import hpfilter
from common import emit, n_sum

df = pd.read_csv(sys.argv[1], index_col=0)
df.index = pd.PeriodIndex(df.index, freq="M")
names = ["m%02d" % i for i in range(1, 11)]
yoy = 100 * (df[names] / df[names].shift(12) - 1)
n, s = n_sum(yoy.values)
out = [("yoy.n", n), ("yoy.sum", s)]
reg = yoy[["m01", "m02", "m03", "m04"]].dropna()
X = sm.add_constant(reg[["m02", "m03", "m04"]])
fit = sm.OLS(reg["m01"], X).fit(cov_type="HAC", cov_kwds={"maxlags": 12})
out.append(("reg.nobs", int(fit.nobs)))
for name in X.columns:
    out += [("reg.b." + name, float(fit.params[name])), ("reg.se." + name, float(fit.bse[name]))]
cycle, trend = hpfilter(df["m01"].dropna().values, 14400)
out += [("hp.trend.last", float(trend[-1])), ("hp.cycle.sumsq", float((cycle ** 2).sum()))]
x = df["m06"]
# A crossing needs d at t and t-1 (tenor's rule: a cross over a gap is
# missing, not a crossing); MA3 and MA12 are missing when any month is.
d = (x.rolling(3).mean() - x.rolling(12).mean()).values
a = d > 0
both = ~np.isnan(d[1:]) & ~np.isnan(d[:-1])
change = np.flatnonzero(both & (a[1:] != a[:-1])) + 1
up = int(a[change].sum())
last = change[-1]
out += [("cross.up", up), ("cross.down", len(change) - up),
        ("cross.last.date", str(df.index[last])), ("cross.last.dir", "up" if a[last] else "down")]
emit(out)
