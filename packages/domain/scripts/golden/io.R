# Golden fixtures for the GAL / GWT readers and writers (packages/domain/src/io/gal.ts, gwt.ts).
# Run from packages/domain:  Rscript scripts/golden/io.R
# Writes small weights files with spdep and a JSON summary of what R reads from each file
# (ids, neighbour ids, weights, link counts) to test/fixtures/io/.
suppressPackageStartupMessages({
  library(spdep)
  library(spData)
  library(jsonlite)
  library(sf)
})
out <- "test/fixtures/io"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
wdir <- system.file("weights", package = "spData")

# Files shipped with spData (written by GeoDa and others), copied verbatim.
file.copy(file.path(wdir, "columbus.gal"), file.path(out, "columbus_spdata.gal"), overwrite = TRUE)
file.copy(file.path(wdir, "ncCC89.gal"), file.path(out, "ncCC89_spdata.gal"), overwrite = TRUE)
file.copy(file.path(wdir, "NY_nb.gal"), file.path(out, "NY_spdata.gal"), overwrite = TRUE)
file.copy(file.path(wdir, "baltk4.GWT"), file.path(out, "baltk4_spdata.gwt"), overwrite = TRUE)

# Files written by spdep.
col_nb <- read.gal(file.path(wdir, "columbus.gal"))
write.nb.gal(col_nb, file.path(out, "columbus_oldstyle.gal"), oldstyle = TRUE)
write.nb.gal(col_nb, file.path(out, "columbus_r.gal"), oldstyle = FALSE, shpfile = "columbus", ind = "POLYID")
write.sn2gwt(listw2sn(nb2listw(col_nb, style = "B")), file.path(out, "columbus_B.gwt"))
write.sn2gwt(listw2sn(nb2listw(col_nb, style = "W")), file.path(out, "columbus_W.gwt"), shpfile = "columbus", ind = "POLYID")

nc <- st_read(system.file("shapes/sids.shp", package = "spData"), quiet = TRUE)
nc_nb <- poly2nb(nc, row.names = as.character(nc$FIPSNO))
write.nb.gal(nc_nb, file.path(out, "nc_sids_r.gal"), oldstyle = FALSE, shpfile = "sids", ind = "FIPSNO")
write.sn2gwt(listw2sn(nb2listw(nc_nb, style = "W")), file.path(out, "nc_sids_W.gwt"), shpfile = "sids", ind = "FIPSNO")

# What R reads back from each file.
gal_summary <- function(file) {
  nb <- read.gal(file.path(out, file), override.id = TRUE)
  ids <- attr(nb, "region.id")
  list(
    file = file,
    n = length(nb),
    links = sum(card(nb)),
    ids = as.character(ids),
    neighbours = lapply(seq_along(nb), function(i) I(if (nb[[i]][1] == 0L) character(0) else as.character(ids[nb[[i]]])))
  )
}
gwt_summary <- function(file) {
  # read.gwt2nb keeps the weights in attr "GeoDa"$dist, in the same order as the neighbours.
  nb <- suppressWarnings(read.gwt2nb(file.path(out, file)))
  ids <- attr(nb, "region.id")
  w <- attr(nb, "GeoDa")$dist
  list(
    file = file,
    n = length(nb),
    links = sum(card(nb)),
    weight_total = sum(unlist(w)),
    ids = as.character(ids),
    neighbours = lapply(seq_along(nb), function(i) I(if (nb[[i]][1] == 0L) character(0) else as.character(ids[nb[[i]]]))),
    weights = lapply(seq_along(nb), function(i) I(if (nb[[i]][1] == 0L) numeric(0) else w[[i]]))
  )
}
gal_files <- c("columbus_spdata.gal", "ncCC89_spdata.gal", "NY_spdata.gal", "columbus_oldstyle.gal", "columbus_r.gal", "nc_sids_r.gal")
gwt_files <- c("baltk4_spdata.gwt", "columbus_B.gwt", "columbus_W.gwt", "nc_sids_W.gwt")
summary <- list(gal = lapply(gal_files, gal_summary), gwt = lapply(gwt_files, gwt_summary))
writeLines(toJSON(summary, auto_unbox = TRUE, digits = NA, pretty = FALSE), file.path(out, "weights_r.json"))
cat("wrote", length(gal_files) + length(gwt_files), "weights files and weights_r.json\n")

# An .xlsx written by openxlsx (another writer than exceljs), and what readxl reads from it.
suppressPackageStartupMessages({
  library(openxlsx)
  library(readxl)
})
indicators <- data.frame(
  code = c("410102", "0410", "410305", "410306"),
  name = c("郑州航空港", "开封 & <汴>", NA, "洛阳\n高新"),
  output = c(1234.5, NA, -7e-5, 1e15),
  national = c(TRUE, FALSE, NA, TRUE),
  founded = as.Date(c("2013-03-07", NA, "1991-01-01", "2024-02-29")),
  stringsAsFactors = FALSE
)
panel <- data.frame(year = c(2022, 2023), value = c(0.1, 0.2))
xlsx_file <- file.path(out, "openxlsx_two_sheets.xlsx")
write.xlsx(list("集群指标" = indicators, "panel" = panel), xlsx_file, overwrite = TRUE)
read_back <- function(sheet) {
  df <- as.data.frame(read_excel(xlsx_file, sheet = sheet))
  for (k in names(df)) if (inherits(df[[k]], c("POSIXct", "Date"))) df[[k]] <- format(df[[k]], "%Y-%m-%d")
  list(sheet = sheet, columns = names(df), rows = df)
}
xlsx_summary <- list(sheets = excel_sheets(xlsx_file), tables = lapply(excel_sheets(xlsx_file), read_back))
writeLines(toJSON(xlsx_summary, auto_unbox = TRUE, digits = NA, na = "null", dataframe = "rows"), file.path(out, "openxlsx_readxl.json"))
cat("wrote openxlsx_two_sheets.xlsx and openxlsx_readxl.json\n")
