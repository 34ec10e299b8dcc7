# W4: y on a constant and x1..x5, n = 1e6, Newey-West HAC with 12 lags
# (prewhite and adjust off: sandwich's defaults are on).
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))), "common.R"))
dt <- fread(args[1], select = c("y", "x1", "x2", "x3", "x4", "x5"))
fit <- lm(y ~ x1 + x2 + x3 + x4 + x5, data = dt)
ct <- coeftest(fit, vcov. = NeweyWest(fit, lag = 12, prewhite = FALSE, adjust = FALSE))
nm <- c("const", "x1", "x2", "x3", "x4", "x5")
out <- list()
for (k in seq_along(nm)) { out[[paste0("b.", nm[k])]] <- ct[k, 1]; out[[paste0("se.", nm[k])]] <- ct[k, 2] }
emit(out)
