# Benchmark inputs for scripts/bench.mjs, written to bench/data/ (ignored by git: several are > 5 MB).
# Run from the repository root:  Rscript bench/generate-data.R
# - elect80.csv + elect80.gal: 3,107 US counties (spData::elect80, queen contiguity e80_queen, with islands);
#   elect80_xy.csv: the same with the county centroids (longitude x, latitude y) for GWR.
# - house.csv + house.gal: 25,357 Lucas County house sales (spData::house, sphere-of-influence LO_nb).
# - panel.csv: 20,000 units × 10 periods = 200,000 rows, 10 regressors, two-way effects; seed 20261126.
suppressPackageStartupMessages({ library(spdep); library(spData) })
dir.create("bench/data", showWarnings = FALSE, recursive = TRUE)

data(elect80, package = "spData")
e80 <- as.data.frame(elect80)[, c("pc_turnout", "pc_college", "pc_homeownership", "pc_income")]
write.csv(cbind(id = seq_len(nrow(e80)), e80), "bench/data/elect80.csv", row.names = FALSE)
write.nb.gal(e80_queen, "bench/data/elect80.gal")
xy <- sp::coordinates(elect80)
write.csv(cbind(id = seq_len(nrow(e80)), x = xy[, 1], y = xy[, 2], e80), "bench/data/elect80_xy.csv", row.names = FALSE)

data(house, package = "spData")
h <- as.data.frame(house)
h <- h[, c("price", "yrbuilt", "stories", "TLA", "beds", "baths", "halfbaths", "frontage", "depth", "garagesqft", "rooms", "lotsize", "age", "syear")]
h$stories <- as.numeric(h$stories)
h$syear <- as.numeric(as.character(h$syear))
write.csv(cbind(id = seq_len(nrow(h)), h), "bench/data/house.csv", row.names = FALSE)
write.nb.gal(LO_nb, "bench/data/house.gal")

set.seed(20261126)
N <- 20000; T <- 10; K <- 10
unit <- rep(seq_len(N), times = T); period <- rep(seq_len(T), each = N)
mu <- rnorm(N); tau <- rnorm(T)
X <- matrix(rnorm(N * T * K), ncol = K) + 0.5 * mu[unit]
colnames(X) <- paste0("x", seq_len(K))
beta <- seq(-1, 1, length.out = K)
y <- as.vector(X %*% beta) + mu[unit] + tau[period] + rnorm(N * T)
write.csv(data.frame(unit = unit, period = period, y = y, X), "bench/data/panel.csv", row.names = FALSE)
cat("bench data written\n")
