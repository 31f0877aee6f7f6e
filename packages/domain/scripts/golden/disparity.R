# Golden fixtures for Dagum's Gini decomposition and Theil's T decomposition, from an R implementation written
# here from the papers (no R package for Dagum's decomposition is installed):
#   Dagum, C. (1997) A new approach to the decomposition of the Gini income inequality ratio.
#     Empirical Economics 22, 515-531 (eqs. 2-4 for G, G_jj, G_jh; 11-14 for d_jh, p_jh, D_jh; 16-22 for
#     G_w, G_nb, G_t).
#   Theil, H. (1967) Economics and Information Theory (T and its between/within decomposition).
# Each is checked by a second route before writing: G by the sorted-rank formula as well as the double sum;
# G_w + G_nb + G_t = G; T_w + T_b = T; each group's G_jj by the rank formula.
#
# Run from packages/domain:  Rscript scripts/golden/disparity.R
# Writes test/fixtures/disparity/produc.csv (plm's Produc: 48 US states in 9 regions, 1970-1986) and
# test/fixtures/disparity/dagum.json. Needs plm and jsonlite.

suppressMessages({
  library(plm)
  library(jsonlite)
})
out <- "test/fixtures/disparity"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
put_json <- function(x, path) write(toJSON(x, digits = NA, auto_unbox = TRUE, null = "null", na = "null"), path)
near <- function(a, b, tol = 1e-12) abs(a - b) <= tol * max(1, abs(b))

# Gini by ranks: sum_i (2i - n - 1) y_(i) / (n^2 mean) (a second route to the double sum).
gini_rank <- function(y) { y <- sort(y); n <- length(y); sum((2 * seq_len(n) - n - 1) * y) / (n^2 * mean(y)) }

dagum <- function(y, g) {
  g <- as.character(g)
  lev <- unique(g)               # groups in order of first appearance
  n <- length(y); mu <- mean(y); k <- length(lev)
  G <- sum(abs(outer(y, y, "-"))) / (2 * n^2 * mu)
  stopifnot(near(G, gini_rank(y)))
  ys <- lapply(lev, function(l) y[g == l])
  nj <- sapply(ys, length); mj <- sapply(ys, mean)
  pj <- nj / n; sj <- nj * mj / (n * mu)
  Gjj <- sapply(ys, function(a) sum(abs(outer(a, a, "-"))) / (2 * length(a)^2 * mean(a)))
  stopifnot(all(mapply(function(a, v) near(v, gini_rank(a)), ys, Gjj)))
  Gw <- sum(Gjj * pj * sj)
  Gnb <- 0; Gt <- 0; pairs <- list()
  for (j in 1:(k - 1)) for (h in (j + 1):k) {
    a <- ys[[j]]; b <- ys[[h]]
    Gjh <- sum(abs(outer(a, b, "-"))) / (length(a) * length(b) * (mj[j] + mj[h]))
    # d_jh: expected positive difference of the richer group over the poorer; p_jh: the reverse (transvariation).
    if (mj[j] >= mj[h]) { hi <- a; lo <- b } else { hi <- b; lo <- a }
    D <- outer(hi, lo, "-")
    djh <- mean(pmax(D, 0)); pjh <- mean(pmax(-D, 0))
    Djh <- if (djh + pjh > 0) (djh - pjh) / (djh + pjh) else 0
    w <- pj[j] * sj[h] + pj[h] * sj[j]
    Gnb <- Gnb + Gjh * w * Djh
    Gt <- Gt + Gjh * w * (1 - Djh)
    pairs[[length(pairs) + 1]] <- list(groups = c(lev[j], lev[h]), gini = Gjh, d = Djh)
  }
  stopifnot(near(Gw + Gnb + Gt, G))
  list(n = n, mean = mu, gini = G, within = Gw, between = Gnb, transvariation = Gt,
    groups = lapply(seq_len(k), function(j) list(name = lev[j], n = nj[j], mean = mj[j], gini = Gjj[j],
      population_share = pj[j], value_share = sj[j])),
    pairs = pairs)
}

theil <- function(y, g) {
  g <- as.character(g); lev <- unique(g); mu <- mean(y)
  tt <- function(a, m) { r <- a / m; mean(ifelse(r > 0, r * log(r), 0)) }
  T <- tt(y, mu)
  sg <- sapply(lev, function(l) sum(y[g == l]) / sum(y))
  Tg <- sapply(lev, function(l) tt(y[g == l], mean(y[g == l])))
  Tw <- sum(sg * Tg)
  Tb <- sum(sg * log(sapply(lev, function(l) mean(y[g == l])) / mu))
  stopifnot(near(Tw + Tb, T))
  list(total = T, within = Tw, between = Tb, groups = lapply(seq_along(lev), function(j) list(name = lev[j], theil = unname(Tg[j]))))
}

data(Produc, package = "plm")
d <- data.frame(state = as.character(Produc$state), region = paste0("R", Produc$region), year = Produc$year,
  gsp = Produc$gsp, emp = Produc$emp)
write.csv(d, file.path(out, "produc.csv"), row.names = FALSE)
d$productivity <- d$gsp / d$emp

periods <- lapply(sort(unique(d$year)), function(yr) {
  s <- d[d$year == yr, ]
  c(list(period = as.character(yr)), dagum(s$productivity, s$region), list(theil = theil(s$productivity, s$region)))
})
pooled <- c(dagum(d$productivity, d$region), list(theil = theil(d$productivity, d$region)))

# A small hand-checkable case with a zero value and two groups of unequal size.
small_y <- c(0, 2, 4, 1, 9, 3, 7)
small_g <- c("a", "a", "a", "b", "b", "c", "c")
small <- c(dagum(small_y, small_g), list(theil = theil(small_y, small_g)))

put_json(list(dataset = "plm Produc, gsp/emp by region", pooled = pooled, periods = periods,
  small = c(list(values = small_y, labels = small_g), small)), file.path(out, "dagum.json"))
cat("wrote disparity fixtures\n")
