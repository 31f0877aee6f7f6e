# Golden fixtures for spatial regression (econometrics/spatial).
# Run from packages/domain:  Rscript scripts/golden/spatial.R
# Needs spdep, spatialreg, spData, jsonlite. Writes test/fixtures/spatial/*.json (+ CSV and GAL inputs).
#
# Cross-section references: spatialreg::lagsarlm / errorsarlm with method = "eigen" (dense eigenvalues,
# analytic asymptotic variance) and method = "Matrix" (sparse Cholesky log-determinant; analytic variance
# for n <= 1500, numerical Hessian (fdHess) above). tol.opt is tightened so that R's optimum is as exact
# as optimize() allows (optimize stops at about sqrt(eps) * |rho|).
# Panel references: splm is not installable here, so the fixed-effects spatial panel likelihood of
# Elhorst (2003, 2014) is written out below directly from the formulas (demeaning, concentrated
# log-likelihood maximised by optimize(), analytic asymptotic variance).
suppressPackageStartupMessages({
  library(spdep); library(spatialreg); library(spData); library(jsonlite)
})
out <- "test/fixtures/spatial"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
ctl <- list(tol.opt = .Machine$double.eps^0.9)

nb0 <- function(nb) lapply(nb, function(v) if (length(v) == 1L && v[1] == 0L) integer(0) else as.integer(v - 1L))

coef_table <- function(est, se) {
  z <- est / se
  p <- 2 * pnorm(abs(z), lower.tail = FALSE)
  setNames(lapply(seq_along(est), function(i) list(estimate = unname(est[i]), se = unname(se[i]), z = unname(z[i]), p = unname(p[i]))), names(est))
}

sarlm_result <- function(fit, lw, kind) {
  s <- summary(fit)
  par <- if (kind == "lag") fit$rho else fit$lambda
  par_se <- if (kind == "lag") fit$rho.se else fit$lambda.se
  lr <- LR1.Sarlm(fit)
  res <- list(
    method = fit$method,
    coefficients = coef_table(fit$coefficients, fit$rest.se),
    sigma2 = fit$s2,
    logLik = as.numeric(logLik(fit)),
    aic = AIC(fit),
    logLikOLS = as.numeric(fit$logLik_lm.model),
    lr = list(statistic = as.numeric(lr$statistic), p = as.numeric(lr$p.value)),
    interval = fit$interval
  )
  res[[if (kind == "lag") "rho" else "lambda"]] <- list(estimate = unname(par), se = par_se,
    z = unname(par / par_se), p = 2 * pnorm(abs(unname(par / par_se)), lower.tail = FALSE))
  if (kind == "lag" && fit$method == "eigen") {
    im <- impacts(fit, listw = lw)
    nm <- names(fit$coefficients)[-1]
    res$impacts <- setNames(lapply(seq_along(nm), function(i) list(direct = as.numeric(im$direct[i]), indirect = as.numeric(im$indirect[i]), total = as.numeric(im$total[i]))), nm)
  }
  res
}

cross_section <- function(name, formula, data, nb, style = "W", methods = c("eigen", "Matrix"), write_inputs = TRUE) {
  lw <- nb2listw(nb, style = style, zero.policy = TRUE)
  mf <- model.frame(formula, data)
  X <- model.matrix(formula, mf)
  y <- model.response(mf)
  fx <- list(dataset = name, formula = deparse1(formula), style = style, n = nrow(X), k = ncol(X),
    names = colnames(X), y = unname(y), X = unname(lapply(seq_len(nrow(X)), function(i) unname(X[i, ]))),
    neighbours = nb0(nb), symmetric = is.symmetric.nb(nb, FALSE), lag = list(), error = list())
  for (m in methods) {
    lag <- lagsarlm(formula, data, lw, method = m, control = ctl, zero.policy = TRUE)
    err <- errorsarlm(formula, data, lw, method = m, control = ctl, zero.policy = TRUE)
    fx$lag[[m]] <- sarlm_result(lag, lw, "lag")
    fx$error[[m]] <- sarlm_result(err, lw, "error")
  }
  if (write_inputs) {
    vars <- unique(all.vars(formula))
    write.csv(cbind(id = seq_len(nrow(data)), as.data.frame(data)[, vars, drop = FALSE]), file.path(out, paste0(name, ".csv")), row.names = FALSE)
    write.nb.gal(nb, file.path(out, paste0(name, ".gal")))
  }
  write_json(fx, file.path(out, paste0(name, ".json")), digits = NA, auto_unbox = TRUE)
  cat(name, "done\n")
}

# 1. Columbus: CRIME ~ INC + HOVAL, queen contiguity col.gal.nb (symmetric, row-standardised).
data(columbus, package = "spData")
cross_section("columbus", CRIME ~ INC + HOVAL, columbus, col.gal.nb)

# 2. Boston: Harrison-Rubinfeld hedonic equation, sphere-of-influence neighbours boston.soi.
data(boston, package = "spData")
cross_section("boston", log(CMEDV) ~ CRIM + ZN + INDUS + CHAS + I(NOX^2) + I(RM^2) + AGE + log(DIS) +
  log(RAD) + TAX + PTRATIO + B + log(LSTAT), boston.c, boston.soi)

# 3. Baltimore house prices with 4 nearest neighbours: asymmetric weights, complex eigenvalues.
data(baltimore, package = "spData")
knn4 <- knn2nb(knearneigh(cbind(baltimore$X, baltimore$Y), k = 4))
cross_section("baltimore_knn4", PRICE ~ NROOM + NBATH + AGE + SQFT + AC, baltimore, knn4, methods = "eigen")

# 4. US counties 1980 election (n = 3107, queen, with islands): the sparse path at a size where
#    R uses a numerical Hessian for the standard errors.
data(elect80, package = "spData")
e80 <- as.data.frame(elect80)
f80 <- log(pc_turnout) ~ log(pc_college) + log(pc_homeownership) + log(pc_income)
cross_section("elect80", f80, e80, e80_queen, methods = "Matrix")
# R's standard errors here come from nlme::fdHess, a finite-difference Hessian; with these nearly collinear
# regressors its inverse is only good to ~1e-3 (numDeriv's Richardson Hessian to ~1e-4). Add a precise
# reference: the observed Hessian of the same concentrated log-likelihood in (rho or lambda, beta) with
# analytic derivatives, and d2 log|I - rho W| / d rho2 = -sum (e/(1 - rho e))^2 from the eigenvalues e of the
# similar symmetric matrix.
local({
  fx <- fromJSON(file.path(out, "elect80.json"), simplifyVector = FALSE)
  lw <- nb2listw(e80_queen, style = "W", zero.policy = TRUE)
  mf <- model.frame(f80, e80); X <- model.matrix(f80, mf); y <- model.response(mf); n <- length(y)
  W <- as(lw, "CsparseMatrix")
  S <- as.matrix(spatialreg:::listw2U_Matrix(spatialreg:::similar.listw_Matrix(lw)))
  eig <- eigen(S, symmetric = TRUE, only.values = TRUE)$values
  ldet2 <- function(r) -sum((eig / (1 - r * eig))^2)
  wy <- as.vector(W %*% y); WX <- as.matrix(W %*% X)
  lag <- fx$lag$Matrix; err <- fx$error$Matrix
  rho <- lag$rho$estimate; b <- sapply(lag$coefficients, function(t) t$estimate)
  e <- as.vector(y - rho * wy - X %*% b); sse <- sum(e^2); g <- -2 * sum(wy * e)
  H <- -n / (2 * sse) * 2 * crossprod(cbind(wy, X))
  H[1, 1] <- H[1, 1] + n / (2 * sse^2) * g^2 + ldet2(rho)
  v_lag <- solve(-H)
  lam <- err$lambda$estimate; b <- sapply(err$coefficients, function(t) t$estimate)
  u <- as.vector(y - X %*% b); wu <- as.vector(W %*% u); e <- u - lam * wu; Xt <- X - lam * WX
  sse <- sum(e^2); g <- -2 * sum(e * wu)
  D <- matrix(0, ncol(X) + 1, ncol(X) + 1)
  D[1, 1] <- 2 * sum(wu^2)
  D[1, -1] <- D[-1, 1] <- 2 * (crossprod(Xt, wu) + crossprod(WX, e))
  D[-1, -1] <- 2 * crossprod(Xt)
  H <- -n / (2 * sse) * D
  H[1, 1] <- H[1, 1] + n / (2 * sse^2) * g^2 + ldet2(lam)
  v_err <- solve(-H)
  fx$lag$Matrix$hessianSe <- list(spatial = sqrt(v_lag[1, 1]), coefficients = setNames(as.list(sqrt(diag(v_lag))[-1]), names(lag$coefficients)))
  fx$error$Matrix$hessianSe <- list(spatial = sqrt(v_err[1, 1]))
  write_json(fx, file.path(out, "elect80.json"), digits = NA, auto_unbox = TRUE)
  cat("elect80 precise Hessian added\n")
})

# 5. Fixed-effects spatial panels (Elhorst 2003/2014) on the Columbus neighbours, simulated data.
panel_fit <- function(y, X, unit, time, W, model, effects) {
  N <- nrow(W); T <- length(unique(time)); NT <- length(y)
  ord <- order(time, unit)  # stack by period: block t holds the N units
  stopifnot(all(ord == seq_len(NT)))
  IW <- kronecker(diag(T), W)
  dm <- function(v) switch(effects,
    individual = v - ave(v, unit),
    time = v - ave(v, time),
    twoways = v - ave(v, unit) - ave(v, time) + mean(v))
  dmM <- function(M) apply(M, 2, dm)
  eig <- eigen(W, only.values = TRUE)$values
  ldet <- function(r) Re(sum(log(as.complex(1 - r * eig))))
  interval <- 1 / range(Re(eig))
  # Elhorst's conventions: lag: W·y on the raw y, then demeaned; error: demean first, then filter the demeaned
  # data with (I − λW) per period (sem_panel_FE).
  yt <- dm(y); Xt <- dmM(X)
  if (model == "lag") { wyt <- dm(as.vector(IW %*% y)); WXt <- dmM(IW %*% X) }
  else { wyt <- as.vector(IW %*% yt); WXt <- IW %*% Xt }
  if (model == "lag") {
    b0 <- qr.solve(Xt, yt); b1 <- qr.solve(Xt, wyt)
    e0 <- yt - Xt %*% b0; e1 <- wyt - Xt %*% b1
    f <- function(r) { s2 <- sum((e0 - r * e1)^2) / NT; T * ldet(r) - NT / 2 * log(2 * pi * s2) - NT / 2 }
  } else {
    f <- function(l) {
      ys <- yt - l * wyt; Xs <- Xt - l * WXt
      e <- ys - Xs %*% qr.solve(Xs, ys); s2 <- sum(e^2) / NT
      T * ldet(l) - NT / 2 * log(2 * pi * s2) - NT / 2
    }
  }
  opt <- optimize(f, interval = interval + c(1, -1) * .Machine$double.eps, maximum = TRUE, tol = .Machine$double.eps^0.9)
  r <- opt$maximum
  A <- solve(diag(N) - r * W); WA <- W %*% A
  tr <- function(M) sum(diag(M))
  if (model == "lag") {
    beta <- as.vector(b0 - r * b1); e <- as.vector(e0 - r * e1); s2 <- sum(e^2) / NT
    IWA <- kronecker(diag(T), WA)
    WXb <- IWA %*% Xt %*% beta
    k <- ncol(X)
    inf <- matrix(0, k + 2, k + 2)
    inf[1:k, 1:k] <- crossprod(Xt) / s2
    inf[1:k, k + 1] <- inf[k + 1, 1:k] <- crossprod(Xt, WXb) / s2
    inf[k + 1, k + 1] <- T * (tr(WA %*% WA) + tr(crossprod(WA))) + sum(WXb^2) / s2
    inf[k + 1, k + 2] <- inf[k + 2, k + 1] <- T * tr(WA) / s2
    inf[k + 2, k + 2] <- NT / (2 * s2^2)
    V <- solve(inf)
    se <- sqrt(diag(V))[seq_len(k + 1)]
    est <- c(beta, r); names(est) <- c(colnames(X), "rho")
    ll0 <- { e00 <- as.vector(e0); s0 <- sum(e00^2) / NT; -NT / 2 * log(2 * pi * s0) - NT / 2 }
    Sdir <- tr(A) / N; Stot <- sum(A) / N
    impacts <- setNames(lapply(seq_len(k), function(i) list(direct = beta[i] * Sdir, indirect = beta[i] * (Stot - Sdir), total = beta[i] * Stot)), colnames(X))
  } else {
    ys <- yt - r * wyt; Xs <- Xt - r * WXt
    beta <- as.vector(qr.solve(Xs, ys)); e <- as.vector(ys - Xs %*% beta); s2 <- sum(e^2) / NT
    Vb <- s2 * solve(crossprod(Xs))
    inf <- matrix(c(T * (tr(WA %*% WA) + tr(crossprod(WA))), T * tr(WA) / s2, T * tr(WA) / s2, NT / (2 * s2^2)), 2, 2)
    Vl <- solve(inf)
    se <- c(sqrt(diag(Vb)), sqrt(Vl[1, 1]))
    est <- c(beta, r); names(est) <- c(colnames(X), "lambda")
    ll0 <- { e00 <- yt - Xt %*% qr.solve(Xt, yt); s0 <- sum(e00^2) / NT; -NT / 2 * log(2 * pi * s0) - NT / 2 }
    impacts <- NULL
  }
  k <- ncol(X)
  ct <- coef_table(est, se)
  res <- list(model = model, effects = effects, coefficients = ct[seq_len(k)], sigma2 = s2, logLik = opt$objective,
    logLikOLS = ll0, lr = list(statistic = 2 * (opt$objective - ll0), p = pchisq(2 * (opt$objective - ll0), 1, lower.tail = FALSE)),
    aic = -2 * opt$objective + 2 * (k + 2), interval = interval)
  res[[if (model == "lag") "rho" else "lambda"]] <- ct[[k + 1]]
  if (!is.null(impacts)) res$impacts <- impacts
  res
}

set.seed(20261126)
W <- listw2mat(nb2listw(col.gal.nb, style = "W"))
N <- nrow(W); T <- 8
unit <- rep(seq_len(N), times = T); time <- rep(seq_len(T), each = N)
mu <- rnorm(N, sd = 2); tau <- rnorm(T, sd = 1.5)
X <- cbind(x1 = rnorm(N * T) + 0.5 * mu[unit], x2 = rnorm(N * T) - 0.3 * tau[time], x3 = runif(N * T))
beta <- c(1, -0.5, 2)
A_lag <- solve(diag(N) - 0.4 * W); A_err <- solve(diag(N) - 0.5 * W)
y_lag <- numeric(N * T); y_err <- numeric(N * T)
for (t in seq_len(T)) {
  i <- which(time == t)
  eps <- rnorm(N)
  y_lag[i] <- A_lag %*% (X[i, ] %*% beta + mu + tau[t] + eps)
  y_err[i] <- X[i, ] %*% beta + mu + tau[t] + A_err %*% eps
}
panel <- list(dataset = "columbus_panel", N = N, T = T, names = colnames(X), unit = unit - 1L, time = time - 1L,
  X = unname(lapply(seq_len(N * T), function(i) unname(X[i, ]))), y_lag = y_lag, y_error = y_err,
  neighbours = nb0(col.gal.nb), fits = list())
for (eff in c("twoways", "individual", "time")) {
  panel$fits[[paste0("lag_", eff)]] <- panel_fit(y_lag, X, unit, time, W, "lag", eff)
  panel$fits[[paste0("error_", eff)]] <- panel_fit(y_err, X, unit, time, W, "error", eff)
}
write_json(panel, file.path(out, "columbus_panel.json"), digits = NA, auto_unbox = TRUE)
cat("panel done\n")
