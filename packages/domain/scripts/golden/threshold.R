# Golden fixtures for Hansen's (1999) fixed-effects panel threshold regression, from an R implementation written
# here from the paper (no R package for it is installed):
#   Hansen, B. E. (1999) Threshold effects in non-dynamic panels: estimation, testing, and inference.
#   Journal of Econometrics 93, 345-368 (sections 2-4: within transformation, least-squares threshold, F test with
#   the unit bootstrap, likelihood-ratio confidence sets with c(a) = -2 ln(1 - sqrt(1 - a)), sequential estimation
#   and the refinement of the first threshold given the second).
# Conventions (the same as Jiju's, see docs/methods.md): unit fixed effects only; candidates are the distinct values
# of q, kept when every regime holds at least ceiling(trim N) observations; ties in the minimum go to the smaller
# threshold; F_k = (S_{k-1} - S_k)/(S_k/(N(T-1))); p = share of bootstrap F* above F; confidence sets from the
# profile that found (or refined) each threshold, with sigma^2 of the model with all thresholds.
# Here every SSR is a brute-force within regression (lm.fit on the unit-demeaned regime columns, one per regime)
# at every candidate; the final coefficients are checked by plm(model = "within") with the regime columns.
# The bootstrap uses R's own random numbers, so its p-values are compared within Monte Carlo error.
#
# Run from packages/domain after disparity.R:  Rscript scripts/golden/threshold.R
# Reads test/fixtures/disparity/produc.csv; writes test/fixtures/threshold/threshold.json. Needs plm, jsonlite.

suppressMessages({
  library(plm)
  library(jsonlite)
})
out <- "test/fixtures/threshold"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
put_json <- function(x, path) write(toJSON(x, digits = NA, auto_unbox = TRUE, null = "null", na = "null"), path)

within_u <- function(v, id) v - ave(v, id)

hansen <- function(d, unit, period, y, z, x, q, m, trim, B, seed) {
  id <- d[[unit]]; N <- nrow(d); G <- length(unique(id)); T <- N / G
  qv <- d[[q]]
  cand <- sort(unique(qv))
  below <- sapply(cand, function(g) sum(qv <= g))
  minreg <- max(1, ceiling(trim * N - 1e-9))
  yw0 <- within_u(d[[y]], id)
  Zw <- sapply(z, function(v) within_u(d[[v]], id))
  X <- sapply(x, function(v) d[[v]])
  ok <- function(cs) {
    cs <- sort(cs)
    if (any(duplicated(cs))) return(FALSE)
    cnt <- diff(c(0, below[cs], N))
    all(cnt >= minreg)
  }
  regime_cols <- function(cs) {
    g <- sort(cand[cs])
    reg <- findInterval(qv, g, left.open = TRUE) + 1   # regime r: g[r-1] < q <= g[r]
    do.call(cbind, lapply(seq_len(length(g) + 1), function(r) apply(X * (reg == r), 2, within_u, id = id)))
  }
  ssr_at <- function(cs, yw) {
    D <- cbind(Zw, if (length(cs) == 0) apply(X, 2, within_u, id = id) else regime_cols(cs))
    sum(lm.fit(D, yw)$residuals^2)
  }
  profile <- function(fixed, yw) {
    sapply(seq_along(cand), function(c) if (ok(c(fixed, c))) ssr_at(c(fixed, c), yw) else NA)
  }
  sequential <- function(yw, k) {
    found <- integer(0); s <- numeric(0); prof <- list()
    for (j in seq_len(k)) {
      p <- profile(found, yw)
      b <- which.min(p)
      found <- c(found, b); s <- c(s, p[b]); prof[[j]] <- p
    }
    list(found = found, ssr = s, profiles = prof)
  }
  S0 <- ssr_at(integer(0), yw0)
  st <- sequential(yw0, m)
  final <- st$found; profs <- st$profiles
  if (m >= 2) for (j in 1:(m - 1)) {
    p <- profile(final[-j], yw0)
    final[j] <- which.min(p); profs[[j]] <- p
  }
  dfs <- G * (T - 1)
  sigma2 <- st$ssr[m] / dfs
  crit <- -2 * log(1 - sqrt(0.95))
  ssrs <- c(S0, st$ssr)
  Fk <- sapply(1:m, function(k) (ssrs[k] - st$ssr[k]) / (st$ssr[k] / dfs))
  # Bootstrap (Hansen): residuals of the k-threshold model by unit, added to the fitted (k-1)-threshold model.
  set.seed(seed)
  boot <- lapply(1:m, function(k) {
    fitres <- function(cs) {
      D <- cbind(Zw, if (length(cs) == 0) apply(X, 2, within_u, id = id) else regime_cols(cs))
      lm.fit(D, yw0)$residuals
    }
    alt <- fitres(st$found[1:k]); nul <- fitres(if (k == 1) integer(0) else st$found[1:(k - 1)])
    fitted0 <- yw0 - nul
    units <- unique(id)
    rows <- lapply(units, function(u) which(id == u)[order(d[[period]][id == u])])
    Fs <- replicate(B, {
      draw <- sample.int(G, G, replace = TRUE)
      yb <- fitted0
      for (g in 1:G) yb[rows[[g]]] <- fitted0[rows[[g]]] + alt[rows[[draw[g]]]]
      s <- sequential(yb, k)
      prev <- if (k == 1) ssr_at(integer(0), yb) else s$ssr[k - 1]
      (prev - s$ssr[k]) / (s$ssr[k] / dfs)
    })
    list(p = mean(Fs > Fk[k]), critical = unname(quantile(Fs, c(0.9, 0.95, 0.99), type = 7)))
  })
  ths <- lapply(1:m, function(k) {
    p <- profs[[k]]; inset <- !is.na(p) & (p - p[final[k]]) / sigma2 <= crit
    list(order = k, estimate = cand[final[k]], ci_low = min(cand[inset]), ci_high = max(cand[inset]), ssr = st$ssr[k],
      f_statistic = Fk[k], p = boot[[k]]$p, critical = boot[[k]]$critical)
  })
  # Final coefficients by plm (a second route to the within estimates and their standard errors).
  g <- sort(cand[final])
  reg <- findInterval(qv, g, left.open = TRUE) + 1
  dd <- d[, c(unit, period, y, z)]
  names_x <- character(0)
  for (r in seq_len(length(g) + 1)) for (v in x) {
    nm <- paste0(v, "_regime", r); dd[[nm]] <- d[[v]] * (reg == r); names_x <- c(names_x, nm)
  }
  fml <- as.formula(paste0(y, " ~ ", paste0(c(z, names_x), collapse = " + ")))
  pm <- plm(fml, data = pdata.frame(dd, index = c(unit, period)), model = "within", effect = "individual")
  vc <- vcovHC(pm, type = "sss", cluster = "group")
  coefs <- lapply(seq_along(coef(pm)), function(j) list(name = sub("_regime", ":regime", names(coef(pm))[j]), estimate = unname(coef(pm)[j]),
    se = unname(sqrt(diag(vcov(pm)))[j]), cluster_se = unname(sqrt(diag(vc))[j])))
  stopifnot(abs(sum(residuals(pm)^2) - ssr_at(final, yw0)) < 1e-8 * ssr_at(final, yw0))
  list(units = G, periods = T, n = N, trim = trim, min_regime = minreg, candidates = length(cand), ssr_linear = S0,
    lr_critical = crit, thresholds = ths, stage_profiles = st$profiles, final_profiles = profs,
    candidate_values = cand, coefficients = coefs, bootstrap = B)
}

d <- read.csv("test/fixtures/disparity/produc.csv")
d$lgsp <- log(d$gsp); d$lemp <- log(d$emp)
data(Produc, package = "plm"); p <- Produc
d$lpc <- log(p$pc); d$lpcap <- log(p$pcap); d$unemp <- p$unemp
stopifnot(all(d$state == as.character(p$state)), all(d$year == p$year))
write.csv(d[, c("state", "year", "gsp", "emp", "lpc", "lpcap", "unemp")], file.path(out, "produc.csv"), row.names = FALSE)

res <- list(
  produc_1 = hansen(d, "state", "year", "lgsp", c("lpc", "lemp"), "lpcap", "unemp", 1, 0.05, 300, 20261126),
  produc_3 = hansen(d, "state", "year", "lgsp", c("lpc", "lemp"), "lpcap", "unemp", 3, 0.1, 200, 20261127)
)
put_json(res, file.path(out, "threshold.json"))
cat("wrote threshold fixtures\n")
