# W6: a typical analyst script on 30 monthly series.
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))), "common.R"))
dt <- fread(args[1], colClasses = list(character = "date"))
yoy <- dt[, lapply(.SD, function(x) 100 * (x / shift(x, 12) - 1)), .SDcols = sprintf("m%02d", 1:10)]
y <- n_sum(as.matrix(yoy))
out <- list(yoy.n = y[1], yoy.sum = y[2])
reg <- na.omit(yoy[, .(m01, m02, m03, m04)])
fit <- lm(m01 ~ m02 + m03 + m04, data = reg)
ct <- coeftest(fit, vcov. = NeweyWest(fit, lag = 12, prewhite = FALSE, adjust = FALSE))
out$reg.nobs <- nobs(fit)
nm <- c("const", "m02", "m03", "m04")
for (k in seq_along(nm)) { out[[paste0("reg.b.", nm[k])]] <- ct[k, 1]; out[[paste0("reg.se.", nm[k])]] <- ct[k, 2] }
hp <- hpfilter(na.omit(dt$m01), freq = 14400, type = "lambda")
out$hp.trend.last <- as.numeric(hp$trend[length(hp$trend)])
out$hp.cycle.sumsq <- sum(as.numeric(hp$cycle)^2)
# a crossing needs d at t and t-1 (a cross over a gap is missing, as in tenor)
d <- frollmean(dt$m06, 3) - frollmean(dt$m06, 12)
a <- d > 0
ch <- which(!is.na(a[-1]) & !is.na(a[-length(a)]) & a[-1] != a[-length(a)]) + 1
last <- ch[length(ch)]
out$cross.up <- sum(a[ch]); out$cross.down <- length(ch) - sum(a[ch])
out$cross.last.date <- substr(dt$date[last], 1, 7); out$cross.last.dir <- if (a[last]) "up" else "down"
emit(out)
