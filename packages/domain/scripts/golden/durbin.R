# Golden fixtures for the spatial Durbin family (econometrics/spatial: SLX, SDM, SDEM, SAC, impacts, reductions).
# Run from packages/domain:  Rscript scripts/golden/durbin.R
# Needs spdep, spatialreg, spData, numDeriv, jsonlite. Writes test/fixtures/durbin/*.json; the inputs (y, X,
# neighbours) are those of test/fixtures/spatial/<name>.json, written by scripts/golden/spatial.R.
#
# References:
# - lmSLX, lagsarlm(Durbin = TRUE), errorsarlm(Durbin = TRUE), sacsarlm, all with method = "eigen" (dense
#   eigenvalues, analytic information matrix), tol.opt tightened; sacsarlm's nlminb with tight tolerances.
# - impacts(): exact (listw given) for lag, SDM and SAC; the linear SLX/SDEM impacts with their standard errors.
# - LR of SDM against SAR and SEM by logLik; Wald tests written out here from vcov() (delta method for the
#   common factor θ + ρβ = 0), a route independent of Jiju's.
# - Observed-Hessian standard errors: numDeriv::hessian (Richardson extrapolation) of the concentrated
#   log-likelihood written out here with the eigenvalue log-determinant.
# - Simulated impact standard errors: impacts(R = 20000), compared with Monte Carlo tolerance.
suppressPackageStartupMessages({
  library(spdep); library(spatialreg); library(spData); library(numDeriv); library(jsonlite)
})
out <- "test/fixtures/durbin"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
ctl <- list(tol.opt = .Machine$double.eps^0.9)
# nlminb reports "singular convergence (7)" on these likelihoods whatever the tolerances; the optimum is checked
# instead by the gradient of the concentrated log-likelihood at R's (rho, lambda), written to the fixture.
sac_ctl <- list(opt_control = list(rel.tol = 1e-15, x.tol = 1e-13, eval.max = 2000, iter.max = 1000))
set.seed(20261206)

coef_table <- function(est, se) {
  z <- est / se
  p <- 2 * pnorm(abs(z), lower.tail = FALSE)
  setNames(lapply(seq_along(est), function(i) list(estimate = unname(est[i]), se = unname(se[i]), z = unname(z[i]), p = unname(p[i]))), names(est))
}
term <- function(est, se) list(estimate = unname(est), se = unname(se), z = unname(est / se), p = 2 * pnorm(abs(unname(est / se)), lower.tail = FALSE))
semat_list <- function(m) list(direct = m[, 1], indirect = m[, 2], total = m[, 3])
imp_list <- function(im, nm) setNames(lapply(seq_along(nm), function(i) list(direct = as.numeric(im$direct[i]), indirect = as.numeric(im$indirect[i]), total = as.numeric(im$total[i]))), nm)
# Hessian of the concentrated log-likelihood with eigenvalue log-determinants (complex for asymmetric W).
ldet_fun <- function(eig) function(r) Re(sum(log(as.complex(1 - r * eig))))
# numDeriv on the parameters scaled by their (information) standard errors, so that every direction has a
# comparable curvature (the raw parameters differ in scale by up to 1e6 on the Boston data).
# Steps of 0.01 standard errors with 6 Richardson rounds: smaller steps drown in the rounding of f (|f| ~ 1e2).
scaled_hessian <- function(f, th, sc) hessian(function(t) f(th + sc * t), rep(0, length(th)), method.args = list(d = 0.01, eps = 0.01, r = 6)) / outer(sc, sc)

sarlm_common <- function(fit) list(
  sigma2 = fit$s2, logLik = as.numeric(logLik(fit)), aic = AIC(fit), logLikOLS = as.numeric(fit$logLik_lm.model),
  lr = { l <- LR1.Sarlm(fit); list(statistic = as.numeric(l$statistic), df = as.numeric(l$parameter), p = as.numeric(l$p.value)) })

run <- function(name, formula, data, nb, style = "W", durbin = TRUE, simulate = FALSE, eigen = TRUE) {
  lw <- nb2listw(nb, style = style, zero.policy = TRUE)
  W <- as(lw, "CsparseMatrix")
  # Eigenvalues once (symmetric similar matrix when there is one), handed to every fit and to impacts(): the
  # same values spatialreg would compute in each call.
  eig <- if (spatialreg:::can.be.simmed(lw)) eigen(listw2mat(spatialreg:::similar.listw(lw)), symmetric = TRUE, only.values = TRUE)$values else eigen(listw2mat(lw), only.values = TRUE)$values
  ctl <- c(ctl, list(pre_eig = eig))
  sac_ctl <- c(sac_ctl, list(pre_eig1 = eig, pre_eig2 = eig))
  ldet <- ldet_fun(eig)
  mf <- model.frame(formula, data); X <- model.matrix(formula, mf); y <- model.response(mf); n <- length(y)
  res <- list(dataset = name, formula = deparse1(formula), n = n, style = style,
    durbin = if (isTRUE(durbin)) NULL else I(attr(terms(durbin), "term.labels")))
  meth <- "eigen"

  # SLX
  slx <- lmSLX(formula, data, lw, Durbin = durbin, zero.policy = TRUE)
  s <- summary(slx)
  cf <- s$coefficients
  # lmSLX shows make.names of the lag.<term> columns; map them back to spatialreg's lagsarlm names.
  sdm <- lagsarlm(formula, data, lw, Durbin = durbin, method = meth, control = ctl, zero.policy = TRUE)
  stopifnot(length(sdm$coefficients) == nrow(cf))
  rownames(cf) <- names(sdm$coefficients)
  isl <- impacts(slx)
  res$slx <- list(
    coefficients = setNames(lapply(seq_len(nrow(cf)), function(i) list(estimate = cf[i, 1], se = cf[i, 2], z = cf[i, 3], p = cf[i, 4])), rownames(cf)),
    sigma2 = s$sigma^2, logLik = as.numeric(logLik(slx)), aic = AIC(slx), r2 = s$r.squared, adj_r2 = s$adj.r.squared,
    impacts = imp_list(isl$impacts, attr(isl, "bnames")), impacts_se = imp_list(isl$se, attr(isl, "bnames")))

  # SDM
  sm <- summary(sdm)
  res$sdm <- c(list(coefficients = coef_table(sdm$coefficients, sdm$rest.se), rho = term(sdm$rho, sdm$rho.se)), sarlm_common(sdm))
  im <- impacts(sdm, evalues = eig)
  bn <- attr(im, "bnames")
  res$sdm$impacts <- imp_list(im, bn)
  # Hessian reference: concentrated log-likelihood in (rho, beta).
  Xd <- sdm$X; wy <- as.vector(W %*% y)
  fl <- function(th) { e <- y - th[1] * wy - Xd %*% th[-1]; sse <- sum(e^2); ldet(th[1]) - n / 2 * log(2 * pi * sse / n) - n / 2 }
  H <- scaled_hessian(fl, c(sdm$rho, sdm$coefficients), c(sdm$rho.se, sdm$rest.se))
  V <- solve(-H)
  res$sdm$hessian_se <- list(rho = sqrt(V[1, 1]), coefficients = setNames(as.list(sqrt(diag(V))[-1]), names(sdm$coefficients)))

  # SAR and SEM on the same data, and the reductions of the SDM.
  sar <- lagsarlm(formula, data, lw, method = meth, control = ctl, zero.policy = TRUE)
  sem <- errorsarlm(formula, data, lw, method = meth, control = ctl, zero.policy = TRUE)
  vc <- vcov(sdm)  # (rho, beta, theta) from the information matrix
  cn <- names(sdm$coefficients)
  lagn <- cn[startsWith(cn, "lag.")]
  basen <- substring(lagn, 5)
  th <- sdm$coefficients[lagn]
  it <- match(lagn, rownames(vc)); ib <- match(basen, rownames(vc)); ir <- match("rho", rownames(vc))
  wald_lag <- as.numeric(t(th) %*% solve(vc[it, it, drop = FALSE]) %*% th)
  red <- list(lag = list(
    lr = list(statistic = 2 * as.numeric(sdm$LL - sar$LL), df = length(lagn), p = pchisq(2 * as.numeric(sdm$LL - sar$LL), length(lagn), lower.tail = FALSE)),
    wald = list(statistic = wald_lag, df = length(lagn), p = pchisq(wald_lag, length(lagn), lower.tail = FALSE))))
  if (isTRUE(durbin)) {
    g <- th + sdm$rho * sdm$coefficients[basen]
    G <- matrix(0, length(lagn), nrow(vc))
    for (a in seq_along(lagn)) { G[a, it[a]] <- 1; G[a, ib[a]] <- sdm$rho; G[a, ir] <- sdm$coefficients[basen[a]] }
    wald_err <- as.numeric(t(g) %*% solve(G %*% vc %*% t(G)) %*% g)
    red$error <- list(
      lr = list(statistic = 2 * as.numeric(sdm$LL - sem$LL), df = length(lagn), p = pchisq(2 * as.numeric(sdm$LL - sem$LL), length(lagn), lower.tail = FALSE)),
      wald = list(statistic = wald_err, df = length(lagn), p = pchisq(wald_err, length(lagn), lower.tail = FALSE)))
  }
  res$reductions <- red
  res$sar_logLik <- as.numeric(sar$LL); res$sem_logLik <- as.numeric(sem$LL)
  # SAR and SEM themselves (information-matrix standard errors with method "eigen", at every n).
  res$sar <- c(list(coefficients = coef_table(sar$coefficients, sar$rest.se), rho = term(sar$rho, sar$rho.se)), sarlm_common(sar))
  res$sem <- c(list(coefficients = coef_table(sem$coefficients, sem$rest.se), lambda = term(sem$lambda, sem$lambda.se)), sarlm_common(sem))

  # SDEM
  sdem <- errorsarlm(formula, data, lw, Durbin = durbin, method = meth, control = ctl, zero.policy = TRUE)
  res$sdem <- c(list(coefficients = coef_table(sdem$coefficients, sdem$rest.se), lambda = term(sdem$lambda, sdem$lambda.se)), sarlm_common(sdem))
  ie <- impacts(sdem)
  res$sdem$impacts <- imp_list(ie$impacts, attr(ie, "bnames"))
  res$sdem$impacts_se <- imp_list(ie$se, attr(ie, "bnames"))
  Xe <- sdem$X; WXe <- W %*% Xe
  fe <- function(th) { u <- as.vector(y - Xe %*% th[-1]); e <- u - th[1] * as.vector(W %*% u); sse <- sum(e^2); ldet(th[1]) - n / 2 * log(2 * pi * sse / n) - n / 2 }
  He <- scaled_hessian(fe, c(sdem$lambda, sdem$coefficients), c(sdem$lambda.se, sdem$rest.se))
  res$sdem$hessian_se <- list(lambda = sqrt(solve(-He)[1, 1]))

  # SAC (same W twice), only for the full model.
  if (isTRUE(durbin)) {
    sac <- sacsarlm(formula, data, lw, method = meth, control = sac_ctl, zero.policy = TRUE)
    res$sac <- c(list(coefficients = coef_table(sac$coefficients, sac$rest.se), rho = term(sac$rho, sac$rho.se), lambda = term(sac$lambda, sac$lambda.se)), sarlm_common(sac))
    ia <- impacts(sac, evalues = eig)
    res$sac$impacts <- imp_list(ia, attr(ia, "bnames"))
    fs <- function(th) { e <- as.vector(y - th[1] * wy - X %*% th[-(1:2)]); e <- e - th[2] * as.vector(W %*% e); sse <- sum(e^2); ldet(th[1]) + ldet(th[2]) - n / 2 * log(2 * pi * sse / n) - n / 2 }
    Hs <- scaled_hessian(fs, c(sac$rho, sac$lambda, sac$coefficients), c(sac$rho.se, sac$lambda.se, sac$rest.se))
    Vs <- solve(-Hs)
    res$sac$hessian_se <- list(rho = sqrt(Vs[1, 1]), lambda = sqrt(Vs[2, 2]), coefficients = setNames(as.list(sqrt(diag(Vs))[-(1:2)]), names(sac$coefficients)))
    # The concentrated log-likelihood's gradient in (rho, lambda) at R's optimum (beta by least squares).
    prof <- function(p) { B <- function(v) as.vector(v - p[2] * (W %*% v)); yb <- B(y - p[1] * wy); Xb <- apply(X, 2, B); fs(c(p, qr.coef(qr(Xb), yb))) }
    res$sac$gradient <- grad(prof, c(sac$rho, sac$lambda))
  }

  if (simulate) {
    R <- 20000
    sim <- summary(impacts(sdm, evalues = eig, R = R), zstats = TRUE)
    res$sdm$impacts_sim_se <- list(draws = R, se = imp_list(semat_list(sim$semat), bn))
    siml <- summary(impacts(sar, evalues = eig, R = R), zstats = TRUE)
    res$sar_impacts_sim_se <- list(draws = R, se = imp_list(semat_list(siml$semat), rownames(siml$semat)))
  }
  suffix <- if (isTRUE(durbin)) "" else "_restricted"
  write_json(res, file.path(out, paste0(name, suffix, ".json")), digits = NA, auto_unbox = TRUE, null = "null", na = "null")
  cat(name, suffix, "done\n")
}
`%||%` <- function(a, b) if (is.null(a)) b else a

only <- Sys.getenv("ONLY")
if (nzchar(only)) { run_all <- run; run <- function(name, ...) if (name == only) run_all(name, ...) }
data(columbus, package = "spData")
run("columbus", CRIME ~ INC + HOVAL, columbus, col.gal.nb, simulate = TRUE)
run("columbus", CRIME ~ INC + HOVAL, columbus, col.gal.nb, durbin = ~INC)
data(boston, package = "spData")
run("boston", log(CMEDV) ~ CRIM + ZN + INDUS + CHAS + I(NOX^2) + I(RM^2) + AGE + log(DIS) + log(RAD) + TAX + PTRATIO + B + log(LSTAT), boston.c, boston.soi)
data(baltimore, package = "spData")
knn4 <- knn2nb(knearneigh(cbind(baltimore$X, baltimore$Y), k = 4))
run("baltimore_knn4", PRICE ~ NROOM + NBATH + AGE + SQFT + AC, baltimore, knn4)
data(elect80, package = "spData")
run("elect80", log(pc_turnout) ~ log(pc_college) + log(pc_homeownership) + log(pc_income), as.data.frame(elect80), e80_queen)
