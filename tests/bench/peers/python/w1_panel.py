# W1: yoy, 12-month mean, 60-month z-score, quarterly mean of months present.
import sys
import numpy as np
import pandas as pd
from common import emit, n_sum

df = pd.read_csv(sys.argv[1], index_col=0)
df.index = pd.PeriodIndex(df.index, freq="M")
yoy = 100 * (df / df.shift(12) - 1)
ma12 = df.rolling(12).mean()
z60 = (df - df.rolling(60).mean()) / df.rolling(60).std()
q = df.groupby(df.index.asfreq("Q")).mean()      # mean skips NaN; all-NaN gives NaN
out = []
for key, frame in (("yoy", yoy), ("ma12", ma12)):
    n, s = n_sum(frame.values)
    out += [(key + ".n", n), (key + ".sum", s)]
n, s = n_sum(z60.values)
out += [("z60.n", n), ("z60.sum", s), ("z60.sumsq", float(np.nansum(z60.values ** 2)))]
n, s = n_sum(q.values)
out += [("qmean.n", n), ("qmean.sum", s)]
emit(out)
