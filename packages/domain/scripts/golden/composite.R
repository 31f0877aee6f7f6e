# Golden values for econometrics/composite: normalisation, entropy weights, composite score, TOPSIS.
# Base R only, written independently of the TypeScript code. Run from packages/domain:
#   Rscript scripts/golden/composite.R
library(jsonlite)
out_dir <- "test/fixtures/composite"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

# Six zones, five indicators; "energy" (energy per unit value added) and "idle" (idle land) are negative.
X <- data.frame(
  revenue = c(120.5, 86.2, 240.0, 55.3, 160.8, 98.1),
  tax     = c(8.1, 5.2, 17.9, 3.0, 11.4, 6.6),
  patents = c(35, 12, 80, 0, 41, 19),
  energy  = c(0.62, 0.81, 0.44, 1.05, 0.58, 0.73),
  idle    = c(120, 310, 40, 500, 90, 260)
)
dirs <- c("positive", "positive", "positive", "negative", "negative")

minmax <- function(x, d) if (d == "positive") (x - min(x)) / (max(x) - min(x)) else (max(x) - x) / (max(x) - min(x))
shifted <- function(x, d, lo = 0.01, hi = 0.99) lo + (hi - lo) * minmax(x, d)
zscore <- function(x, d) (if (d == "positive") 1 else -1) * (x - mean(x)) / sd(x)

norm_all <- function(f) sapply(seq_along(X), function(j) f(X[[j]], dirs[j]))

entropy_w <- function(M) {
  n <- nrow(M)
  P <- sweep(M, 2, colSums(M), "/")
  plogp <- ifelse(P > 0, P * log(P), 0)
  e <- -colSums(plogp) / log(n)
  d <- 1 - e
  list(e = unname(e), d = unname(d), w = unname(d / sum(d)))
}

topsis_r <- function(X, w, dirs) {
  R <- sweep(as.matrix(X), 2, sqrt(colSums(as.matrix(X)^2)), "/")
  V <- sweep(R, 2, w, "*")
  ideal <- ifelse(dirs == "positive", apply(V, 2, max), apply(V, 2, min))
  anti <- ifelse(dirs == "positive", apply(V, 2, min), apply(V, 2, max))
  dp <- sqrt(rowSums(sweep(V, 2, ideal)^2))
  dm <- sqrt(rowSums(sweep(V, 2, anti)^2))
  list(ideal = unname(ideal), anti = unname(anti), dplus = unname(dp), dminus = unname(dm), closeness = unname(dm / (dp + dm)))
}

Mm <- norm_all(minmax)
Ms <- norm_all(shifted)
Mz <- norm_all(zscore)
ew_m <- entropy_w(Mm)
ew_s <- entropy_w(Ms)
given <- c(0.3, 0.2, 0.2, 0.15, 0.15)

res <- list(
  columns = as.list(X),
  directions = dirs,
  minmax = lapply(seq_len(ncol(Mm)), function(j) Mm[, j]),
  shifted = lapply(seq_len(ncol(Ms)), function(j) Ms[, j]),
  zscore = lapply(seq_len(ncol(Mz)), function(j) Mz[, j]),
  entropy_minmax = ew_m,
  entropy_shifted = ew_s,
  score_entropy_minmax = unname(as.vector(Mm %*% ew_m$w)),
  score_entropy_shifted = unname(as.vector(Ms %*% ew_s$w)),
  score_equal_minmax = unname(rowMeans(Mm)),
  given_weights = given,
  topsis_given = topsis_r(X, given, dirs),
  topsis_entropy = topsis_r(X, ew_s$w, dirs)
)
write_json(res, file.path(out_dir, "composite.json"), digits = NA, auto_unbox = TRUE, pretty = TRUE)
cat("wrote", file.path(out_dir, "composite.json"), "\n")
