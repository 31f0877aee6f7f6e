# Golden fixtures for the classic and spatial Markov chains, from an R implementation written here from the papers
# (PySAL giddy is Python; no R package for Rey's spatial Markov is installed):
#   Rey, S. J. (2001) Spatial empirics for economic growth and convergence. Geographical Analysis 33, 195-214.
#   Kemeny, J. G. and Snell, J. L. (1976) Finite Markov Chains (fundamental matrix, first mean passage times).
# Conventions as giddy: k quantile classes with type-7 quantile bounds at j/k, upper bounds inclusive; pooled
# ("fixed") or period-by-period classes; the spatial lag sum_j w_ij y_jt with row-standardised weights, its own
# k quantile classes, and the transition t -> t + 1 counted in the chain of the lag class at t.
# Second routes checked before writing: classes by findInterval as well as by counting bounds; counts by table()
# as well as by a loop; the steady state by eigen() as well as by a linear solve; first mean passage times by
# solving m_ij = 1 + sum_{l != j} p_il m_lj for each j as well as by the fundamental matrix.
#
# Run from packages/domain after disparity.R:  Rscript scripts/golden/markov.R
# Reads test/fixtures/disparity/produc.csv; writes test/fixtures/markov/us_states.gal (queen contiguity of the
# 48 Produc states from spData::us_states) and test/fixtures/markov/markov.json. Needs spdep, spData, sf, jsonlite.

suppressMessages({
  library(spdep)
  library(spData)
  library(sf)
  library(jsonlite)
})
out <- "test/fixtures/markov"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
put_json <- function(x, path) write(toJSON(x, digits = NA, auto_unbox = TRUE, null = "null", na = "null"), path)
near <- function(a, b, tol = 1e-10) all(abs(a - b) <= tol * pmax(1, abs(b)))

quantile_classes <- function(v, k) {
  cut <- quantile(v, (1:(k - 1)) / k, type = 7, names = FALSE)
  stopifnot(all(diff(cut) > 0))
  c1 <- vapply(v, function(x) sum(cut < x), integer(1))
  c2 <- findInterval(v, cut, left.open = TRUE)
  stopifnot(all(c1 == c2))
  list(cut = cut, cls = c1)
}

steady <- function(P) {
  k <- nrow(P)
  e <- eigen(t(P))
  v <- Re(e$vectors[, which.min(abs(e$values - 1))])
  v <- v / sum(v)
  A <- t(P) - diag(k); A[k, ] <- 1
  s <- solve(A, c(rep(0, k - 1), 1))
  stopifnot(near(v, s))
  s
}

fmpt <- function(P, pi) {
  k <- nrow(P)
  Z <- solve(diag(k) - P + matrix(pi, k, k, byrow = TRUE))
  M <- matrix(0, k, k)
  for (i in 1:k) for (j in 1:k) M[i, j] <- if (i == j) 1 / pi[i] else (Z[j, j] - Z[i, j]) / pi[j]
  # Second route: for each target j, m_.j solves (I - P with column j zeroed) m = 1.
  for (j in 1:k) {
    Q <- P; Q[, j] <- 0
    m <- solve(diag(k) - Q, rep(1, k))
    stopifnot(near(M[, j], m))
  }
  M
}

chain <- function(from, to, k) {
  C <- matrix(0, k, k)
  for (t in seq_along(from)) C[from[t] + 1, to[t] + 1] <- C[from[t] + 1, to[t] + 1] + 1
  tb <- unclass(table(factor(from, 0:(k - 1)), factor(to, 0:(k - 1))))
  stopifnot(all(C == tb))
  tot <- rowSums(C)
  P <- C / ifelse(tot > 0, tot, 1)
  res <- list(counts = C, probabilities = P, totals = tot, steady_state = NULL, first_mean_passage = NULL)
  # Every class observed and every class reachable from every other (all P^m > 0 for some m): ergodic.
  if (all(tot > 0)) {
    R <- (P > 0) * 1
    reach <- diag(k) + R
    for (s in 1:k) reach <- ((reach %*% (diag(k) + R)) > 0) * 1
    if (all(reach > 0)) {
      pi <- steady(P)
      res$steady_state <- pi
      res$first_mean_passage <- fmpt(P, pi)
    }
  }
  res
}

# y: n x T matrix (units in rows, periods in time order).
classify <- function(y, k, how) {
  if (how == "pooled") {
    q <- quantile_classes(as.vector(y), k)
    list(cls = matrix(q$cls, nrow(y)), cutoffs = list(list(period = NULL, bounds = q$cut)))
  } else {
    cls <- matrix(0L, nrow(y), ncol(y)); cutoffs <- list()
    for (t in seq_len(ncol(y))) {
      q <- quantile_classes(y[, t], k)
      cls[, t] <- q$cls
      cutoffs[[t]] <- list(period = colnames(y)[t], bounds = q$cut)
    }
    list(cls = cls, cutoffs = cutoffs)
  }
}

markov_doc <- function(y, k, how, lw = NULL) {
  cl <- classify(y, k, how)
  Tn <- ncol(y)
  from <- as.vector(cl$cls[, -Tn]); to <- as.vector(cl$cls[, -1])
  doc <- list(k = k, classify = how, cutoffs = cl$cutoffs, classes = cl$cls, chain = chain(from, to, k))
  if (!is.null(lw)) {
    lag <- sapply(seq_len(Tn), function(t) lag.listw(lw, y[, t]))
    colnames(lag) <- colnames(y)
    lc <- classify(lag, k, how)
    by <- as.vector(lc$cls[, -Tn])
    doc$lag_cutoffs <- lc$cutoffs
    doc$lag_classes <- lc$cls
    doc$chains <- lapply(0:(k - 1), function(c) chain(from[by == c], to[by == c], k))
  }
  doc
}

d <- read.csv("test/fixtures/disparity/produc.csv")
d$productivity <- d$gsp / d$emp
states <- unique(d$state)
years <- sort(unique(d$year))
y <- t(sapply(states, function(s) d$productivity[d$state == s][order(d$year[d$state == s])]))
colnames(y) <- years

sf_use_s2(FALSE)
data(us_states, package = "spData")
us <- us_states[us_states$NAME != "District of Columbia", ]
key <- toupper(gsub(" ", "_", us$NAME))
key[key == "TENNESSEE"] <- "TENNESSE"
stopifnot(setequal(key, states))
nb <- suppressMessages(poly2nb(us, queen = TRUE, row.names = key))
stopifnot(all(card(nb) > 0))
con <- file(file.path(out, "us_states.gal"), "w")
writeLines(sprintf("0 %d us_states NAME", length(nb)), con)
for (i in seq_along(nb)) {
  writeLines(sprintf("%s %d", key[i], length(nb[[i]])), con)
  writeLines(paste(key[nb[[i]]], collapse = " "), con)
}
close(con)
nb_back <- read.gal(file.path(out, "us_states.gal"), region.id = states)
lw <- nb2listw(nb_back, style = "W")

put_json(list(dataset = "plm Produc gsp/emp, 48 states x 17 years; queen contiguity of spData us_states",
  ids = states, periods = as.character(years),
  cases = list(
    classic_pooled_4 = markov_doc(y, 4, "pooled"),
    classic_period_5 = markov_doc(y, 5, "period"),
    spatial_pooled_4 = markov_doc(y, 4, "pooled", lw),
    spatial_period_3 = markov_doc(y, 3, "period", lw)
  )), file.path(out, "markov.json"))
cat("wrote markov fixtures\n")
