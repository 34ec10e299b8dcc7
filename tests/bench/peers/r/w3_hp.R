# W3a (panel, lambda 14400) and W3b (daily, lambda 1e8): the HP filter on each
# column's present values, gaps closed up; sparse solve (mFilter's dense
# matrices would need 32 TB for W3b).
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))), "common.R"))
dt <- fread(args[1], colClasses = list(character = 1))
lambda <- as.numeric(args[2])
n <- 0; tsum <- 0; csq <- 0; last <- NA
for (col in names(dt)[-1]) {
  y <- dt[[col]]; y <- y[!is.na(y)]
  tau <- hp_trend_sparse(y, lambda)
  n <- n + length(y); tsum <- tsum + sum(tau); csq <- csq + sum((y - tau)^2); last <- tau[length(tau)]
}
emit(list(hp.n = n, hp.trend.sum = tsum, hp.cycle.sumsq = csq, hp.trend.last = last))
