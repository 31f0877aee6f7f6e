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
  "gistar-3107" = {
    lw <- nb2listw(include.self(read_gal("bench/data/elect80.gal")), style = "W")
    x <- log(read.csv("bench/data/elect80.csv")$pc_turnout)
    timeit(function() localG(x, lw, return_internals = TRUE))
  },
  "gwr-3107" = , "gwr-aicc-3107" = {
    # GWmodel and spgwr are not installable here: the R side is Jiju's golden reference written after GWmodel's
    # definitions (scripts/golden/gwr.R), vectorised per point.
    d <- read.csv("bench/data/elect80_xy.csv")
    X <- cbind(1, log(d$pc_college), log(d$pc_homeownership), log(d$pc_income)); y <- log(d$pc_turnout)
    xy <- cbind(d$x, d$y)
    fit <- function(bw, adaptive, kernel) {
      n <- nrow(X); betas <- matrix(0, n, ncol(X)); CC <- betas; trS <- 0; trStS <- 0
      for (i in 1:n) {
        dd <- sqrt((xy[, 1] - xy[i, 1])^2 + (xy[, 2] - xy[i, 2])^2)
        b <- if (adaptive) sort(dd)[bw] else bw
        w <- if (kernel == "gaussian") exp(-0.5 * (dd / b)^2) else ifelse(dd < b, (1 - (dd / b)^2)^2, 0)
        C <- solve(crossprod(X * w, X), t(X * w))
        betas[i, ] <- C %*% y
        s <- X[i, ] %*% C
        trS <- trS + s[i]; trStS <- trStS + sum(s^2); CC[i, ] <- rowSums(C^2)
      }
      list(betas = betas, se = CC, trS = trS, trStS = trStS)
    }
    if (case == "gwr-3107") timeit(function() fit(1.5, FALSE, "gaussian"))
    else {
      # AICc at K from the sorted distances, integer golden section over [6, n] as GWmodel's bw.gwr, then the fit.
      n <- nrow(X)
      sorted <- apply(as.matrix(dist(xy)), 2, sort)
      aicc <- function(k) {
        trS <- 0; yhat <- numeric(n)
        for (i in 1:n) {
          dd <- sqrt((xy[, 1] - xy[i, 1])^2 + (xy[, 2] - xy[i, 2])^2)
          b <- sorted[k, i]
          w <- ifelse(dd < b, (1 - (dd / b)^2)^2, 0)
          A <- crossprod(X * w, X)
          yhat[i] <- sum(X[i, ] * solve(A, crossprod(X * w, y)))
          trS <- trS + sum(X[i, ] * solve(A, X[i, ]))
        }
        rss <- sum((y - yhat)^2)
        n * log(rss / n) + n * log(2 * pi) + n * (n + trS) / (n - 2 - trS)
      }
      gold <- function(a, b) {
        r <- (sqrt(5) - 1) / 2
        c1 <- round(b - r * (b - a)); d1 <- round(a + r * (b - a)); fc <- aicc(c1); fd <- aicc(d1)
        while (b - a > 4) {
          if (fc <= fd) { b <- d1; d1 <- c1; fd <- fc; c1 <- round(b - r * (b - a)); fc <- aicc(c1) }
          else { a <- c1; c1 <- d1; fc <- fd; d1 <- round(a + r * (b - a)); fd <- aicc(d1) }
        }
        ks <- a:b; ks[which.min(sapply(ks, aicc))]
      }
      timeit(function() fit(gold(6, n), TRUE, "bisquare"))
    }
  },
  stop("unknown case ", case)
)
hwm <- grep("^VmHWM", readLines("/proc/self/status"), value = TRUE)
peak <- as.numeric(gsub("[^0-9]", "", hwm)) / 1024
cat(sprintf('{"case":"%s","seconds":[%s],"cpuSeconds":[%s],"peakRssMB":%.1f}\n', case, paste(sprintf("%.4f", res), collapse = ","),
  paste(sprintf("%.4f", cpu), collapse = ","), peak))
