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
