# Shared by the R implementations of the bench workloads
# (shared/bench/WORKLOADS.md): libraries, checksum printing in tenor's
# key=value form, and the sparse HP filter.
suppressPackageStartupMessages({
  library(data.table); library(xts); library(zoo); library(TTR)
  library(mFilter); library(sandwich); library(lmtest); library(Matrix)
})
setDTthreads(1)

emit <- function(pairs) {
  txt <- vapply(names(pairs), function(k) {
    v <- pairs[[k]]
    if (is.character(v)) v else if (v == round(v) && abs(v) < 1e15 && grepl("\\.n$|nobs|up$|down$", k))
      sprintf("%d", as.integer(v)) else sprintf("%.10g", v)
  }, "")
  cat(paste0(names(pairs), "=", txt, collapse = " "), "\n", sep = "")
}

n_sum <- function(x) c(sum(!is.na(x)), sum(x, na.rm = TRUE))

# HP trend: (I + lambda D'D) tau = y with D the second-difference matrix,
# solved by CHOLMOD on the sparse banded system.
hp_trend_sparse <- function(y, lambda) {
  n <- length(y)
  D <- diff(Diagonal(n), differences = 2)
  as.numeric(solve(Diagonal(n) + lambda * crossprod(D), y))
}

# Rolling mean and sample sd that are missing when any value of the window is.
roll_sd <- function(x, w) {
  m <- frollmean(x, w)
  sqrt(pmax(frollmean(x * x, w) - m * m, 0) * w / (w - 1))
}

args <- commandArgs(trailingOnly = TRUE)
