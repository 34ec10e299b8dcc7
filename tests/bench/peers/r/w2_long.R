# W2: 2e6 business days: change over 252 days, rolling 252 mean and sample
# sd, drawdown from the running maximum.
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))), "common.R"))
dt <- fread(args[1])
x <- dt$x
pct <- 100 * (x / shift(x, 252) - 1)
ma <- frollmean(x, 252)
sd <- roll_sd(x, 252)
dd <- x / cummax(x) - 1
i <- which.min(dd)
p <- n_sum(pct); m <- n_sum(ma); s <- n_sum(sd)
emit(list(pct252.n = p[1], pct252.sum = p[2], ma252.n = m[1], ma252.sum = m[2],
          sd252.n = s[1], sd252.sum = s[2], dd.sum = sum(dd), maxdd = dd[i],
          maxdd.date = format(as.Date(dt$date[i]))))
