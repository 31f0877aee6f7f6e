# Golden values for econometrics/coupling: pooled normalisation, entropy weights per subsystem,
# U, C, corrected C (王淑佳 et al. 2021), T, D. Base R only. Run from packages/domain:
#   Rscript scripts/golden/coupling.R
library(jsonlite)
out_dir <- "test/fixtures/coupling"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

d <- data.frame(
  id     = rep(c("A", "B", "C", "D", "E"), each = 2),
  period = rep(c(2020, 2021), times = 5),
  revenue = c(120, 135, 80, 95, 210, 230, 60, 58, 150, 170),
  tax     = c(9.1, 10.2, 5.0, 6.3, 17.5, 18.0, 3.9, 3.7, 11.0, 12.6),
  green   = c(32, 35, 40, 41, 28, 30, 45, 47, 36, 38),
  so2     = c(5.2, 4.8, 3.1, 3.0, 7.9, 7.1, 2.2, 2.5, 4.4, 4.0),
  patents = c(12, 18, 4, 6, 40, 52, 1, 2, 20, 26),
  rd      = c(1.8, 2.1, 1.1, 1.3, 3.4, 3.6, 0.6, 0.7, 2.2, 2.5)
)
subsystems <- list(
  econ = list(cols = c("revenue", "tax"), dirs = c("positive", "positive")),
  env = list(cols = c("green", "so2"), dirs = c("positive", "negative")),
  innov = list(cols = c("patents", "rd"), dirs = c("positive", "positive"))
)

norm <- function(x, dir, method) {
  u <- if (dir == "positive") (x - min(x)) / (max(x) - min(x)) else (max(x) - x) / (max(x) - min(x))
  if (method == "shifted") 0.01 + 0.98 * u else u
}
ent_w <- function(M) {
  P <- sweep(M, 2, colSums(M), "/")
  e <- -colSums(ifelse(P > 0, P * log(P), 0)) / log(nrow(M))
  (1 - e) / sum(1 - e)
}
levels_zh <- c("极度失调", "严重失调", "中度失调", "轻度失调", "濒临失调", "勉强协调", "初级协调", "中级协调", "良好协调", "优质协调")

run <- function(method, weighting, alpha, subs) {
  W <- list()
  U <- sapply(names(subs), function(s) {
    sub <- subs[[s]]
    M <- sapply(seq_along(sub$cols), function(j) norm(d[[sub$cols[j]]], sub$dirs[j], method))
    w <- if (weighting == "entropy") ent_w(M) else rep(1 / ncol(M), ncol(M))
    W[[s]] <<- setNames(as.list(unname(w)), sub$cols)
    as.vector(M %*% w)
  })
  n <- ncol(U)
  C <- apply(U, 1, function(u) n * prod(u)^(1 / n) / sum(u))
  Cc <- apply(U, 1, function(u) {
    gaps <- sum(abs(outer(u, u, "-"))[lower.tri(diag(n))])
    sqrt((1 - gaps / sum(seq_len(n - 1))) * prod(u / max(u))^(1 / (n - 1)))
  })
  Tt <- as.vector(U %*% alpha)
  D <- sqrt(C * Tt)
  list(weights = W, U = lapply(seq_len(n), function(s) U[, s]), names = colnames(U), C = C, C_corrected = Cc,
       T = Tt, D = D, level_zh = levels_zh[pmin(10, floor(D * 10) + 1)],
       lagging = colnames(U)[apply(U, 1, which.min)])
}

res <- list(
  data = d,
  three_shifted_entropy = run("shifted", "entropy", c(1, 1, 1) / 3, subsystems),
  two_minmax_equal = run("minmax", "equal", c(0.6, 0.4), subsystems[c("econ", "innov")]),
  two_shifted_entropy = run("shifted", "entropy", c(0.5, 0.5), subsystems[c("econ", "env")])
)
write_json(res, file.path(out_dir, "coupling.json"), digits = NA, auto_unbox = TRUE, pretty = TRUE, dataframe = "columns")
cat("wrote", file.path(out_dir, "coupling.json"), "\n")
