# W5: the first 200,000 rows; y on a constant, x1 and x2 over every 60-row window.
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))), "common.R"))
dt <- fread(args[1], select = c("y", "x1", "x2"), nrows = 200000)
M <- as.matrix(dt)
B <- rollapplyr(M, 60, function(w) .lm.fit(cbind(1, w[, 2:3]), w[, 1])$coefficients, by.column = FALSE)
nm <- c("const", "x1", "x2")
out <- list(roll.n = nrow(B))
for (k in 1:3) { out[[paste0("roll.sum.", nm[k])]] <- sum(B[, k]); out[[paste0("roll.last.", nm[k])]] <- B[nrow(B), k] }
emit(out)
