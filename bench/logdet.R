# log|I − ρW| from R's Matrix for the bench weights, for scripts/bench.mjs to compare with Jiju's sparse factors.
# Usage: Rscript bench/logdet.R [graph …]  (from the repository root; default: every bench graph) — prints one
# JSON line. `Rscript bench/logdet.R grid250000 > bench/fixtures/logdet-grid250000.json` writes the committed
# reference that `node scripts/bench.mjs --logdet-fixtures` compares with, without R.
# Symmetric-similar W (queen grids): determinant of the similar symmetric I − ρS (Cholesky), as spatialreg
# "Matrix" factorises; k nearest neighbours: determinant of I − ρW by sparse LU, as spatialreg "LU".
suppressPackageStartupMessages({ library(spdep); library(spatialreg); library(Matrix) })
out <- list()
graphs <- commandArgs(trailingOnly = TRUE)
if (length(graphs) == 0) graphs <- c("grid15625", "grid62500", "grid250000", "knn250000", "house", "elect80")
for (g in graphs) {
  f <- sprintf("bench/data/%s.gal", g)
  k <- if (grepl("^grid[0-9]+$", g)) as.integer(round(sqrt(as.numeric(sub("grid", "", g))))) else NA
  # The grids are built as bench/generate-data.R builds them (cell2nb, the neighbours its GAL file lists):
  # read.gal alone takes R minutes at 250,000 units.
  if (is.na(k) && !file.exists(f)) next
  nb <- if (!is.na(k)) {
    cell2nb(k, k, type = "queen")
  } else if (g == "knn250000") {
    # The points and their neighbours as bench/generate-data.R draws them (fast with the dbscan package installed).
    set.seed(20261250)
    knn2nb(knearneigh(cbind(runif(250000), runif(250000)), k = 6))
  } else read.gal(f, override.id = TRUE)
  lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
  n <- length(lw$neighbours)
  sym <- !startsWith(g, "knn")
  M <- if (sym) as(listw2U_Matrix(spatialreg:::similar.listw_Matrix(lw)), "CsparseMatrix") else as(as_dgRMatrix_listw(lw), "CsparseMatrix")
  out[[g]] <- lapply(c(-0.5, 0.4, 0.9), function(rho) {
    A <- Diagonal(n) - rho * M
    list(rho = rho, logdet = as.numeric(determinant(A, logarithm = TRUE)$modulus))
  })
}
cat(jsonlite::toJSON(out, digits = NA, auto_unbox = TRUE), "\n")
