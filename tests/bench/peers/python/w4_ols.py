# W4: y on a constant and x1..x5, n = 1e6, Newey-West HAC (Bartlett, 12 lags,
# no small-sample correction: statsmodels' default use_correction=False).
import sys
import pandas as pd
import statsmodels.api as sm
from common import emit

df = pd.read_csv(sys.argv[1], usecols=["y", "x1", "x2", "x3", "x4", "x5"])
X = sm.add_constant(df[["x1", "x2", "x3", "x4", "x5"]])
fit = sm.OLS(df["y"], X).fit(cov_type="HAC", cov_kwds={"maxlags": 12})
out = []
for name in X.columns:
    out += [("b." + name, float(fit.params[name])), ("se." + name, float(fit.bse[name]))]
emit(out)
