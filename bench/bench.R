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
  "slm-grid15625" = , "sem-grid15625" = , "slm-grid62500" = , "sem-grid62500" = ,
  "slm-grid250000" = , "sem-grid250000" = , "slm-knn250000" = , "sem-knn250000" = {
    g <- sub("^s[le]m-", "", case)
    # The grids' neighbours as bench/generate-data.R builds them (cell2nb; its GAL file lists the same): read.gal
    # alone takes R minutes of CPU at 62,500 units and more at 250,000 (untimed, but it delays the run).
    # The 250,000 points' nearest neighbours likewise from the generator's seed (a k-d tree with dbscan installed).
    nb <- if (startsWith(g, "grid")) { k <- as.integer(round(sqrt(as.numeric(sub("grid", "", g))))); cell2nb(k, k, type = "queen") } else {
      set.seed(20261250); knn2nb(knearneigh(cbind(runif(250000), runif(250000)), k = 6))
    }
    d <- read.csv(sprintf("bench/data/%s.csv", g)); lw <- nb2listw(nb, style = "W")
    # k-nearest neighbours are not symmetric: spatialreg's sparse method for them is "LU".
    method <- if (startsWith(g, "knn")) "LU" else "Matrix"
    if (startsWith(case, "slm")) timeit(function() lagsarlm(y ~ x1 + x2, d, lw, method = method))
    else timeit(function() errorsarlm(y ~ x1 + x2, d, lw, method = method))
  },
  "moran-grid250000" = {
    d <- read.csv("bench/data/grid250000.csv"); lw <- nb2listw(read_gal("bench/data/grid250000.gal"), style = "W")
    timeit(function() moran.mc(d$y, lw, nsim = 999))
  },
  "lisa-grid250000" = , "lisa-25357" = {
    # Both cores, as jiju lisa: spdep runs localmoran_perm's permutations in parallel with set.coresOption.
    set.coresOption(2L)
    if (case == "lisa-25357") {
      d <- read.csv("bench/data/house.csv"); lw <- nb2listw(read_gal("bench/data/house.gal"), style = "W"); x <- log(d$price); nsim <- 9999
    } else {
      d <- read.csv("bench/data/grid250000.csv"); lw <- nb2listw(read_gal("bench/data/grid250000.gal"), style = "W"); x <- d$y; nsim <- 999
    }
    timeit(function() localmoran_perm(x, lw, nsim = nsim, iseed = 1))
  },
  "concentration-4m" = {
    # From the file to the indices, as jiju concentration (REAT definitions, restated as in
    # packages/domain/scripts/golden/concentration.R): fread, aggregate, LQ, HHI, Krugman, Gini, EG with plant H.
    suppressPackageStartupMessages(library(data.table))
    timeit(function() {
      f <- fread("bench/data/firms.csv")
      cells <- f[, .(e = sum(employment)), by = .(region, industry)]
      M <- as.matrix(dcast(cells, region ~ industry, value.var = "e", fill = 0)[, -1])
      e_r <- rowSums(M); e_i <- colSums(M); e <- sum(M)
      lq <- sweep(sweep(M, 1, e_r, "/"), 2, e_i / e, "/")
      hhi <- colSums(sweep(M, 2, e_i, "/")^2)
      krugman <- rowSums(abs(sweep(M, 1, e_r, "/") - matrix(e_i / e, nrow(M), ncol(M), byrow = TRUE)))
      gini_lq <- function(v) { n <- length(v); m <- mean(v); 2 / (n^2 * m) * sum(seq_len(n) * (sort(v) - m)) }
      gini <- apply(lq, 2, gini_lq)
      plants <- f[, .(e = sum(employment)), by = .(industry, firm)]
      H <- plants[, .(H = sum((e / sum(e))^2)), by = industry]
      x <- e_r / e; a <- 1 - sum(x^2)
      G <- colSums((sweep(M, 2, e_i, "/") - x)^2)
      gamma <- (G - a * H$H[match(colnames(M), H$industry)]) / (a * (1 - H$H[match(colnames(M), H$industry)]))
      list(lq, hhi, krugman, gini, gamma)
    })
  },
  "assessment-3000" = {
    # The same computation in base R: min–max normalisation within groups (negative indicators reversed),
    # weighted scores and competition ranks, then 1,000 Dirichlet(100·w) weight draws with ranks per group.
    set.seed(1)
    N <- 3000; K <- 60
    X <- matrix(50 + 100 * runif(N * K), N, K)
    w0 <- rep(1 + ((rep(0:3, each = 15) * 7 + rep(0:14, 4)) %% 5), 1); w0 <- w0 / sum(w0)
    neg <- rep(0:14, 4) %% 6 == 5
    group <- ifelse((seq_len(N) - 1) %% 3 == 0, "urban_district", "county")
    timeit(function() {
      Z <- X
      for (g in unique(group)) {
        i <- group == g
        lo <- apply(X[i, ], 2, min); hi <- apply(X[i, ], 2, max)
        z <- sweep(sweep(X[i, ], 2, lo), 2, hi - lo, "/")
        z[, neg] <- 1 - z[, neg]
        Z[i, ] <- z
      }
      score <- drop(Z %*% w0)
      rank0 <- ave(-score, group, FUN = function(s) rank(s, ties.method = "min"))
      G <- matrix(rgamma(K * 1000, shape = 100 * w0), K, 1000)
      W <- sweep(G, 2, colSums(G), "/")
      S <- Z %*% W
      R <- matrix(0L, N, 1000)
      for (g in unique(group)) { i <- group == g; R[i, ] <- apply(-S[i, ], 2, rank, ties.method = "min") }
      q <- apply(R, 1, quantile, probs = c(0.05, 0.5, 0.95), type = 1)
      list(rank0, q)
    })
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
