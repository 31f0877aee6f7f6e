# Golden fixtures for Geary's C, local Getis-Ord G_i / G*_i and GeoDa's bivariate Moran's I (global and local),
# computed with spdep on the Columbus and NC SIDS inputs that scripts/golden/moran.R writes.
#
# Run from packages/domain:  Rscript scripts/golden/autocorrelation.R
# Reads test/fixtures/weights/{columbus.csv, columbus.gal, nc_sids.csv, nc_cc89.gal}; writes
# test/fixtures/autocorrelation/*.json. Needs spdep and jsonlite.
#
# References: spdep geary.test and geary.mc (Cliff and Ord 1981); spdep localG with return_internals (Getis and
# Ord 1992, Ord and Getis 1995), include.self for G*_i; p.adjust(method = "fdr") (Benjamini and Hochberg 1995);
# spdep moran_bv / localmoran_bv for the bivariate statistics, whose scaling (sample SD) is converted to GeoDa's
# (population SD) and checked against GeoDa's formula written out here.

suppressMessages({
  library(spdep)
  library(jsonlite)
})

wdir <- "test/fixtures/weights"
out <- "test/fixtures/autocorrelation"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
put_json <- function(x, path) write(toJSON(x, digits = NA, auto_unbox = TRUE, null = "null", na = "null"), path)
two_sided <- function(z) 2 * pnorm(abs(z), lower.tail = FALSE)
num <- function(v) ifelse(is.finite(v), v, NA)

geary_doc <- function(x, lw) {
  r <- geary.test(x, lw, randomisation = TRUE, zero.policy = TRUE)
  nr <- geary.test(x, lw, randomisation = FALSE, zero.policy = TRUE)
  list(
    C = unname(r$estimate[1]),
    expected = unname(r$estimate[2]),
    variance_randomization = unname(r$estimate[3]),
    z_randomization = unname(r$statistic),
    p_randomization = two_sided(unname(r$statistic)),
    variance_normality = unname(nr$estimate[3]),
    z_normality = unname(nr$statistic),
    p_normality = two_sided(unname(nr$statistic))
  )
}

class_of <- function(z, p) {
  ifelse(is.na(z) | is.na(p), NA,
    ifelse(p < 0.01, ifelse(z > 0, "hot_99", "cold_99"),
      ifelse(p < 0.05, ifelse(z > 0, "hot_95", "cold_95"),
        ifelse(p < 0.1, ifelse(z > 0, "hot_90", "cold_90"), "not_significant"))))
}

local_g <- function(x, lw, ids) {
  g <- localG(x, lw, zero.policy = TRUE, return_internals = TRUE)
  ints <- attr(g, "internals")
  z <- num(as.numeric(g))
  p <- num(ints[, 5])
  p_fdr <- p.adjust(p, method = "fdr")
  lapply(seq_along(ids), function(i) list(
    id = ids[i], G = unname(ints[i, 1]), expected = unname(ints[i, 2]), variance = unname(ints[i, 3]),
    z = z[i], p = p[i], p_fdr = p_fdr[i], class = class_of(z[i], p[i]), class_fdr = class_of(z[i], p_fdr[i])
  ))
}

# GeoDa: z standardised with the population SD, I = sum_i zx_i (W zy)_i / n, I_i = zx_i (W zy)_i.
geoda_z <- function(v) (v - mean(v)) / sqrt(mean((v - mean(v))^2))

bivariate <- function(x, y, lw, ids) {
  n <- length(x)
  zx <- geoda_z(x)
  zy <- geoda_z(y)
  lag <- lag.listw(lw, zy, zero.policy = TRUE)
  I_geoda <- sum(zx * lag) / n
  I_spdep <- moran_bv(x, y, lw, nsim = 2)$t0
  stopifnot(abs(I_geoda - I_spdep) < 1e-12 * max(1, abs(I_spdep)))
  local_spdep <- spdep:::local_moran_bv_calc(as.numeric(scale(x)), as.numeric(scale(y)), lw)
  local_geoda <- zx * lag
  stopifnot(max(abs(local_geoda - local_spdep * n / (n - 1))) < 1e-12)
  wy <- lag.listw(lw, y, zero.policy = TRUE)
  quad <- paste0(ifelse(x > mean(x), "H", "L"), ifelse(wy > mean(wy), "H", "L"))
  list(I = I_spdep, local = lapply(seq_along(ids), function(i) list(id = ids[i], Ii = local_spdep[i] * n / (n - 1), quadrant = quad[i])))
}

# ---------------------------------------------------------------------------------------------- Columbus
col <- read.csv(file.path(wdir, "columbus.csv"))
col_ids <- as.character(col$POLYID)
col_nb <- read.gal(file.path(wdir, "columbus.gal"), region.id = col_ids)
coords <- cbind(col$X, col$Y)
db_nb <- dnearneigh(coords, 0, 1.5)
stopifnot(any(card(db_nb) == 0L))
knn_nb <- knn2nb(knearneigh(coords, k = 4))

geary_res <- list()
for (style in c("W", "B")) {
  lw <- nb2listw(col_nb, style = style, zero.policy = TRUE)
  for (v in c("CRIME", "HOVAL", "INC")) geary_res[[paste0(v, "_", style)]] <- geary_doc(col[[v]], lw)
  geary_res[[paste0("CRIME_band1.5_", style)]] <- geary_doc(col$CRIME, nb2listw(db_nb, style = style, zero.policy = TRUE))
}
# Permutation p-values (Monte Carlo, compared within sampling error): geary.mc's two-sided p and the share of
# permuted C at or below the observed one (alternative "greater": positive autocorrelation).
set.seed(20261126)
for (v in c("CRIME", "HOVAL")) {
  mc <- geary.mc(col[[v]], nb2listw(col_nb, style = "W"), nsim = 49999, alternative = "greater")
  geary_res[[paste0(v, "_W")]]$permutation <- list(nsim = 49999, p_positive = mc$p.value)
}
put_json(list(dataset = "columbus", ids = col_ids, results = geary_res), file.path(out, "geary_columbus.json"))

g_res <- list()
for (style in c("W", "B")) {
  g_res[[paste0("CRIME_gal_", style)]] <- list(star = FALSE, local = local_g(col$CRIME, nb2listw(col_nb, style = style, zero.policy = TRUE), col_ids))
  g_res[[paste0("CRIME_gal_star_", style)]] <- list(star = TRUE, local = local_g(col$CRIME, nb2listw(include.self(col_nb), style = style), col_ids))
  g_res[[paste0("CRIME_band1.5_", style)]] <- list(star = FALSE, local = local_g(col$CRIME, nb2listw(db_nb, style = style, zero.policy = TRUE), col_ids))
  g_res[[paste0("CRIME_band1.5_star_", style)]] <- list(star = TRUE, local = local_g(col$CRIME, nb2listw(include.self(db_nb), style = style), col_ids))
  g_res[[paste0("HOVAL_knn4_star_", style)]] <- list(star = TRUE, local = local_g(col$HOVAL, nb2listw(include.self(knn_nb), style = style), col_ids))
}
put_json(list(dataset = "columbus", ids = col_ids, results = g_res), file.path(out, "localg_columbus.json"))

bv <- list(
  CRIME_INC_W = bivariate(col$CRIME, col$INC, nb2listw(col_nb, style = "W"), col_ids),
  HOVAL_CRIME_B = bivariate(col$HOVAL, col$CRIME, nb2listw(col_nb, style = "B"), col_ids)
)
# Local conditional permutations (Monte Carlo): spdep localmoran_bv's folded p-values, which do not depend on the
# scaling of I_i.
lbv <- localmoran_bv(col$CRIME, col$INC, nb2listw(col_nb, style = "W"), nsim = 19999, iseed = 1)
bv$CRIME_INC_W$permutation <- list(nsim = 19999, p_folded = unname(lbv[, 7]))
# Global permutation of y only (GeoDa, esda Moran_BV), written out here; compared within sampling error.
set.seed(20261126)
lwW <- nb2listw(col_nb, style = "W")
zx <- geoda_z(col$CRIME)
zy <- geoda_z(col$INC)
sims <- replicate(49999, sum(zx * lag.listw(lwW, sample(zy))) / length(zx))
obs <- bv$CRIME_INC_W$I
bv$CRIME_INC_W$global_permutation <- list(nsim = 49999, mean = mean(sims), sd = sd(sims),
  p_greater = (sum(sims >= obs) + 1) / (49999 + 1))
put_json(list(dataset = "columbus", ids = col_ids, results = bv), file.path(out, "bivariate_columbus.json"))

# ------------------------------------------------------------------------------------------------- NC SIDS
nc <- read.csv(file.path(wdir, "nc_sids.csv"), colClasses = c(FIPS = "character"))
nc_ids <- nc$FIPS
nc_nb <- read.gal(file.path(wdir, "nc_cc89.gal"), region.id = nc_ids)
rate <- nc$SID74 / nc$BIR74
put_json(list(dataset = "nc sids, ncCC89 (two islands)", ids = nc_ids, islands = nc_ids[card(nc_nb) == 0L],
  results = list(
    geary_W = geary_doc(rate, nb2listw(nc_nb, style = "W", zero.policy = TRUE)),
    geary_B = geary_doc(rate, nb2listw(nc_nb, style = "B", zero.policy = TRUE)),
    localg_W = local_g(rate, nb2listw(nc_nb, style = "W", zero.policy = TRUE), nc_ids),
    localg_star_W = local_g(rate, nb2listw(include.self(nc_nb), style = "W"), nc_ids)
  )), file.path(out, "nc_sids.json"))

cat("wrote autocorrelation fixtures\n")
