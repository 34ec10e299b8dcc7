# W5: the first 200,000 rows; y on a constant, x1 and x2 over every 60-row window.
import sys
import statsmodels.api as sm
import pandas as pd
from statsmodels.regression.rolling import RollingOLS
from common import emit

df = pd.read_csv(sys.argv[1], usecols=["y", "x1", "x2"], nrows=200000)
X = sm.add_constant(df[["x1", "x2"]])
params = RollingOLS(df["y"], X, window=60).fit(params_only=True).params.dropna()
out = [("roll.n", len(params))]
for name in ("const", "x1", "x2"):
    out += [("roll.sum." + name, float(params[name].sum())), ("roll.last." + name, float(params[name].iloc[-1]))]
emit(out)
