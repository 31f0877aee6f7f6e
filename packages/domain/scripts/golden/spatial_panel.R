# Golden fixtures for spatial panels and random effects (econometrics/spatial/SpatialPanel, panel/).
# Run from packages/domain:  Rscript scripts/golden/spatial_panel.R
# Needs spdep, spData, plm, jsonlite. Writes test/fixtures/spatial_panel/*.json, *.csv and *.gal.
#
# splm is not installable here, so Elhorst's fixed-effects spatial panel estimators are written out below from
# his published description and MATLAB code's conventions (Elhorst 2003, 2010, 2014; sar_panel_FE, sem_panel_FE,
# LMsarsem_panel, demoLM):
# - data stacked by period (row t·N + i); demeaning by unit, period or both;
# - lag and Durbin: W·y (and W·X) on the raw data, then demeaned; error: y and X demeaned first, then filtered
#   with (I − λW) per period;
# - concentrated log-likelihood T·log|I − ρW| − NT/2·log(2π·e'e/NT) − NT/2 maximised by optimize() with the
#   eigenvalue log-determinant; the optimum is checked by a second route (optim() on the full likelihood);
# - information matrix in (β, ρ, σ²) with dense (I − ρW)⁻¹; Lee–Yu (2010) correction as Elhorst's code;
# - impacts with the N×N weights (exact inverse);
# - LM tests (LMsarsem_panel: per-period projections) and LR tests of unit and time effects (demoLM: df N, T).
# Random effects: plm(model = "random") (Swamy–Arora) and phtest(within, random).
suppressPackageStartupMessages({ library(spdep); library(spData); library(plm); library(numDeriv); library(jsonlite) })
out <- "test/fixtures/spatial_panel"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
put <- function(x, name) write_json(x, file.path(out, name), digits = NA, auto_unbox = TRUE, null = "null", na = "null")
tr <- function(M) sum(diag(M))

coef_table <- function(est, se) {
  z <- est / se
  setNames(lapply(seq_along(est), function(i) list(estimate = unname(est[i]), se = unname(se[i]), z = unname(z[i]),
    p = 2 * pnorm(abs(unname(z[i])), lower.tail = FALSE))), names(est))
}

# y, X stacked by period; W N×N row-standardised.
elhorst <- function(y, X, W, T, model, effects, bc = FALSE, durbin = FALSE) {
  N <- nrow(W); NT <- length(y)
  unit <- rep(seq_len(N), times = T); time <- rep(seq_len(T), each = N)
  IW <- function(v) { v <- as.matrix(v); out <- v; for (t in seq_len(T)) { i <- (t - 1) * N + seq_len(N); out[i, ] <- W %*% v[i, , drop = FALSE] }; out }
  dm <- function(v) { v <- as.matrix(v); apply(v, 2, function(c) switch(effects,
    individual = c - ave(c, unit), time = c - ave(c, time), twoways = c - ave(c, unit) - ave(c, time) + mean(c))) }
  if (durbin) { WX <- IW(X); colnames(WX) <- paste0("lag.", colnames(X)); X <- cbind(X, WX) }
  k <- ncol(X)
  eig <- eigen(W, only.values = TRUE)$values
  ldet <- function(r) Re(sum(log(as.complex(1 - r * eig))))
  interval <- 1 / range(Re(eig))
  yd <- as.vector(dm(y)); Xd <- dm(X); colnames(Xd) <- colnames(X)
  if (model == "lag") {
    wyd <- as.vector(dm(IW(y)))
    b0 <- qr.coef(qr(Xd), yd); b1 <- qr.coef(qr(Xd), wyd)
    e0 <- yd - Xd %*% b0; e1 <- wyd - Xd %*% b1
    f <- function(r) { s2 <- sum((e0 - r * e1)^2) / NT; T * ldet(r) - NT / 2 * log(2 * pi * s2) - NT / 2 }
  } else {
    wyd <- as.vector(IW(yd)); WXd <- IW(Xd)
    f <- function(l) { ys <- yd - l * wyd; Xs <- Xd - l * WXd; e <- ys - Xs %*% qr.coef(qr(Xs), ys); s2 <- sum(e^2) / NT
      T * ldet(l) - NT / 2 * log(2 * pi * s2) - NT / 2 }
  }
  opt <- optimize(f, interval = interval + c(1, -1) * 1e-12, maximum = TRUE, tol = .Machine$double.eps^0.9)
  r <- opt$maximum
  if (model == "lag") { beta <- as.vector(b0 - r * b1); e <- as.vector(e0 - r * e1) }
  else { Xs <- Xd - r * WXd; ys <- yd - r * wyd; beta <- as.vector(qr.coef(qr(Xs), ys)); e <- as.vector(ys - Xs %*% beta) }
  s2 <- sum(e^2) / NT
  # Second route: the full log-likelihood in (beta, r, log s2) by optim() from a perturbed start.
  full <- function(p) { b <- p[1:k]; rr <- p[k + 1]; sg <- exp(p[k + 2])
    u <- if (model == "lag") yd - rr * wyd - Xd %*% b else { u0 <- yd - Xd %*% b; u0 - rr * IW(u0) }
    -(T * ldet(rr) - NT / 2 * log(2 * pi * sg) - sum(u^2) / (2 * sg)) }
  chk <- optim(c(beta * 1.01, r * 0.99, log(s2) + 0.01), full, method = "BFGS", control = list(reltol = 1e-14, maxit = 5000))
  stopifnot(abs(chk$par[k + 1] - r) < 1e-5 * max(1, abs(r)), abs(-chk$value - opt$objective) < 1e-7 * abs(opt$objective))
  info <- function(b, rr, sg, filt = rr) {
    A <- solve(diag(N) - rr * W); Z <- W %*% A
    I <- matrix(0, k + 2, k + 2)
    pterm <- tr(Z %*% Z) + tr(crossprod(Z))
    if (model == "lag") {
      ZXb <- as.vector(apply(matrix(Xd %*% b, N, T), 2, function(v) A %*% (W %*% v)))
      I[1:k, 1:k] <- crossprod(Xd) / sg
      I[1:k, k + 1] <- I[k + 1, 1:k] <- crossprod(Xd, ZXb) / sg
      I[k + 1, k + 1] <- sum(ZXb^2) / sg + T * pterm
    } else {
      Xs <- Xd - filt * WXd
      I[1:k, 1:k] <- crossprod(Xs) / sg
      I[k + 1, k + 1] <- T * pterm
    }
    I[k + 1, k + 2] <- I[k + 2, k + 1] <- T * tr(Z) / sg
    I[k + 2, k + 2] <- NT / (2 * sg^2)
    I
  }
  ll <- opt$objective
  I0 <- info(beta, r, s2)
  if (bc) {
    if (effects == "individual" || effects == "time") {
      s2 <- s2 * (if (effects == "individual") T / (T - 1) else N / (N - 1))
      ll <- T * ldet(r) - NT / 2 * log(2 * pi * s2) - sum(e^2) / (2 * s2)
      I0 <- info(beta, r, s2)
    } else {
      d <- solve(I0 / NT) %*% c(rep(0, k), 1 / (1 - r), 1 / (2 * s2)) / N
      r0 <- r
      beta <- beta + d[1:k]; r <- r + d[k + 1]; s2 <- T / (T - 1) * (s2 + d[k + 2])
      I0 <- info(beta, r, s2, filt = r0)
    }
  }
  V <- solve(I0)
  se <- sqrt(diag(V))
  est <- setNames(beta, colnames(X))
  par <- list(estimate = r, se = se[k + 1], z = r / se[k + 1], p = 2 * pnorm(abs(r / se[k + 1]), lower.tail = FALSE))
  e00 <- if (model == "lag") yd - Xd %*% qr.coef(qr(Xd), yd) else yd - Xd %*% qr.coef(qr(Xd), yd)
  ll0 <- -NT / 2 * log(2 * pi * sum(e00^2) / NT) - NT / 2
  res <- list(model = if (durbin) "durbin" else model, effects = effects, bias_correction = if (bc) "lee-yu" else "none",
    coefficients = coef_table(est, se[1:k]), sigma2 = s2, logLik = ll, logLikOLS = ll0,
    lr = list(statistic = 2 * (ll - ll0), p = pchisq(2 * (ll - ll0), 1, lower.tail = FALSE)), aic = -2 * ll + 2 * (k + 2))
  res[[if (model == "lag") "rho" else "lambda"]] <- par
  # Observed Hessian of the concentrated log-likelihood in (ρ, β) (plain ML only): numDeriv on parameters scaled by
  # their standard errors, steps of 0.01 s.e. with 6 Richardson rounds.
  if (!bc) {
    fc <- function(p) { rr <- p[1]; b <- p[-1]
      u <- if (model == "lag") yd - rr * wyd - Xd %*% b else { u0 <- yd - Xd %*% b; u0 - rr * IW(u0) }
      T * ldet(rr) - NT / 2 * log(2 * pi * sum(u^2) / NT) - NT / 2 }
    sc <- c(se[k + 1], se[1:k])
    H <- hessian(function(t) fc(c(r, beta) + sc * t), rep(0, k + 1), method.args = list(d = 0.01, eps = 0.01, r = 6)) / outer(sc, sc)
    Vh <- solve(-H)
    res$hessian_se <- list(spatial = sqrt(Vh[1, 1]), coefficients = setNames(as.list(sqrt(diag(Vh))[-1]), colnames(X)))
  }
  if (model == "lag") {
    A <- solve(diag(N) - r * W)
    kx <- if (durbin) k / 2 else k
    nm <- colnames(X)[seq_len(kx)]
    res$impacts <- setNames(lapply(seq_len(kx), function(j) {
      S <- A * beta[j]; if (durbin) S <- S + A %*% W * beta[kx + j]
      list(direct = tr(S) / N, indirect = (sum(S) - tr(S)) / N, total = sum(S) / N) }), nm)
  }
  res
}

# LMsarsem_panel on the OLS fit of the demeaned data (y, X stacked by period), and the log-likelihood.
lm_panel <- function(yd, Xd, W, T) {
  N <- nrow(W); NT <- length(yd)
  b <- qr.coef(qr(Xd), yd); res <- as.vector(yd - Xd %*% b); sige <- sum(res^2) / NT
  trW <- tr((t(W) + W) %*% W)
  WXB2 <- 0; EWE <- 0; EWY <- 0
  for (t in seq_len(T)) {
    i <- (t - 1) * N + seq_len(N); Xt <- Xd[i, , drop = FALSE]
    WXB <- W %*% Xt %*% b
    M <- diag(N) - Xt %*% solve(crossprod(Xt)) %*% t(Xt)
    WXB2 <- WXB2 + as.numeric(t(WXB) %*% M %*% WXB)
    EWE <- EWE + as.numeric(t(res[i]) %*% W %*% res[i])
    EWY <- EWY + as.numeric(t(res[i]) %*% W %*% yd[i])
  }
  Ttr <- T * trW; J <- (WXB2 + Ttr * sige) / sige
  s <- list(lm_lag = (EWY / sige)^2 / J, lm_error = (EWE / sige)^2 / Ttr,
    robust_lm_lag = ((EWY - EWE) / sige)^2 / (J - Ttr),
    robust_lm_error = ((EWE - (Ttr / J) * EWY) / sige)^2 / (Ttr * (1 - Ttr / J)))
  list(tests = lapply(s, function(v) list(statistic = v, p = pchisq(v, 1, lower.tail = FALSE))),
    logLik = -NT / 2 * log(2 * pi * sige) - NT / 2)
}

panel_case <- function(name, long, unit, period, formula, nb, models = c("lag", "error", "durbin")) {
  long <- long[order(long[[period]], long[[unit]]), ]
  units <- sort(unique(as.character(long[[unit]])))
  stopifnot(identical(as.character(long[[unit]][seq_along(units)]), units))
  W <- nb2mat(nb, style = "W", zero.policy = TRUE)
  N <- nrow(W); T <- nrow(long) / N
  mf <- model.frame(formula, long); y <- model.response(mf); X <- model.matrix(formula, mf)[, -1, drop = FALSE]
  fits <- list()
  for (m in models) for (eff in c("individual", "time", "twoways")) for (bc in c(FALSE, TRUE)) {
    key <- paste(m, eff, if (bc) "leeyu" else "none", sep = "_")
    fits[[key]] <- elhorst(y, X, W, T, if (m == "durbin") "lag" else m, eff, bc = bc, durbin = m == "durbin")
  }
  # LM diagnostics and LR tests of the effects on the non-spatial fixed-effects model.
  unitv <- rep(seq_len(N), times = T); timev <- rep(seq_len(T), each = N)
  dmf <- function(v, eff) { v <- as.matrix(v); apply(v, 2, function(c) switch(eff, individual = c - ave(c, unitv),
    time = c - ave(c, timev), twoways = c - ave(c, unitv) - ave(c, timev) + mean(c))) }
  lmres <- list(); lls <- list()
  for (eff in c("individual", "time", "twoways")) {
    r <- lm_panel(as.vector(dmf(y, eff)), dmf(X, eff), W, T)
    lmres[[eff]] <- r$tests; lls[[eff]] <- r$logLik
  }
  lr_unit <- -2 * (lls$time - lls$twoways); lr_time <- -2 * (lls$individual - lls$twoways)
  effects_lr <- list(unit = list(statistic = lr_unit, df = N, p = pchisq(lr_unit, N, lower.tail = FALSE)),
    time = list(statistic = lr_time, df = T, p = pchisq(lr_time, T, lower.tail = FALSE)),
    logLik = lls)
  put(list(dataset = name, formula = deparse1(formula), unit = unit, period = period, N = N, T = T,
    fits = fits, lm = lmres, effects_lr = effects_lr), paste0(name, ".json"))
  cat(name, "done\n")
}

# 1. Produc (plm): 48 US states × 17 years with the contiguity of spData's usa48.nb (states in the same order).
data("Produc", package = "plm")
data(used.cars, package = "spData")
abb <- attr(usa48.nb, "region.id")
full <- toupper(gsub(" ", "_", state.name[match(abb, state.abb)]))
full[full == "TENNESSEE"] <- "TENNESSE"  # Produc's spelling
produc <- Produc[, c("state", "year", "region", "gsp", "pcap", "pc", "emp", "unemp")]
# Three zones from the census divisions (1 New England … 9 Pacific), for the heterogeneity (--by) reference.
produc$zone <- c("east", "east", "central", "central", "east", "central", "central", "west", "west")[as.integer(as.character(produc$region))]
produc$state <- as.character(produc$state)
stopifnot(setequal(full, unique(produc$state)))
nb48 <- usa48.nb
# Reorder the neighbour list alphabetically by full name (the order of the sorted units).
perm <- order(full); inv <- match(seq_along(perm), perm)
nbs <- lapply(perm, function(i) sort(inv[nb48[[i]]])); attr(nbs, "region.id") <- full[perm]; class(nbs) <- "nb"
write_gal <- function(nb, ids, file) {
  lines <- as.character(length(nb))
  for (i in seq_along(nb)) { v <- nb[[i]]; v <- v[v > 0]; lines <- c(lines, paste(ids[i], length(v)), paste(ids[v], collapse = " ")) }
  writeLines(lines, file)
}
write_gal(nbs, full[perm], file.path(out, "usa48.gal"))
write.csv(produc, file.path(out, "produc.csv"), row.names = FALSE)
panel_case("produc", produc, "state", "year", log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp, nbs)

# 1b. Heterogeneity: the same models per zone, the weights restricted to the zone's states and row-standardised
#     again (spdep subset.listw): within (plm, two-way) and the spatial lag panel (two-way).
by <- list()
for (z in unique(produc$zone)) {
  sub <- produc[produc$zone == z, ]
  sub <- sub[order(sub$year, sub$state), ]
  keep <- sort(unique(sub$state))
  idx <- match(keep, full[perm])
  B <- nb2mat(nbs, style = "B", zero.policy = TRUE)[idx, idx, drop = FALSE]
  rs <- rowSums(B); Wz <- B / ifelse(rs > 0, rs, 1)
  fe <- plm(log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp, data = sub, index = c("state", "year"), model = "within", effect = "twoways")
  mf <- model.frame(log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp, sub)
  lag <- elhorst(model.response(mf), model.matrix(log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp, mf)[, -1], Wz, length(unique(sub$year)), "lag", "twoways")
  by[[z]] <- list(units = length(keep), fe = list(names = names(coef(fe)), estimate = unname(coef(fe)), se = unname(summary(fe)$coefficients[, 2])), lag = lag)
}
put(list(by = "zone", formula = "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp", groups = by), "produc_by_zone.json")

# 2. North Carolina SIDS (spData nc.sids): 100 counties × 2 periods (1974–78, 1979–84), Cressie's neighbours.
data(nc.sids, package = "spData")
ids <- as.character(nc.sids$CNTY.ID)
sids <- rbind(
  data.frame(county = ids, period = 1974L, sid = nc.sids$SID74, births = nc.sids$BIR74, nonwhite = nc.sids$NWBIR74),
  data.frame(county = ids, period = 1979L, sid = nc.sids$SID79, births = nc.sids$BIR79, nonwhite = nc.sids$NWBIR79))
sids$rate <- log((sids$sid + 1) / sids$births * 1000)
sids$share <- sids$nonwhite / sids$births
sids$lbirths <- log(sids$births)
permc <- order(ids); invc <- match(seq_along(permc), permc)
nbc <- lapply(permc, function(i) { v <- ncCR85.nb[[i]]; if (length(v) == 1 && v == 0) 0L else sort(invc[v]) })
attr(nbc, "region.id") <- ids[permc]; class(nbc) <- "nb"
write_gal(nbc, ids[permc], file.path(out, "nc_sids.gal"))
write.csv(sids, file.path(out, "nc_sids.csv"), row.names = FALSE)
panel_case("nc_sids", sids, "county", "period", rate ~ share + lbirths, nbc)

# 3. Random effects (Swamy–Arora) and the Hausman test, as plm.
re_case <- function(name, data, formula, index, effects) {
  res <- list()
  for (eff in effects) {
    fe <- plm(formula, data = data, index = index, model = "within", effect = eff)
    re <- plm(formula, data = data, index = index, model = "random", effect = eff)
    s <- summary(re)
    h <- phtest(fe, re)
    th <- re$ercomp$theta
    res[[eff]] <- list(names = names(coef(re)), estimate = unname(coef(re)), se = unname(s$coefficients[, 2]),
      t = unname(s$coefficients[, 3]), p = unname(s$coefficients[, 4]),
      sigma2 = as.list(re$ercomp$sigma2), theta = if (is.list(th)) lapply(th, function(v) unname(v)) else unname(th),
      r2 = unname(s$r.squared[1]), df_residual = df.residual(re), rss = deviance(re),
      hausman = list(statistic = unname(h$statistic), df = unname(h$parameter), p = unname(h$p.value)))
  }
  put(list(dataset = name, formula = deparse1(formula), unit = index[1], period = index[2], results = res), paste0("re_", name, ".json"))
  cat("re", name, "done\n")
}
data("Grunfeld", package = "plm")
re_case("grunfeld", Grunfeld, inv ~ value + capital, c("firm", "year"), c("individual", "time", "twoways"))
re_case("produc", produc, log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp, c("state", "year"), c("individual", "time", "twoways"))
gu <- read.csv("test/fixtures/panel/grunfeld_unbalanced.csv")
re_case("grunfeld_unbalanced", gu, inv ~ value + capital, c("firm", "year"), c("individual", "time"))
