# W0: start and import the libraries the workloads use.
import numpy, pandas, statsmodels.api  # noqa: F401
from statsmodels.tsa.filters.hp_filter import hpfilter  # noqa: F401
from statsmodels.regression.rolling import RollingOLS  # noqa: F401
