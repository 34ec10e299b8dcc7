"""Shared by the pandas/statsmodels implementations of the bench workloads
(shared/bench/WORKLOADS.md): checksum printing in the same key=value form
as tenor's scripts, so that run.sh can compare them."""
import numpy as np


def fmt(v):
    if isinstance(v, str):
        return v
    if isinstance(v, (int, np.integer)):
        return "%d" % v
    return "%.10g" % v


def emit(pairs):
    print(" ".join("%s=%s" % (k, fmt(v)) for k, v in pairs))


def n_sum(a):
    """Count and sum of the present values of an array or frame."""
    a = np.asarray(a, dtype=float)
    ok = ~np.isnan(a)
    return int(ok.sum()), float(a[ok].sum())
