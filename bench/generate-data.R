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

# ---- lattices and k-nearest neighbours (issue "a quarter-million units") ----
# gridN.csv/.gal: queen contiguity on a k × k grid (spdep cell2nb), N = k²; knn250000: 250,000 uniform random
# points, k = 6 nearest neighbours (asymmetric). Data simulated from a lag model y = (I − 0.4W)⁻¹(1 + x1 − 0.5x2 + ε)
# with W row-standardised. The large files are written only when absent (the grid of 250,000 takes minutes; the
# nearest neighbours of 250,000 points take 30 s with the dbscan package installed, Debian's r-cran-dbscan, which
# spdep's knearneigh uses for a k-d tree, and far longer without it).
suppressPackageStartupMessages({ library(spatialreg); library(Matrix) })
sim_lag <- function(nb, seed, file) {
  if (file.exists(paste0("bench/data/", file, ".gal"))) return(invisible(NULL))
  set.seed(seed)
  n <- length(nb)
  lw <- nb2listw(nb, style = "W")
  W <- as(as_dgRMatrix_listw(lw), "CsparseMatrix")
  x1 <- rnorm(n); x2 <- rnorm(n)
  y <- as.vector(solve(Diagonal(n) - 0.4 * W, 1 + x1 - 0.5 * x2 + rnorm(n)))
  write.csv(data.frame(id = seq_len(n), x1 = x1, x2 = x2, y = y), paste0("bench/data/", file, ".csv"), row.names = FALSE)
  write.nb.gal(nb, paste0("bench/data/", file, ".gal"))
}
for (k in c(125, 250, 500)) if (!file.exists(sprintf("bench/data/grid%d.gal", k * k))) sim_lag(cell2nb(k, k, type = "queen"), 20261200 + k, paste0("grid", k * k))
if (!file.exists("bench/data/knn250000.gal")) {
  set.seed(20261250)
  xy <- cbind(runif(250000), runif(250000))
  sim_lag(knn2nb(knearneigh(xy, k = 6)), 20261251, "knn250000")
}

# ---- firm microdata (issue "firm-level microdata") ----
# firms.csv: 4,000,000 firm rows (工业企业数据库-style): region (300 prefectures), industry (200 four-digit codes),
# firm id, employment (log-normal). Each industry has a home region that draws 30 % of its firms.
if (!file.exists("bench/data/firms.csv")) {
  suppressPackageStartupMessages(library(data.table))
  set.seed(20261207)
  N <- 4e6
  regions <- sprintf("R%03d", 1:300); industries <- sprintf("C%04d", 1301:1500)
  pr <- rlnorm(300, 0, 1); pi <- rlnorm(200, 0, 1)
  ind <- sample.int(200, N, replace = TRUE, prob = pi)
  home <- sample.int(300, 200, replace = TRUE)
  reg <- ifelse(runif(N) < 0.3, home[ind], sample.int(300, N, replace = TRUE, prob = pr))
  fwrite(data.table(region = regions[reg], industry = industries[ind], firm = sprintf("F%07d", seq_len(N)),
    employment = round(rlnorm(N, 3.5, 1.2)) + 1), "bench/data/firms.csv")
}
cat("bench data written\n")
