# W2: 2e6 business days: change over 252 days, rolling 252 mean and sample
# sd, drawdown from the running maximum. Dates run past pandas' datetime64[ns]
# range, so they are parsed with numpy's datetime64[D].
import sys
import numpy as np
import pandas as pd
from common import emit, n_sum

df = pd.read_csv(sys.argv[1], dtype={"date": str, "x": float})
dates = df["date"].values.astype("datetime64[D]")
x = df["x"]
pct = 100 * (x / x.shift(252) - 1)
ma = x.rolling(252).mean()
sd = x.rolling(252).std()
dd = x / x.cummax() - 1
i = int(np.argmin(dd.values))
out = []
for key, s in (("pct252", pct), ("ma252", ma), ("sd252", sd)):
    n, t = n_sum(s.values)
    out += [(key + ".n", n), (key + ".sum", t)]
out += [("dd.sum", float(dd.sum())), ("maxdd", float(dd.values[i])), ("maxdd.date", str(dates[i]))]
emit(out)
