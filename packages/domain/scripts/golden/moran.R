# Golden fixtures for spatial weights and Moran's I (global and local), computed with spdep.
#
# Run from packages/domain:  Rscript scripts/golden/moran.R
# Writes the input data (CSV, GAL, GeoJSON) to test/fixtures/weights/ and spdep's results as JSON to
# test/fixtures/moran/ (Moran) and test/fixtures/weights/ (neighbour link sets).
# Needs spdep, spData, sf and jsonlite.

suppressMessages({
  library(spdep)
  library(sf)
  library(jsonlite)
})

wdir <- "test/fixtures/weights"
mdir <- "test/fixtures/moran"
dir.create(wdir, recursive = TRUE, showWarnings = FALSE)
dir.create(mdir, recursive = TRUE, showWarnings = FALSE)

put_json <- function(x, path) write(toJSON(x, digits = NA, auto_unbox = TRUE, null = "null", na = "null"), path)

# Neighbour lists as {id: [neighbour ids]} keyed by region id, sorted, so the tests compare sets.
links <- function(nb, ids) {
  out <- lapply(seq_along(nb), function(i) {
    v <- nb[[i]]
    if (length(v) == 1L && v[1] == 0L) character(0) else sort(ids[v])
  })
  names(out) <- ids
  out
}
# jsonlite writes an empty character vector as []; a named list becomes an object.
links_json <- function(nb, ids) lapply(links(nb, ids), function(v) I(v))

two_sided <- function(z) 2 * pnorm(abs(z), lower.tail = FALSE)

global <- function(x, lw) {
  r <- moran.test(x, lw, randomisation = TRUE, zero.policy = TRUE, alternative = "greater")
  nrm <- moran.test(x, lw, randomisation = FALSE, zero.policy = TRUE, alternative = "greater")
  list(
    I = unname(r$estimate[1]),
    expected = unname(r$estimate[2]),
    variance_randomization = unname(r$estimate[3]),
    z_randomization = unname(r$statistic),
    p_randomization_greater = r$p.value,
    p_randomization = two_sided(unname(r$statistic)),
    variance_normality = unname(nrm$estimate[3]),
    z_normality = unname(nrm$statistic),
    p_normality_greater = nrm$p.value,
    p_normality = two_sided(unname(nrm$statistic)),
    n_effective = spdep:::spweights.constants(lw, zero.policy = TRUE, adjust.n = TRUE)$n
  )
}

local <- function(x, lw, ids) {
  lm <- localmoran(x, lw, zero.policy = TRUE, alternative = "two.sided")
  q <- as.character(attr(lm, "quadr")$mean)
  code <- c("High-High" = "HH", "Low-Low" = "LL", "High-Low" = "HL", "Low-High" = "LH")
  lapply(seq_along(ids), function(i) list(
    id = ids[i],
    Ii = unname(lm[i, 1]),
    expected = unname(lm[i, 2]),
    variance = unname(lm[i, 3]),
    z = unname(lm[i, 4]),
    p = unname(lm[i, 5]),
    quadrant = unname(code[q[i]])
  ))
}

write_gal <- function(nb, ids, path, name) {
  con <- file(path, "w")
  writeLines(sprintf("0 %d %s %s", length(nb), name, "id"), con)
  for (i in seq_along(nb)) {
    v <- nb[[i]]
    v <- if (length(v) == 1L && v[1] == 0L) integer(0) else v
    writeLines(sprintf("%s %d", ids[i], length(v)), con)
    writeLines(paste(ids[v], collapse = " "), con)
  }
  close(con)
}

read_back <- function(path) st_read(path, quiet = TRUE)

# ---------------------------------------------------------------------------------------------- columbus
col <- st_read(system.file("shapes/columbus.shp", package = "spData"), quiet = TRUE)
col_ids <- as.character(col$POLYID)
col_nb <- read.gal(system.file("weights/columbus.gal", package = "spData"), region.id = col_ids)
write.csv(data.frame(POLYID = col$POLYID, CRIME = col$CRIME, HOVAL = col$HOVAL, INC = col$INC, X = col$X, Y = col$Y),
  file.path(wdir, "columbus.csv"), row.names = FALSE)
write_gal(col_nb, col_ids, file.path(wdir, "columbus.gal"), "columbus")
gj <- file.path(wdir, "columbus.geojson")
unlink(gj)
st_write(col[, c("POLYID", "CRIME", "HOVAL", "INC")], gj, driver = "GeoJSON", quiet = TRUE,
  layer_options = c("COORDINATE_PRECISION=7", "RFC7946=NO"))
colg <- read_back(gj)
stopifnot(identical(as.character(colg$POLYID), col_ids))

col_res <- list()
for (style in c("W", "B")) {
  lw <- nb2listw(col_nb, style = style, zero.policy = TRUE)
  for (v in c("CRIME", "HOVAL", "INC")) {
    col_res[[paste0(v, "_", style)]] <- list(variable = v, style = style, global = global(col[[v]], lw),
      local = local(col[[v]], lw, col_ids))
  }
}
put_json(list(dataset = "columbus", ids = col_ids, results = col_res), file.path(mdir, "columbus.json"))

# Weights from geometry and coordinates on the same inputs.
coords <- cbind(col$X, col$Y)
col_links <- list(
  queen = links_json(poly2nb(colg, queen = TRUE), col_ids),
  rook = links_json(poly2nb(colg, queen = FALSE), col_ids),
  knn4 = links_json(knn2nb(knearneigh(coords, k = 4)), col_ids),
  knn1 = links_json(knn2nb(knearneigh(coords, k = 1)), col_ids),
  dist_band_3 = links_json(dnearneigh(coords, 0, 3), col_ids),
  dist_band_1_5 = links_json(dnearneigh(coords, 0, 1.5), col_ids)
)
put_json(col_links, file.path(wdir, "columbus_links.json"))

# ------------------------------------------------------------------------- columbus, distance band with islands
db_nb <- dnearneigh(coords, 0, 1.5)
stopifnot(any(card(db_nb) == 0L))
isl_res <- list()
for (style in c("W", "B")) {
  lw <- nb2listw(db_nb, style = style, zero.policy = TRUE)
  isl_res[[paste0("CRIME_", style)]] <- list(variable = "CRIME", style = style, global = global(col$CRIME, lw),
    local = local(col$CRIME, lw, col_ids))
}
put_json(list(dataset = "columbus distance band 1.5 (islands)", ids = col_ids,
  islands = col_ids[card(db_nb) == 0L], results = isl_res), file.path(mdir, "columbus_islands.json"))

# ----------------------------------------------------- Columbus inverse-distance weights (1/d^2 within 3), GWT
idw_nb <- dnearneigh(coords, 0, 3)
idw_d <- nbdists(idw_nb, coords)
idw_g <- lapply(idw_d, function(d) 1 / d^2)
con <- file(file.path(wdir, "columbus_idw.gwt"), "w")
writeLines(sprintf("0 %d columbus POLYID", length(idw_nb)), con)
for (i in seq_along(idw_nb)) {
  v <- idw_nb[[i]]
  if (length(v) == 1L && v[1] == 0L) next
  writeLines(sprintf("%s %s %s", col_ids[i], col_ids[v], formatC(idw_g[[i]], digits = 17, format = "g")), con)
}
close(con)
idw_lw <- nb2listw(idw_nb, glist = idw_g, style = "W", zero.policy = TRUE)
put_json(list(dataset = "columbus inverse distance squared within 3, W", ids = col_ids,
  islands = col_ids[card(idw_nb) == 0L],
  results = list(CRIME_W = list(variable = "CRIME", style = "W", global = global(col$CRIME, idw_lw),
    local = local(col$CRIME, idw_lw, col_ids)))), file.path(mdir, "columbus_idw.json"))

# ------------------------------------------- permutation p-values (Monte Carlo: compared within sampling error)
lwW <- nb2listw(col_nb, style = "W")
set.seed(20261126)
mc <- lapply(c("HOVAL", "INC"), function(v) {
  r <- moran.mc(col[[v]], lwW, nsim = 49999, alternative = "greater")
  list(variable = v, nsim = 49999, p_greater = r$p.value)
})
lp <- localmoran_perm(col$CRIME, lwW, nsim = 19999, iseed = 1, alternative = "two.sided")
put_json(list(dataset = "columbus, col.gal.nb W", moran_mc = mc,
  localmoran_perm = list(variable = "CRIME", nsim = 19999, ids = col_ids, p_folded = unname(lp[, "Pr(folded) Sim"]))),
  file.path(mdir, "columbus_permutation.json"))

# ------------------------------------------------------------------------------------------------- NC SIDS
nc <- st_read(system.file("shapes/sids.shp", package = "spData"), quiet = TRUE)
nc_ids <- as.character(nc$FIPS)
# ncCC89 lists counties by FIPS in its own order; region.id puts them in the data's order.
nc_nb <- read.gal(system.file("weights/ncCC89.gal", package = "spData"), region.id = nc_ids)
rate <- nc$SID74 / nc$BIR74
write.csv(data.frame(FIPS = nc$FIPS, NAME = nc$NAME, SID74 = nc$SID74, BIR74 = nc$BIR74, lon = nc$lon, lat = nc$lat),
  file.path(wdir, "nc_sids.csv"), row.names = FALSE)
file.copy(system.file("weights/ncCC89.gal", package = "spData"), file.path(wdir, "nc_cc89.gal"), overwrite = TRUE)
gj <- file.path(wdir, "nc_sids.geojson")
unlink(gj)
st_write(nc[, c("FIPS", "NAME", "SID74", "BIR74")], gj, driver = "GeoJSON", quiet = TRUE,
  layer_options = c("COORDINATE_PRECISION=6", "RFC7946=NO"))
ncg <- read_back(gj)
nc_res <- list()
for (style in c("W", "B")) {
  lw <- nb2listw(nc_nb, style = style, zero.policy = TRUE)
  nc_res[[paste0("rate_", style)]] <- list(variable = "SID74/BIR74", style = style, global = global(rate, lw),
    local = local(rate, lw, nc_ids))
}
put_json(list(dataset = "nc sids, ncCC89 (islands)", ids = nc_ids, islands = nc_ids[card(nc_nb) == 0L],
  results = nc_res), file.path(mdir, "nc_sids.json"))
# Planar contiguity on the lon/lat coordinates (s2 off, as for projected data).
sf_use_s2(FALSE)
put_json(list(
  queen = links_json(poly2nb(ncg, queen = TRUE), nc_ids),
  rook = links_json(poly2nb(ncg, queen = FALSE), nc_ids)
), file.path(wdir, "nc_sids_links.json"))

# -------------------------------------------------------------------------------------------------- Boston
data(boston, package = "spData")
b_ids <- attr(boston.soi, "region.id")
write.csv(data.frame(id = b_ids, CMEDV = boston.c$CMEDV, CRIM = boston.c$CRIM, x = boston.utm[, 1], y = boston.utm[, 2]),
  file.path(wdir, "boston.csv"), row.names = FALSE)
write_gal(boston.soi, b_ids, file.path(wdir, "boston_soi.gal"), "boston")
lw <- nb2listw(boston.soi, style = "W")
put_json(list(dataset = "boston", ids = b_ids, results = list(CMEDV_W = list(variable = "CMEDV", style = "W",
  global = global(boston.c$CMEDV, lw), local = local(boston.c$CMEDV, lw, b_ids)))), file.path(mdir, "boston.json"))
put_json(list(
  knn5 = links_json(knn2nb(knearneigh(boston.utm, k = 5)), b_ids),
  dist_band_2 = links_json(dnearneigh(boston.utm, 0, 2), b_ids)
), file.path(wdir, "boston_links.json"))

# -------------------------------------------------------------------------------------- 7 x 7 lattice grid
# Unit squares; cell (row r, column c) has its lower-left corner at (c, r); cell2nb numbers cells column-major
# in its own convention, so ids are written as "r<row>c<col>" from the nb's region.id "col:row" labels.
nr <- 7
nc_ <- 7
grid_queen <- cell2nb(nr, nc_, type = "queen")
grid_rook <- cell2nb(nr, nc_, type = "rook")
rid <- attr(grid_queen, "region.id")
parts <- do.call(rbind, strsplit(rid, ":"))
gcol <- as.integer(parts[, 1])
grow <- as.integer(parts[, 2])
g_ids <- sprintf("r%dc%d", grow, gcol)
polys <- lapply(seq_along(g_ids), function(i) {
  x0 <- gcol[i] - 1
  y0 <- grow[i] - 1
  st_polygon(list(rbind(c(x0, y0), c(x0 + 1, y0), c(x0 + 1, y0 + 1), c(x0, y0 + 1), c(x0, y0))))
})
grid <- st_sf(id = g_ids, cx = gcol - 0.5, cy = grow - 0.5, geometry = st_sfc(polys))
gj <- file.path(wdir, "grid7.geojson")
unlink(gj)
st_write(grid, gj, driver = "GeoJSON", quiet = TRUE, layer_options = "RFC7946=NO")
gcoords <- cbind(grid$cx, grid$cy)
put_json(list(
  queen = links_json(grid_queen, g_ids),
  rook = links_json(grid_rook, g_ids),
  poly_queen = links_json(poly2nb(read_back(gj), queen = TRUE), g_ids),
  poly_rook = links_json(poly2nb(read_back(gj), queen = FALSE), g_ids),
  knn4 = links_json(knn2nb(knearneigh(gcoords, k = 4)), g_ids),
  knn5 = links_json(knn2nb(knearneigh(gcoords, k = 5)), g_ids),
  dist_band_1 = links_json(dnearneigh(gcoords, 0, 1), g_ids),
  dist_band_1_5 = links_json(dnearneigh(gcoords, 0, 1.5), g_ids)
), file.path(wdir, "grid7_links.json"))
write.csv(data.frame(id = g_ids, x = grid$cx, y = grid$cy), file.path(wdir, "grid7.csv"), row.names = FALSE)

cat("wrote fixtures\n")
