# Golden values for AHP weights: principal eigenvector by R's eigen(), lambda max, CI, CR with Saaty's RI.
# Run: Rscript packages/domain/scripts/golden/ahp.R  (from the repo root)
library(jsonlite)
ri <- c(0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49)
golden <- function(name, m) {
  e <- eigen(m)
  k <- which.max(Re(e$values))
  w <- abs(Re(e$vectors[, k])); w <- w / sum(w)
  n <- nrow(m); lambda <- Re(e$values[k])
  ci <- (lambda - n) / (n - 1)
  out <- list(name = name, matrix = m, weights = w, lambdaMax = lambda, ci = ci, ri = ri[n], cr = ci / ri[n])
  write(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), file.path("packages/domain/test/fixtures/ahp", paste0(name, ".json")))
}
# Saaty-scale judgements over four criteria, acceptable consistency.
golden("four-criteria", matrix(c(1, 3, 5, 7,
                                  1/3, 1, 3, 5,
                                  1/5, 1/3, 1, 3,
                                  1/7, 1/5, 1/3, 1), 4, byrow = TRUE))
# Deliberately inconsistent judgements (A > B > C but C > A): CR far above 0.1.
golden("inconsistent", matrix(c(1, 5, 1/5, 3,
                                 1/5, 1, 5, 1/3,
                                 5, 1/5, 1, 5,
                                 1/3, 3, 1/5, 1), 4, byrow = TRUE))
# Five criteria, mixed judgements.
golden("five-criteria", matrix(c(1, 2, 4, 6, 9,
                                  1/2, 1, 3, 5, 7,
                                  1/4, 1/3, 1, 2, 4,
                                  1/6, 1/5, 1/2, 1, 2,
                                  1/9, 1/7, 1/4, 1/2, 1), 5, byrow = TRUE))
# Saaty (1990), "How to make a decision: the analytic hierarchy process", EJOR 48, school-choice example:
# criteria learning, friends, school life, vocational training, college preparation, music classes.
# Published: lambda max = 7.49, C.I. = 0.30, C.R. = 0.24.
golden("saaty-school", matrix(c(1, 4, 3, 1, 3, 4,
                                 1/4, 1, 7, 3, 1/5, 1,
                                 1/3, 1/7, 1, 1/5, 1/5, 1/6,
                                 1, 1/3, 5, 1, 1, 1/3,
                                 1/3, 5, 5, 1, 1, 3,
                                 1/4, 1, 6, 3, 1/3, 1), 6, byrow = TRUE))
