# Golden fixtures for fixed-effects panel regressions, computed with plm.
#
# Run from packages/domain:  Rscript scripts/golden/panel.R
# Writes CSV data and JSON results to test/fixtures/panel/. Needs plm and jsonlite.

suppressMessages({
  library(plm)
  library(jsonlite)
})

out <- "test/fixtures/panel"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
put_json <- function(x, name) write(toJSON(x, digits = NA, auto_unbox = TRUE, null = "null", na = "null"), file.path(out, name))

fit_all <- function(formula, data, index) {
  res <- list()
  for (eff in c("individual", "time", "twoways")) {
    m <- plm(formula, data = data, index = index, model = "within", effect = eff)
    s <- summary(m)
    vc <- vcovHC(m, method = "arellano", type = "sss", cluster = "group")
    sc <- summary(m, vcov = vc)
    pd <- pdim(m)
    res[[eff]] <- list(
      names = names(coef(m)),
      aliased = names(m$aliased)[m$aliased],
      estimate = unname(coef(m)),
      se = unname(s$coefficients[, 2]), t = unname(s$coefficients[, 3]), p = unname(s$coefficients[, 4]),
      cluster_se = unname(sc$coefficients[, 2]), cluster_p = unname(sc$coefficients[, 4]),
      df_residual = df.residual(m), r2 = unname(r.squared(m)), rss = deviance(m),
      n = pd$nT$N, units = pd$nT$n, periods = pd$nT$T, balanced = pd$balanced
    )
  }
  res
}

# -------------------------------------------------------------------------- Produc (balanced, 48 × 17)
data("Produc", package = "plm")
produc <- Produc[, c("state", "year", "gsp", "pcap", "pc", "emp", "unemp")]
write.csv(produc, file.path(out, "produc.csv"), row.names = FALSE)
f_produc <- log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp
put_json(list(dataset = "produc", formula = "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp", unit = "state",
  period = "year", results = fit_all(f_produc, produc, c("state", "year"))), "produc.json")

# ------------------------------------------------------------------------ Grunfeld (balanced, 10 × 20)
data("Grunfeld", package = "plm")
g <- Grunfeld
write.csv(g, file.path(out, "grunfeld.csv"), row.names = FALSE)
put_json(list(dataset = "grunfeld", formula = "inv ~ value + capital", unit = "firm", period = "year",
  results = fit_all(inv ~ value + capital, g, c("firm", "year"))), "grunfeld.json")

# ------------------------------------------------------- Grunfeld unbalanced (rows dropped), with a
# regressor constant within firms (plm drops it under individual and two-way effects)
gu <- g[-c(3, 17, 18, 45, 46, 99, 120, 150, 151, 152, 187, 200), ]
firm_size <- tapply(g$capital, g$firm, mean)
gu$size <- unname(firm_size[as.character(gu$firm)])
write.csv(gu, file.path(out, "grunfeld_unbalanced.csv"), row.names = FALSE)
put_json(list(dataset = "grunfeld_unbalanced", formula = "inv ~ value + capital", unit = "firm", period = "year",
  results = fit_all(inv ~ value + capital, gu, c("firm", "year"))), "grunfeld_unbalanced.json")
r_size <- fit_all(inv ~ value + capital + size, gu, c("firm", "year"))
put_json(list(dataset = "grunfeld_unbalanced_size", formula = "inv ~ value + capital + size", unit = "firm",
  period = "year", results = r_size[c("individual", "twoways")]), "grunfeld_unbalanced_size.json")
cat("wrote", out, "\n")
