# W1: yoy, 12-month mean, 60-month z-score, quarterly mean of months present.
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))), "common.R"))
dt <- fread(args[1], colClasses = list(character = "date"))
M <- as.matrix(dt[, -1])
acc <- c(yoy.n = 0, yoy.sum = 0, ma12.n = 0, ma12.sum = 0, z60.n = 0, z60.sum = 0, z60.sumsq = 0)
for (j in seq_len(ncol(M))) {
  x <- M[, j]
  acc[c("yoy.n", "yoy.sum")] <- acc[c("yoy.n", "yoy.sum")] + n_sum(100 * (x / shift(x, 12) - 1))
  acc[c("ma12.n", "ma12.sum")] <- acc[c("ma12.n", "ma12.sum")] + n_sum(frollmean(x, 12))
  z <- (x - frollmean(x, 60)) / roll_sd(x, 60)
  acc[c("z60.n", "z60.sum")] <- acc[c("z60.n", "z60.sum")] + n_sum(z)
  acc["z60.sumsq"] <- acc["z60.sumsq"] + sum(z * z, na.rm = TRUE)
}
# quarter of each row from its date (YYYY-MM); mean of the months present
yr <- as.integer(substr(dt$date, 1, 4)); mo <- as.integer(substr(dt$date, 6, 7))
q <- yr * 4 + (mo - 1) %/% 3
present <- !is.na(M)
S <- rowsum(ifelse(present, M, 0), q); N <- rowsum(present * 1, q)
Q <- S / N                                   # NaN where no month is present
emit(c(as.list(acc), list(qmean.n = sum(N > 0), qmean.sum = sum(Q[N > 0]))))
