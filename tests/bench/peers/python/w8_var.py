# W8: VAR(4) with a constant on the 8 series, orthogonalised responses for 24
# months and 95% bands from 1000 draws. statsmodels has no residual
# bootstrap for IRFs: irf_errband_mc simulates with normal shocks (Monte
# Carlo), the nearest it offers. Its seed= argument re-seeds every draw in
# 0.13 (all draws equal, bands of zero width: statsmodels issue 9534), so the
# global numpy seed is set instead.
import sys
import numpy as np
import pandas as pd
from statsmodels.tsa.api import VAR
from common import emit

df = pd.read_csv(sys.argv[1], index_col=0)
res = VAR(df.values).fit(4)
irf = res.irf(24)
np.random.seed(42)
lo, hi = res.irf_errband_mc(orth=True, repl=1000, steps=24, signif=0.05)
emit([("var.coef", float(res.params.sum())), ("var.irf", float(irf.orth_irfs.sum())),
      ("var.band", float("%.3g" % float((hi - lo).sum())))])
