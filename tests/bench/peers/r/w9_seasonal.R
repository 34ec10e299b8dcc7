# W9 (defined in tests/bench/w9_seasonal.lua): STL on each panel series
# (W9a, "stl"), or STL with the Spring Festival regressor by backfitting
# (W9b, "adjust"). Ends trimmed, interior gaps interpolated linearly (zoo
# na.approx). stats::stl with statsmodels' defaults spelled out (R's own
# defaults differ: s.degree 0, jumps ceiling(window/10), inner 2).
here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE)))
source(file.path(here, "common.R"))
dt <- fread(args[1], colClasses = list(character = 1))
what <- if (length(args) > 1) args[2] else "stl"
fit_stl <- function(y) {
  stl(ts(y, frequency = 12), s.window = 7, s.degree = 1, t.window = 23, t.degree = 1,
      l.window = 13, l.degree = 1, s.jump = 1, t.jump = 1, l.jump = 1,
      robust = FALSE, inner = 5, outer = 0)$time.series
}
clean <- function(y) {
  ok <- which(!is.na(y))
  na.approx(y[min(ok):max(ok)])
}
# share of the 7 days from Spring Festival day in each month, minus its 1901-2100 monthly mean
sf_regressor <- function() {
  sf <- as.Date(fread(file.path(here, "../../../../calendar/spring_festival.csv"))$date)
  share <- matrix(0, 200, 12)
  for (i in seq_along(sf)) for (k in 0:6) {
    d <- sf[i] + k; y <- as.integer(format(d, "%Y")); m <- as.integer(format(d, "%m"))
    if (y >= 1901 && y <= 2100) share[y - 1900, m] <- share[y - 1900, m] + 1 / 7
  }
  sweep(share, 2, colMeans(share))
}
n <- 0; a <- 0; b <- 0; c <- 0
dates <- dt[[1]]
if (what == "stl") {
  for (col in names(dt)[-1]) {
    y <- clean(dt[[col]]); r <- fit_stl(y)
    n <- n + length(y); a <- a + sum(r[, "trend"]); b <- b + sum(r[, "seasonal"]^2); c <- c + sum(r[, "remainder"]^2)
  }
  emit(list(stl.n = n, stl.trend.sum = a, stl.seasonal.sumsq = b, stl.resid.sumsq = c))
} else {
  reg <- sf_regressor()
  yr <- as.integer(substr(dates, 1, 4)); mo <- as.integer(substr(dates, 6, 7))
  for (col in names(dt)[-1]) {
    raw <- dt[[col]]; ok <- which(!is.na(raw)); span <- min(ok):max(ok)
    y <- na.approx(raw[span]); x <- reg[cbind(yr[span] - 1900, mo[span])]
    X <- cbind(1, x); beta <- 0
    for (it in 1:50) {
      r <- fit_stl(y - x * beta)
      rem <- y - r[, "trend"] - r[, "seasonal"]
      nb <- qr.coef(qr(X), rem)[2]
      moved <- abs(nb - beta) / (1 + abs(nb)); beta <- nb
      if (moved <= 1e-10) break
    }
    sa <- y - r[, "seasonal"] - x * beta
    n <- n + length(y); a <- a + sum(sa); b <- b + sum(sa^2); c <- c + beta
  }
  emit(list(sa.n = n, sa.sum = a, sa.sumsq = b, sf.coef.sum = c))
}
