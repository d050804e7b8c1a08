library(psych); options(digits=17, width=200)
set.seed(99)
t0 <- rnorm(10, 3, 1)
R <- sapply(1:3, function(j) round(t0 + rnorm(10, j*0.2, 0.6), 1))
cat("R rows:\n"); for (i in 1:10) cat("{", paste(R[i,], collapse=", "), "},\n")
print(ICC(R, lmer=FALSE)$results[,2:8])
# Kendall W: departments (judges, rows) x dimensions (objects, cols), department means with ties
M <- matrix(c(3.2, 3.8, 4.1, 2.9, 3.5, 3.5,
              3.0, 3.9, 4.4, 3.1, 3.3, 3.6,
              3.4, 3.4, 4.0, 2.5, 3.7, 3.9,
              2.8, 4.1, 4.3, 3.0, 3.0, 3.2,
              3.1, 3.6, 4.2, 2.7, 3.9, 3.3), nrow=5, byrow=TRUE)
f <- friedman.test(M); print(c(f$statistic, f$parameter, f$p.value, f$statistic/(nrow(M)*(ncol(M)-1))))
M2 <- M[1:3, c(1,2,4)]; f2 <- friedman.test(M2); print(M2); print(c(f2$statistic, f2$parameter, f2$p.value, f2$statistic/(nrow(M2)*(ncol(M2)-1))))
