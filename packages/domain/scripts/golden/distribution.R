# Golden fixtures for the Gaussian kernel density: R's density() with its defaults (bw.nrd0, n = 512, cut = 3).
# R 4.2 (the version these fixtures come from) computes the density by linear binning and an FFT convolution;
# the fixtures also carry the exact kernel sum at the same grid, to show how far the binned estimate is from it.
#
# Run from packages/domain:  Rscript scripts/golden/distribution.R
# Reads test/fixtures/disparity/produc.csv (written by disparity.R); writes test/fixtures/distribution/density.json.
# Needs jsonlite.

suppressMessages(library(jsonlite))
out <- "test/fixtures/distribution"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
put_json <- function(x, path) write(toJSON(x, digits = NA, auto_unbox = TRUE, null = "null", na = "null"), path)

doc <- function(x) {
  d <- density(x)
  exact <- sapply(d$x, function(t) mean(dnorm(t, x, d$bw)))
  list(values = x, n = d$n, bandwidth = d$bw, bw_nrd0 = bw.nrd0(x), x = d$x, y = d$y, exact = exact)
}

d <- read.csv("test/fixtures/disparity/produc.csv")
d$productivity <- d$gsp / d$emp
set.seed(20261126)
cases <- list(
  small = doc(c(1, 2, 3, 4, 10)),
  # IQR = 0 but sd > 0: bw.nrd0 falls back to the SD.
  iqr_zero = doc(c(5, 5, 5, 5, 5, 5, 5, 9)),
  lognormal = doc(round(rlnorm(300, 2, 0.8), 4)),
  produc_1970 = doc(d$productivity[d$year == 1970]),
  produc_1986 = doc(d$productivity[d$year == 1986]),
  produc_pooled = doc(d$productivity)
)
put_json(list(r_version = R.version.string, cases = cases), file.path(out, "density.json"))
cat("wrote distribution fixtures\n")
