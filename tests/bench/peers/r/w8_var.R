# W8: VAR(4) with a constant on the 8 series by least squares (vars is not
# packaged for Debian: written out with base R), orthogonalised responses for
# 24 months and 95% percentile bands from 1000 residual-bootstrap draws (as
# vars::irf(boot = TRUE)).
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))), "common.R"))
Y <- as.matrix(fread(args[1])[, -1])
p <- 4; K <- ncol(Y); H <- 24
design <- function(Y) {
  n <- nrow(Y)
  cbind(1, do.call(cbind, lapply(1:p, function(j) Y[(p + 1 - j):(n - j), , drop = FALSE])))
}
fit <- function(Y) {
  Z <- design(Y); y <- Y[(p + 1):nrow(Y), ]
  B <- qr.coef(qr(Z), y); E <- y - Z %*% B
  list(B = B, E = E, S = crossprod(E) / (nrow(E) - ncol(Z)))
}
oirf <- function(f) {
  A <- lapply(1:p, function(j) t(f$B[1 + (j - 1) * K + 1:K, ]))
  P <- t(chol(f$S)); Phi <- list(diag(K)); out <- array(0, c(H + 1, K, K))
  out[1, , ] <- P
  for (h in 1:H) {
    M <- matrix(0, K, K)
    for (j in 1:min(h, p)) M <- M + Phi[[h - j + 1]] %*% A[[j]]
    Phi[[h + 1]] <- M; out[h + 1, , ] <- M %*% P
  }
  out
}
f <- fit(Y); point <- oirf(f)
set.seed(42)
draws <- array(0, c(1000, H + 1, K, K))
for (b in 1:1000) {
  Ys <- Y; E <- f$E[sample(nrow(f$E), replace = TRUE), ]
  for (t in (p + 1):nrow(Y)) {
    z <- c(1, as.vector(t(Ys[(t - 1):(t - p), ])))
    Ys[t, ] <- z %*% f$B + E[t - p, ]
  }
  draws[b, , , ] <- oirf(fit(Ys))
}
lo <- apply(draws, 2:4, quantile, 0.025); hi <- apply(draws, 2:4, quantile, 0.975)
emit(list(var.coef = sum(f$B), var.irf = sum(point), var.band = as.numeric(sprintf("%.3g", sum(hi - lo)))))
