# Golden fixtures for geographically weighted regression, from an R implementation written here after GWmodel's
# definitions (GWmodel and spgwr are not installable here; GWmodel's gwr.basic, gw.weight and bw.gwr define):
#   kernels: gaussian exp(-0.5 (d/b)^2); bisquare (1 - (d/b)^2)^2 for d < b, else 0;
#   adaptive bandwidth: b_i = the K-th smallest distance from point i, the point itself (distance 0) counted first;
#   beta_i = (X'W_iX)^-1 X'W_i y; S row i = x_i'(X'W_iX)^-1 X'W_i; sigma^2 = RSS/(n - 2 tr S + tr S'S);
#   SE = sqrt(sigma^2 diag(C_i C_i')); AIC = n ln(RSS/n) + n ln(2 pi) + n + tr S;
#   AICc = n ln(RSS/n) + n ln(2 pi) + n (n + tr S)/(n - 2 - tr S) (Fotheringham, Brunsdon and Charlton 2002,
#   eqs. 2.33 and 4.22); local R^2 = (TSS_w - RSS_w)/TSS_w with the global mean and the GWR residuals;
#   CV = sum_i (y_i - yhat_(-i))^2 with the point's own weight set to 0.
# Second routes checked before writing: every local fit by lm.wfit as well as by the normal equations; tr S and
# tr S'S from the full n x n hat matrix; a gaussian kernel with a huge bandwidth reproduces lm() (tr S = p).
# Bandwidth selection: AICc/CV at every adaptive K (brute force), and for fixed bandwidths a 400-point grid
# refined by optimize() (Brent), independent of the golden-section search being tested.
#
# Run from packages/domain:  Rscript scripts/golden/gwr.R
# Reads test/fixtures/weights/columbus.csv; writes test/fixtures/gwr/boston.csv and test/fixtures/gwr/gwr.json.
# Needs spData and jsonlite.

suppressMessages({
  library(spData)
  library(jsonlite)
})
out <- "test/fixtures/gwr"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
put_json <- function(x, path) write(toJSON(x, digits = NA, auto_unbox = TRUE, null = "null", na = "null", matrix = "rowmajor"), path)
near <- function(a, b, tol = 1e-8) all(abs(a - b) <= tol * pmax(1, abs(b)))

kernel_w <- function(d, b, kernel) if (kernel == "gaussian") exp(-0.5 * (d / b)^2) else ifelse(d < b, (1 - (d / b)^2)^2, 0)
bandwidth_i <- function(d, bw, adaptive) if (adaptive) sort(d)[bw] else bw

gwr_ref <- function(X, y, coords, kernel, adaptive, bw, check = TRUE) {
  n <- nrow(X); p <- ncol(X)
  D <- as.matrix(dist(coords))
  S <- matrix(0, n, n); betas <- matrix(0, n, p); CC <- matrix(0, n, p); W <- matrix(0, n, n)
  for (i in 1:n) {
    w <- kernel_w(D[, i], bandwidth_i(D[, i], bw, adaptive), kernel)
    W[i, ] <- w
    C <- solve(crossprod(X * w, X), t(X * w))
    betas[i, ] <- C %*% y
    S[i, ] <- X[i, ] %*% C
    CC[i, ] <- rowSums(C^2)
    if (check) stopifnot(near(unname(lm.wfit(X, y, w)$coefficients), betas[i, ]))
  }
  trS <- sum(diag(S)); trStS <- sum(S^2)
  yhat <- as.vector(S %*% y)
  stopifnot(near(yhat, rowSums(X * betas)))
  e <- y - yhat; RSS <- sum(e^2)
  edf <- n - 2 * trS + trStS
  sigma2 <- RSS / edf
  r2 <- 1 - RSS / sum((y - mean(y))^2)
  tssw <- as.vector(W %*% (y - mean(y))^2); rssw <- as.vector(W %*% e^2)
  list(n = n, rss = RSS, trace_s = trS, trace_sts = trStS, enp = 2 * trS - trStS, edf = edf, sigma2 = sigma2,
    aic = n * log(RSS / n) + n * log(2 * pi) + n + trS,
    aicc = n * log(RSS / n) + n * log(2 * pi) + n * (n + trS) / (n - 2 - trS),
    r2 = r2, adj_r2 = 1 - (1 - r2) * (n - 1) / (edf - 1),
    betas = betas, se = sqrt(sigma2 * CC), fitted = yhat, local_r2 = (tssw - rssw) / tssw)
}

# Score of one bandwidth: AICc (only tr S and RSS) or CV; Inf where a local system is singular.
score_ref <- function(X, y, D, kernel, adaptive, bw, criterion) {
  n <- nrow(X); trS <- 0; yhat <- numeric(n)
  for (i in 1:n) {
    w <- kernel_w(D[, i], bandwidth_i(D[, i], bw, adaptive), kernel)
    if (criterion == "cv") w[i] <- 0
    A <- crossprod(X * w, X)
    if (rcond(A) < 1e-13) return(Inf)
    beta <- solve(A, crossprod(X * w, y))
    yhat[i] <- sum(X[i, ] * beta)
    if (criterion == "aicc") trS <- trS + sum(X[i, ] * solve(A, X[i, ]))
  }
  RSS <- sum((y - yhat)^2)
  if (criterion == "cv") return(RSS)
  if (n - 2 - trS <= 0) return(Inf)
  n * log(RSS / n) + n * log(2 * pi) + n * (n + trS) / (n - 2 - trS)
}

select_adaptive <- function(X, y, coords, kernel, criterion, ks) {
  D <- as.matrix(dist(coords))
  s <- sapply(ks, function(k) score_ref(X, y, D, kernel, TRUE, k, criterion))
  list(k = ks[which.min(s)], score = min(s), ks = ks, scores = s)
}

select_fixed <- function(X, y, coords, kernel, criterion, lower, upper) {
  D <- as.matrix(dist(coords))
  f <- function(b) score_ref(X, y, D, kernel, FALSE, b, criterion)
  grid <- exp(seq(log(lower), log(upper), length.out = 400))
  s <- sapply(grid, f)
  m <- which.min(s)
  o <- optimize(f, c(grid[max(1, m - 1)], grid[min(400, m + 1)]), tol = 1e-10)
  list(bandwidth = o$minimum, score = o$objective, grid = grid, scores = s)
}

design <- function(d, terms) cbind("(Intercept)" = 1, as.matrix(as.data.frame(terms)))

case <- function(name, X, y, coords, ids, kernel, adaptive, bw) {
  r <- gwr_ref(X, y, coords, kernel, adaptive, bw)
  c(list(name = name, kernel = kernel, adaptive = adaptive, bandwidth = bw, names = colnames(X), ids = ids), r)
}

# ------------------------------------------------------------------------------------------------ Columbus
col <- read.csv("test/fixtures/weights/columbus.csv")
cX <- design(col, list(INC = col$INC, HOVAL = col$HOVAL))
cy <- col$CRIME
cxy <- cbind(col$X, col$Y)
cD <- as.matrix(dist(cxy)); diag(cD) <- Inf
nn_max <- max(apply(cD, 1, min))
third_max <- max(apply(cD, 1, function(d) sort(d)[3]))
ids <- as.character(col$POLYID)

# Second route for the whole model: a huge gaussian bandwidth is ordinary least squares.
huge <- gwr_ref(cX, cy, cxy, "gaussian", FALSE, 1e7)
ols <- lm(CRIME ~ INC + HOVAL, data = col)
stopifnot(near(huge$betas[1, ], unname(coef(ols)), 1e-6), abs(huge$trace_s - 3) < 1e-6)

cases <- list(
  case("columbus gaussian fixed 3.5", cX, cy, cxy, ids, "gaussian", FALSE, 3.5),
  case("columbus bisquare fixed 6", cX, cy, cxy, ids, "bisquare", FALSE, 6),
  case("columbus bisquare adaptive 20", cX, cy, cxy, ids, "bisquare", TRUE, 20),
  case("columbus gaussian adaptive 10", cX, cy, cxy, ids, "gaussian", TRUE, 10)
)

# -------------------------------------------------------------------------------------------------- Boston
data(boston, package = "spData")
b <- boston.c
bos <- data.frame(id = attr(boston.soi, "region.id"), x = boston.utm[, 1], y = boston.utm[, 2], CMEDV = b$CMEDV,
  CRIM = b$CRIM, RM = b$RM, LSTAT = b$LSTAT, NOX = b$NOX, DIS = b$DIS)
write.csv(bos, file.path(out, "boston.csv"), row.names = FALSE)
bX <- design(bos, list(RM = bos$RM, "log(LSTAT)" = log(bos$LSTAT), CRIM = bos$CRIM))
by <- log(bos$CMEDV)
bxy <- cbind(bos$x, bos$y)
cases[[length(cases) + 1]] <- case("boston bisquare adaptive 50", bX, by, bxy, as.character(bos$id), "bisquare", TRUE, 50)
cases[[length(cases) + 1]] <- case("boston gaussian fixed 4.5", bX, by, bxy, as.character(bos$id), "gaussian", FALSE, 4.5)

# -------------------------------------------------------------------------------------------------- selection
box <- function(xy) sqrt(diff(range(xy[, 1]))^2 + diff(range(xy[, 2]))^2)
selection <- list(
  columbus_bisquare_adaptive_aicc = select_adaptive(cX, cy, cxy, "bisquare", "aicc", 5:49),
  columbus_bisquare_adaptive_cv = select_adaptive(cX, cy, cxy, "bisquare", "cv", 5:49),
  columbus_gaussian_adaptive_aicc = select_adaptive(cX, cy, cxy, "gaussian", "aicc", 5:49),
  columbus_gaussian_fixed_aicc = select_fixed(cX, cy, cxy, "gaussian", "aicc", nn_max, box(cxy)),
  columbus_gaussian_fixed_cv = select_fixed(cX, cy, cxy, "gaussian", "cv", nn_max, box(cxy)),
  boston_bisquare_adaptive_aicc = select_adaptive(bX, by, bxy, "bisquare", "aicc", 6:506)
)

put_json(list(ols_columbus = list(coefficients = unname(coef(ols)), huge_bandwidth_betas = huge$betas[1, ], huge_trace_s = huge$trace_s),
  columbus_nn_max = nn_max, columbus_third_max = third_max, cases = cases, selection = selection), file.path(out, "gwr.json"))
cat("wrote gwr fixtures\n")
