# Golden values for econometrics/concentration. REAT is not installable here, so its definitions
# (locq, herf, ellison.a, krugman.spec, krugman.conc, gini.conc, gini.spec, shift with "Dunn") are
# restated below in base R, following the REAT sources function by function. Run from packages/domain:
#   Rscript scripts/golden/concentration.R
library(jsonlite)
out_dir <- "test/fixtures/concentration"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

long <- data.frame(
  region = rep(c("Zhengzhou", "Luoyang", "Kaifeng", "Xinxiang", "Nanyang"), each = 4),
  industry = rep(c("equipment", "food", "textiles", "electronics"), times = 5),
  value = c(52.0, 31.5, 8.2, 40.3,
            38.1, 12.7, 3.3, 6.0,
            9.4, 18.8, 11.9, 1.2,
            14.6, 22.3, 6.1, 3.8,
            11.0, 27.4, 19.6, 0)
)
M <- xtabs(value ~ region + industry, data = long)
M <- M[unique(long$region), unique(long$industry)]
e_j <- rowSums(M)      # region totals
e_i <- colSums(M)      # industry totals
e <- sum(M)

locq <- function(e_ij, e_j, e_i, e) (e_ij / e_i) / (e_j / e)   # REAT argument naming
herf <- function(x) sum((x / sum(x))^2)
ellison_regional <- function(e_ir, e_r, H) {
  s <- e_ir / sum(e_ir); x <- e_r / sum(e_r)
  G <- sum((s - x)^2); a <- 1 - sum(x^2)
  c(gamma = (G - a * H) / (a * (1 - H)), G = G, H = H)
}
gini_lq <- function(v) { n <- length(v); m <- mean(v); 2 / (n^2 * m) * sum(seq_len(n) * (sort(v) - m)) }

lq <- do.call(rbind, lapply(rownames(M), function(r) data.frame(region = r, industry = colnames(M),
  lq = sapply(colnames(M), function(i) locq(M[r, i], e_i[i], e_j[r], e)))))
# reference totals (national): industries and grand total larger than the data
ref_ind <- c(equipment = 900, food = 700, textiles = 300, electronics = 400)
ref_total <- 5000
lq_ref <- do.call(rbind, lapply(rownames(M), function(r) data.frame(region = r, industry = colnames(M),
  lq = sapply(colnames(M), function(i) (M[r, i] / e_j[r]) / (ref_ind[i] / ref_total)))))

H_given <- c(equipment = 0.04, food = 0.01)
eg <- lapply(colnames(M), function(i) {
  H <- if (i %in% names(H_given)) H_given[[i]] else 0
  as.list(ellison_regional(M[, i], e_j, H))
})
names(eg) <- colnames(M)

res <- list(
  long = long,
  lq = lq,
  reference = list(industry = as.list(ref_ind), total = ref_total),
  lq_reference = lq_ref,
  krugman_reference = as.list(sapply(rownames(M), function(r) sum(abs(M[r, ] / e_j[r] - ref_ind / ref_total)))),
  hhi = as.list(sapply(colnames(M), function(i) herf(M[, i]))),
  plant_herfindahl = as.list(H_given),
  ellison_glaeser = eg,
  krugman = as.list(sapply(rownames(M), function(r) sum(abs(M[r, ] / e_j[r] - e_i / e)))),
  krugman_concentration = as.list(sapply(colnames(M), function(i) sum(abs(M[, i] / e_i[i] - e_j / e)))),
  gini = as.list(sapply(colnames(M), function(i) gini_lq(sapply(rownames(M), function(r) locq(M[r, i], e_i[i], e_j[r], e))))),
  gini_specialisation = as.list(sapply(rownames(M), function(r) gini_lq(sapply(colnames(M), function(i) locq(M[r, i], e_i[i], e_j[r], e)))))
)

# Shift-share (REAT shift(), method "Dunn"), national = sums over the data
ss <- data.frame(
  region = rep(c("A", "B", "C"), each = 3),
  industry = rep(c("x", "y", "z"), times = 3),
  base = c(120, 80, 40, 60, 150, 30, 200, 20, 90),
  final = c(150, 78, 52, 66, 180, 25, 230, 31, 85)
)
n1 <- tapply(ss$base, ss$industry, sum); n2 <- tapply(ss$final, ss$industry, sum)
dunn <- lapply(c("A", "B", "C"), function(r) {
  d <- ss[ss$region == r, ]; region1 <- d$base; region2 <- d$final
  nation1 <- n1[d$industry]; nation2 <- n2[d$industry]
  list(region = r,
       change = sum(region2) - sum(region1),
       national_share = sum(region1) * sum(n2) / sum(n1) - sum(region1),
       industrial_mix = sum(region1 * (nation2 / nation1)) - sum(region1) * (sum(n2) / sum(n1)),
       regional_shift = sum(region1 * (region2 / region1 - nation2 / nation1)))
})
res$shift_share <- list(data = ss, regions = dunn)
write_json(res, file.path(out_dir, "concentration.json"), digits = NA, auto_unbox = TRUE, pretty = TRUE, dataframe = "rows")
cat("wrote", file.path(out_dir, "concentration.json"), "\n")

# ---------------------------------------------------------------------------------------------------------
# Firm-level microdata: Ellison & Glaeser (1997) with the plant Herfindahl computed from the firm rows.
# Written from the paper (their eq. 5 and the definitions of section 2), REAT-style naming:
#   s_r = industry employment share of region r, x_r = region r's share of all employment,
#   G = Σ_r (s_r − x_r)², H = Σ_k z_k² over the industry's plants (z_k = plant k's share of industry employment),
#   γ = (G − (1 − Σ x_r²) H) / ((1 − Σ x_r²)(1 − H)).
# A plant is a firm within an industry; rows of the same firm and industry are added up. Reproducible data:
# 6 regions × 5 industries, 400 firms with log-normal sizes, a few firms split over two rows, one firm in two
# industries, and one industry with a single plant (H = 1: γ undefined).
set.seed(20261206)
reg <- c("郑州", "洛阳", "开封", "新乡", "南阳", "许昌")
ind <- c("C13", "C17", "C26", "C34", "C39")
nf <- 400
firm <- sprintf("F%05d", seq_len(nf))
f_reg <- sample(reg, nf, replace = TRUE, prob = c(0.3, 0.2, 0.15, 0.15, 0.1, 0.1))
f_ind <- sample(ind[1:4], nf, replace = TRUE, prob = c(0.4, 0.3, 0.2, 0.1))
f_emp <- round(exp(rnorm(nf, 4, 1.2)))
firms <- data.frame(region = f_reg, industry = f_ind, firm = firm, employment = f_emp)
# a few firms reported on two rows (same region and industry): halves
split <- firms[c(3, 17, 101), ]
firms$employment[c(3, 17, 101)] <- firms$employment[c(3, 17, 101)] - floor(split$employment / 2)
split$employment <- floor(split$employment / 2)
firms <- rbind(firms, split)
# one firm also active in a second industry (a second plant), and a single-plant industry
firms <- rbind(firms, data.frame(region = firms$region[5], industry = "C26", firm = firms$firm[5], employment = 77))
firms <- rbind(firms, data.frame(region = "许昌", industry = "C39", firm = "F99999", employment = 250))
firms <- firms[sample(nrow(firms)), ]
rownames(firms) <- NULL

plants <- aggregate(employment ~ industry + firm + region, data = firms, FUN = sum)
E <- xtabs(employment ~ region + industry, data = firms)
E <- E[unique(firms$region), unique(firms$industry)]
e_r <- rowSums(E)
x <- e_r / sum(e_r)
eg_firms <- lapply(colnames(E), function(i) {
  s <- E[, i] / sum(E[, i])
  G <- sum((s - x)^2)
  z <- plants$employment[plants$industry == i] / sum(plants$employment[plants$industry == i])
  H <- sum(z^2)
  a <- 1 - sum(x^2)
  list(gamma = if (H < 1) (G - a * H) / (a * (1 - H)) else NA, G = G, H = H, plants = sum(plants$industry == i & plants$employment > 0))
})
names(eg_firms) <- colnames(E)

# Second route: under the dartboard model (γ = 0) plants choose regions with probabilities x_r, and EG's γ is
# unbiased: E[G] = (1 − Σx²)H, so the mean γ over many simulated industries is ≈ 0.
sim <- replicate(4000, {
  k <- 30; z <- exp(rnorm(k, 4, 1.2)); z <- z / sum(z)
  loc <- sample(seq_along(x), k, replace = TRUE, prob = x)
  s <- tapply(z, factor(loc, levels = seq_along(x)), sum); s[is.na(s)] <- 0
  H <- sum(z^2); a <- 1 - sum(x^2)
  (sum((s - x)^2) - a * H) / (a * (1 - H))
})
stopifnot(abs(mean(sim)) < 4 * sd(sim) / sqrt(length(sim)))

firm_res <- list(
  firms = firms,
  regions = rownames(E), industries = colnames(E),
  ellison_glaeser = eg_firms,
  hhi = as.list(sapply(colnames(E), function(i) herf(E[, i]))),
  krugman = as.list(sapply(rownames(E), function(r) sum(abs(E[r, ] / e_r[r] - colSums(E) / sum(E))))),
  dartboard_mean_gamma = mean(sim), dartboard_se = sd(sim) / sqrt(length(sim))
)
write_json(firm_res, file.path(out_dir, "firms.json"), digits = NA, auto_unbox = TRUE, pretty = TRUE, dataframe = "rows", na = "null")
cat("wrote", file.path(out_dir, "firms.json"), "\n")
