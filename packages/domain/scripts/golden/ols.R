# Golden fixtures for formulas, OLS (lm), residual spatial diagnostics (spdep lm.morantest, lm.LMtests)
# and distribution functions.
#
# Run from packages/domain:  Rscript scripts/golden/ols.R
# Writes CSV data, GAL weights and JSON results to test/fixtures/ols/. Needs spdep, spData, jsonlite.

suppressMessages({
  library(spdep)
  library(jsonlite)
})

out <- "test/fixtures/ols"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
put_json <- function(x, name) write(toJSON(x, digits = NA, auto_unbox = TRUE, null = "null", na = "null"), file.path(out, name))

# neighbours as 1-based index lists (empty for islands), weights as given by the listw
# GAL file keyed by the given ids (spdep's write.nb.gal would use the nb's own region ids)
write_gal <- function(nb, ids, path, name, idcol) {
  lines <- paste("0", length(nb), name, idcol)
  for (i in seq_along(nb)) {
    v <- nb[[i]]
    if (length(v) == 1L && v[1] == 0L) v <- integer(0)
    lines <- c(lines, paste(ids[i], length(v)), paste(ids[v], collapse = " "))
  }
  writeLines(lines, path)
}

nb_json <- function(nb) lapply(seq_along(nb), function(i) { v <- nb[[i]]; if (length(v) == 1L && v[1] == 0L) I(integer(0)) else I(as.integer(v)) })

lm_summary <- function(fit) {
  s <- summary(fit)
  co <- s$coefficients
  list(
    names = rownames(co),
    estimate = unname(co[, 1]), se = unname(co[, 2]), t = unname(co[, 3]), p = unname(co[, 4]),
    sigma2 = s$sigma^2, r2 = s$r.squared, adj_r2 = s$adj.r.squared,
    logLik = as.numeric(logLik(fit)), aic = AIC(fit), df_residual = fit$df.residual,
    n = length(resid(fit)), residuals = unname(resid(fit)),
    fstatistic = unname(s$fstatistic)
  )
}

diagnostics <- function(fit, lw) {
  m <- lm.morantest(fit, lw, zero.policy = TRUE, alternative = "two.sided")
  lm <- lm.LMtests(fit, lw, zero.policy = TRUE, test = "all")
  tst <- function(x) list(statistic = unname(x$statistic), p = unname(pchisq(x$statistic, x$parameter, lower.tail = FALSE)),
    df = unname(x$parameter))
  list(
    moran = list(I = as.numeric(m$estimate[1]), expected = unname(m$estimate[2]), variance = unname(m$estimate[3]),
      z = as.numeric(m$statistic), p = as.numeric(m$p.value)),
    LMerr = tst(lm$LMerr), LMlag = tst(lm$LMlag), RLMerr = tst(lm$RLMerr), RLMlag = tst(lm$RLMlag), SARMA = tst(lm$SARMA)
  )
}

case <- function(name, formula, data, nb, ids, idcol, style = "W", extra = list()) {
  lw <- nb2listw(nb, style = style, zero.policy = TRUE)
  fit <- lm(formula, data = data)
  res <- list(dataset = name, formula = paste(deparse(formula, width.cutoff = 500L), collapse = ""), id = idcol,
    ids = as.character(ids), neighbours = nb_json(nb), style = style, n_dropped = length(fit$na.action),
    dropped_rows = if (is.null(fit$na.action)) I(integer(0)) else I(as.integer(fit$na.action)),
    ols = lm_summary(fit), diagnostics = diagnostics(fit, lw))
  put_json(c(res, extra), paste0(name, ".json"))
}

# --------------------------------------------------------------------------------------------- columbus
data(columbus, package = "spData")
col_df <- data.frame(POLYID = columbus$POLYID, CRIME = columbus$CRIME, INC = columbus$INC, HOVAL = columbus$HOVAL,
  X = columbus$X, Y = columbus$Y)
write.csv(col_df, file.path(out, "columbus.csv"), row.names = FALSE)
write_gal(col.gal.nb, col_df$POLYID, file.path(out, "columbus.gal"), "columbus", "POLYID")
case("columbus", CRIME ~ INC + HOVAL, col_df, col.gal.nb, col_df$POLYID, "POLYID")

# columbus with missing values: lm drops the rows, spdep subsets (and re-standardises) the weights
col_na <- col_df
col_na$HOVAL[c(5, 17)] <- NA
col_na$INC[30] <- NA
write.csv(col_na, file.path(out, "columbus_missing.csv"), row.names = FALSE, na = "")
case("columbus_missing", CRIME ~ INC + HOVAL, col_na, col.gal.nb, col_df$POLYID, "POLYID")

# ------------------------------------------------------------------------------------------------ boston
data(boston, package = "spData")
b <- boston.c
b$CHAS <- as.numeric(as.character(b$CHAS))
b_df <- data.frame(id = seq_len(nrow(b)), CMEDV = b$CMEDV, CRIM = b$CRIM, ZN = b$ZN, INDUS = b$INDUS, CHAS = b$CHAS,
  NOX = b$NOX, RM = b$RM, AGE = b$AGE, DIS = b$DIS, RAD = b$RAD, TAX = b$TAX, PTRATIO = b$PTRATIO, B = b$B,
  LSTAT = b$LSTAT)
write.csv(b_df, file.path(out, "boston.csv"), row.names = FALSE)
write_gal(boston.soi, b_df$id, file.path(out, "boston.gal"), "boston", "id")
case("boston", log(CMEDV) ~ CRIM + ZN + INDUS + CHAS + I(NOX^2) + I(RM^2) + AGE + log(DIS) + log(RAD) + TAX +
  PTRATIO + B + log(LSTAT), b_df, boston.soi, b_df$id, "id")

# ---------------------------------------------------------------------------------- NC SIDS (has islands)
data(nc.sids, package = "spData")
ft <- function(x, n) sqrt(1000) * (sqrt(x / n) + sqrt((x + 1) / n))
nc_df <- data.frame(CNTY_ID = nc.sids$CNTY.ID, ft_SID74 = ft(nc.sids$SID74, nc.sids$BIR74),
  ft_NWBIR74 = ft(nc.sids$NWBIR74, nc.sids$BIR74), BIR74 = nc.sids$BIR74)
write.csv(nc_df, file.path(out, "nc_sids.csv"), row.names = FALSE)
write_gal(ncCC89.nb, nc_df$CNTY_ID, file.path(out, "nc_sids.gal"), "nc", "CNTY_ID")
case("nc_sids", ft_SID74 ~ ft_NWBIR74, nc_df, ncCC89.nb, nc_df$CNTY_ID, "CNTY_ID")

# ---------------------------------------------------------------------------------- formula terms (lm only)
formulas <- c(
  "log(CRIME) ~ INC*HOVAL + I(INC^2) + log(HOVAL):INC - 1",
  "CRIME ~ HOVAL:INC + INC",
  "CRIME ~ (INC + HOVAL + X)^2",
  "sqrt(CRIME) ~ log10(INC) + exp(Y/100) + abs(X - 40) + I((HOVAL - 30)^2/10) + 0",
  "CRIME ~ INC/HOVAL"
)
put_json(lapply(formulas, function(f) {
  fit <- lm(as.formula(f), data = col_df)
  list(formula = f, names = names(coef(fit)), estimate = unname(coef(fit)),
    x_row1 = unname(model.matrix(fit)[1, ]), y_row1 = unname(model.response(model.frame(fit))[1]))
}), "formulas.json")

# --------------------------------------------------------------------------------- distribution functions
tq <- expand.grid(t = c(0.1, 1.3, 2.5, 4.7, 12), df = c(1, 3, 10, 47, 500, 200000))
zq <- c(-8, -3.3, -1.2, 0, 0.4, 1.96, 5)
pq <- c(1e-12, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999)
cq <- expand.grid(x = c(0.01, 0.7, 3.84, 11, 60), df = c(1, 2, 5, 30))
fq <- expand.grid(f = c(0.2, 1.5, 4.9, 30), df1 = c(1, 3), df2 = c(5, 120))
put_json(list(
  t = lapply(seq_len(nrow(tq)), function(i) list(t = tq$t[i], df = tq$df[i], cdf = pt(tq$t[i], tq$df[i]),
    p_two = 2 * pt(tq$t[i], tq$df[i], lower.tail = FALSE))),
  t_quantile = lapply(c(0.6, 0.975, 0.995), function(p) lapply(c(2, 7, 60), function(d) list(p = p, df = d, q = qt(p, d)))),
  normal = lapply(zq, function(z) list(z = z, cdf = pnorm(z), upper = pnorm(z, lower.tail = FALSE))),
  normal_quantile = lapply(pq, function(p) list(p = p, q = qnorm(p))),
  chisq = lapply(seq_len(nrow(cq)), function(i) list(x = cq$x[i], df = cq$df[i], cdf = pchisq(cq$x[i], cq$df[i]),
    upper = pchisq(cq$x[i], cq$df[i], lower.tail = FALSE))),
  f = lapply(seq_len(nrow(fq)), function(i) list(f = fq$f[i], df1 = fq$df1[i], df2 = fq$df2[i],
    upper = pf(fq$f[i], fq$df1[i], fq$df2[i], lower.tail = FALSE)))
), "distributions.json")
cat("wrote", out, "\n")
