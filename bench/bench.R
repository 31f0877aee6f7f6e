# R side of scripts/bench.mjs: time one case with the R packages Jiju is compared with.
# Usage: Rscript bench/bench.R <case> <runs>   (run from the repository root, after bench/generate-data.R)
# Prints one JSON line: {"case":..., "seconds":[...], "cpuSeconds":[...], "peakRssMB":...}. Only the model / test call is timed
# (data and weights are built first), as in the JavaScript side.
suppressPackageStartupMessages({ library(spdep); library(spatialreg) })
args <- commandArgs(trailingOnly = TRUE)
case <- args[1]; runs <- as.integer(args[2])
read_gal <- function(path) read.gal(path, override.id = TRUE)
# Wall-clock and CPU (user + system) seconds of each run.
cpu <- numeric(0)
timeit <- function(f) vapply(seq_len(runs), function(i) {
  t <- system.time(f())
  cpu <<- c(cpu, t[["user.self"]] + t[["sys.self"]])
  t[["elapsed"]]
}, numeric(1))
res <- switch(case,
  "moran-3107" = {
    d <- read.csv("bench/data/elect80.csv"); lw <- nb2listw(read_gal("bench/data/elect80.gal"), style = "W", zero.policy = TRUE)
    x <- log(d$pc_turnout)
    timeit(function() moran.mc(x, lw, nsim = 999, zero.policy = TRUE))
  },
  "slm-3107" = , "sem-3107" = , "sdm-3107" = {
    d <- read.csv("bench/data/elect80.csv"); lw <- nb2listw(read_gal("bench/data/elect80.gal"), style = "W", zero.policy = TRUE)
    f <- log(pc_turnout) ~ log(pc_college) + log(pc_homeownership) + log(pc_income)
    if (case == "slm-3107") timeit(function() lagsarlm(f, d, lw, method = "Matrix", zero.policy = TRUE))
    else if (case == "sdm-3107") timeit(function() lagsarlm(f, d, lw, Durbin = TRUE, method = "Matrix", zero.policy = TRUE))
    else timeit(function() errorsarlm(f, d, lw, method = "Matrix", zero.policy = TRUE))
  },
  "slm-25357" = , "sdm-25357" = {
    d <- read.csv("bench/data/house.csv"); lw <- nb2listw(read_gal("bench/data/house.gal"), style = "W")
    f <- log(price) ~ age + I(age^2) + log(TLA) + log(lotsize) + rooms + beds + baths + halfbaths + syear
    if (case == "slm-25357") timeit(function() lagsarlm(f, d, lw, method = "Matrix"))
    else timeit(function() lagsarlm(f, d, lw, Durbin = TRUE, method = "Matrix"))
  },
  "panel-200000" = {
    suppressPackageStartupMessages(library(plm))
    d <- read.csv("bench/data/panel.csv")
    f <- y ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10
    timeit(function() summary(plm(f, d, index = c("unit", "period"), effect = "twoways", model = "within")))
  },
  stop("unknown case ", case)
)
hwm <- grep("^VmHWM", readLines("/proc/self/status"), value = TRUE)
peak <- as.numeric(gsub("[^0-9]", "", hwm)) / 1024
cat(sprintf('{"case":"%s","seconds":[%s],"cpuSeconds":[%s],"peakRssMB":%.1f}\n', case, paste(sprintf("%.4f", res), collapse = ","),
  paste(sprintf("%.4f", cpu), collapse = ","), peak))
