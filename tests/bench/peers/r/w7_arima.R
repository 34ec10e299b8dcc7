# W7: ARIMA(1,1,1) with drift by exact ML (forecast::Arima, method "ML") on the
# 500 series, then forecast::auto.arima (stepwise, AIC, non-seasonal, d = 1,
# no approximation) on the first 50. With a second argument "arima" (W7a)
# only the 500 fits, as gretl's script.
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))), "common.R"))
suppressPackageStartupMessages(library(forecast))
dt <- fread(args[1])
ll <- 0; ar <- 0; ma <- 0; drift <- 0
for (j in 2:ncol(dt)) {
  f <- Arima(dt[[j]], order = c(1, 1, 1), include.drift = TRUE, method = "ML")
  ll <- ll + f$loglik; ar <- ar + f$coef[["ar1"]]; ma <- ma + f$coef[["ma1"]]; drift <- drift + f$coef[["drift"]]
}
r6 <- function(x) as.numeric(sprintf("%.6g", x))
sums <- list(arima.n = ncol(dt) - 1, arima.llf = r6(ll), arima.ar1 = r6(ar), arima.ma1 = r6(ma), arima.drift = r6(drift))
if (!identical(args[2], "arima")) {
  pq <- 0; aic <- 0
  for (j in 2:51) {
    f <- auto.arima(dt[[j]], d = 1, seasonal = FALSE, stepwise = TRUE, approximation = FALSE, ic = "aic", method = "ML")
    pq <- pq + f$arma[1] + f$arma[2]; aic <- aic + f$aic
  }
  sums <- c(sums, list(auto.pq = pq, auto.aic = r6(aic)))
}
emit(sums)
